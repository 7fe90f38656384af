import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { buildAgent, buildOrg } from '../../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../../test/harness.js';
import type { PublishedEvent } from '../events/bus.js';
import { signOutDevice } from '../presence/presence.js';
import { createConversation } from './create-conversation.js';
import { ALL_CANDIDATES, findTeamCandidates } from './routing.repo.js';
import { buildRoutedTeam, goOnline } from './routing-test-support.js';
import { type RoutingMode, rankCandidates } from './selection.js';

/*
 * The candidate query ranks in SQL and sends only the best few: ranking those must give the start
 * of the ranking of all, whatever the mode, loads, last assignments (ties to the millisecond and
 * within it) and cursor. And a team whose best-ranked members are all offline still routes.
 */

let env: TestEnv;

before(async () => {
  env = await createTestEnv();
});

after(async () => {
  await env.close();
});

const SIZE = 8;
const CAPACITY = 3;
const EPOCH_MS = Date.parse('2026-01-01T00:00:00Z');

interface MemberState {
  load: number;
  /** Milliseconds after EPOCH_MS of the last assignment, and microseconds within it; null: never. */
  last: { ms: number; micros: number } | null;
  order: number;
}

/** A PostgreSQL array literal, passed as one parameter (a bare array becomes a list of them). */
const pgArray = (values: readonly (string | number | null)[]) =>
  `{${values.map((v) => (v === null ? 'NULL' : String(v))).join(',')}}`;

const memberState: fc.Arbitrary<MemberState> = fc.record({
  // CAPACITY itself: full, so not a candidate at all.
  load: fc.integer({ min: 0, max: CAPACITY }),
  last: fc.option(
    fc.record({ ms: fc.integer({ min: 0, max: 3 }), micros: fc.integer({ min: 0, max: 999 }) }),
  ),
  order: fc.integer({ min: 0, max: 3 }),
});

describe('routed candidates and the one-statement routed create', () => {
  it('sends the start of the ranking of every candidate, ties and cursor included (property)', async () => {
    const ctx = await buildOrg(env);
    const orgId = ctx.actor.orgId;
    const { teamId, agentIds } = await buildRoutedTeam(ctx, {
      size: SIZE,
      capacity: CAPACITY,
      online: false,
    });
    const outsider = (await buildAgent(ctx)).id;
    const now = new Date(EPOCH_MS + 60_000);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<RoutingMode>('least_busy', 'round_robin'),
        fc.array(memberState, { minLength: SIZE, maxLength: SIZE }),
        // A member, an agent that left the team, or none.
        fc.option(fc.integer({ min: 0, max: SIZE })),
        fc.integer({ min: 1, max: SIZE }),
        fc.uuid(),
        async (mode, members, cursor, limit, seed) => {
          await ctx.db.execute(sql`
            UPDATE agents a SET assigned_count = s.load,
              last_assigned_at = CASE WHEN s.ms IS NULL THEN NULL
                ELSE ${new Date(EPOCH_MS).toISOString()}::timestamptz
                  + s.ms * interval '1 millisecond' + s.micros * interval '1 microsecond' END
            FROM unnest(${pgArray(agentIds)}::uuid[], ${pgArray(members.map((m) => m.load))}::int[],
              ${pgArray(members.map((m) => m.last?.ms ?? null))}::int[],
              ${pgArray(members.map((m) => m.last?.micros ?? null))}::int[]) AS s(id, load, ms, micros)
            WHERE a.org_id = ${orgId} AND a.id = s.id`);
          await ctx.db.execute(sql`
            UPDATE team_members m SET priority = s.ord
            FROM unnest(${pgArray(agentIds)}::uuid[], ${pgArray(members.map((m) => m.order))}::int[]) AS s(id, ord)
            WHERE m.org_id = ${orgId} AND m.team_id = ${teamId} AND m.agent_id = s.id`);
          const cursorId = cursor === null ? null : (agentIds[cursor] ?? outsider);
          await ctx.db.execute(sql`
            UPDATE teams SET routing = ${mode}, routing_cursor_agent_id = ${cursorId}
            WHERE org_id = ${orgId} AND id = ${teamId}`);

          const all = await findTeamCandidates(ctx.db, orgId, teamId, null, ALL_CANDIDATES);
          const some = await findTeamCandidates(ctx.db, orgId, teamId, null, limit);
          assert.ok(all !== null && some !== null);
          assert.equal(all.candidates.length, members.filter((m) => m.load < CAPACITY).length);
          const policy = { mode, cursor: all.team.cursor, seed };
          const full = rankCandidates(all.candidates, policy, now);
          const start = rankCandidates(some.candidates, policy, now);
          assert.ok(start.length >= Math.min(limit, full.length), `${start.length} of ${full.length}`);
          assert.ok(mode === 'least_busy' || start.length === Math.min(limit, full.length));
          assert.deepEqual(start, full.slice(0, start.length));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('routes to an online member ranked below every member the first page holds', async () => {
    const ctx = await buildOrg(env);
    const size = 70;
    const { teamId, agentIds } = await buildRoutedTeam(ctx, { size, capacity: 2, online: false });
    // Ranked last: assigned most recently. Every other member is offline.
    const last = agentIds[size - 1] as string;
    await ctx.db.execute(sql`
      UPDATE agents SET last_assigned_at = now() - interval '1 hour'
        + (CASE WHEN id = ${last} THEN 59 ELSE 0 END) * interval '1 minute'
      WHERE org_id = ${ctx.actor.orgId} AND id = ANY(${pgArray(agentIds)}::uuid[])`);
    await goOnline(ctx, last);
    const { conversation } = await createConversation(ctx, { teamId });
    assert.equal(conversation.status, 'assigned');
    assert.equal(conversation.assigneeId, last);
    // And once that one has gone too, nobody takes it.
    await signOutDevice(ctx, last, 'desk');
    const queued = (await createConversation(ctx, { teamId })).conversation;
    assert.equal(queued.status, 'queued');
  });

  it('names the agent the statement picked in the stored and the live conversation.assigned', async () => {
    const ctx = await buildOrg(env);
    const { teamId } = await buildRoutedTeam(ctx, { size: 3 });
    const live: PublishedEvent[] = [];
    const stop = ctx.events.subscribe((e) => {
      if (e.orgId === ctx.actor.orgId) {
        live.push(e);
      }
    });
    try {
      const { conversation } = await createConversation(ctx, { teamId, externalId: 'ext-1' });
      assert.equal(conversation.status, 'assigned');
      const stored = await ctx.db.execute(sql`
        SELECT type, payload FROM outbox_events WHERE org_id = ${ctx.actor.orgId} AND type LIKE 'conversation.%'
        ORDER BY id`);
      const rows = (stored as unknown as { rows: { type: string; payload: Record<string, unknown> }[] }).rows;
      assert.deepEqual(
        rows.map((r) => r.type),
        ['conversation.created', 'conversation.assigned'],
      );
      assert.deepEqual(rows[1]?.payload, {
        conversation_id: conversation.id,
        team_id: teamId,
        agent_id: conversation.assigneeId,
        forced: false,
      });
      const published = live.filter((e) => e.type.startsWith('conversation.'));
      assert.deepEqual(
        published.map((e) => [e.type, (e.data as { agent_id?: string }).agent_id]),
        [
          ['conversation.created', undefined],
          ['conversation.assigned', conversation.assigneeId],
        ],
      );
      // The same external id again: the first conversation, unchanged, and no new events.
      const again = await createConversation(ctx, { teamId, externalId: 'ext-1' });
      assert.equal(again.created, false);
      assert.equal(again.conversation.id, conversation.id);
      assert.equal(live.filter((e) => e.type.startsWith('conversation.')).length, 2);
    } finally {
      stop();
    }
  });
});
