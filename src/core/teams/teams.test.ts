import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import { buildAgent, buildOrg, buildTeam } from '../../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../../test/harness.js';
import { outboxEvents, teamMembers } from '../../db/schema.js';
import type { Ctx } from '../context.js';
import { DomainError } from '../errors.js';
import { isUuid } from '../ids.js';
import { updateTeamMembers } from './team-members.js';
import { createTeam, deleteTeam, getTeam, listTeams, updateTeam } from './teams.js';

const FIRST_PAGE = { skip: 0, limit: 100, afterId: null };

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof DomainError, `expected a DomainError, got ${String(err)}`);
    assert.equal(err.code, code);
    return true;
  });
}

/** The org's outbox, oldest first. */
async function eventsOf(ctx: Ctx) {
  return ctx.db
    .select({ type: outboxEvents.type, payload: outboxEvents.payload, createdAt: outboxEvents.createdAt })
    .from(outboxEvents)
    .where(eq(outboxEvents.orgId, ctx.actor.orgId))
    .orderBy(asc(outboxEvents.id));
}

async function teamEventsOf(ctx: Ctx) {
  return (await eventsOf(ctx)).filter((e) => e.type.startsWith('team.'));
}

/** Makes every outbox insert of the ctx's org fail, so the write it belongs to must roll back too. */
async function refuseEvents(env: TestEnv, ctx: Ctx): Promise<void> {
  const orgId = ctx.actor.orgId;
  assert.ok(isUuid(orgId));
  const name = `refuse_outbox_${orgId.replaceAll('-', '')}`;
  await env.database.asOwner(
    `CREATE TRIGGER ${name} BEFORE INSERT ON outbox FOR EACH ROW
      WHEN (NEW.org_id = '${orgId}'::uuid) EXECUTE FUNCTION roster_test_refuse_outbox()`,
  );
}

/** Rejection caused by the trigger of `refuseEvents` (wrapped by Drizzle in a "Failed query" error). */
async function rejectsRefused(promise: Promise<unknown>): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    const cause = err instanceof Error ? err.cause : undefined;
    assert.match(String(cause instanceof Error ? cause.message : err), /outbox write refused/);
    return true;
  });
}

const at = (ctx: Ctx, iso: string): Ctx => ({ ...ctx, now: () => new Date(iso) });

describe('teams', () => {
  let env: TestEnv;

  before(async () => {
    env = await createTestEnv();
    await env.database.asOwner(`
      CREATE FUNCTION roster_test_refuse_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'outbox write refused by the test'; END $$`);
  });

  after(async () => {
    await env.close();
  });

  it('creates a team and reads it back with no members', async () => {
    const ctx = await buildOrg(env);
    const created = await createTeam(ctx, { name: 'Support', description: 'Tier 1' });
    assert.ok(isUuid(created.id));
    assert.equal(created.orgId, ctx.actor.orgId);
    assert.equal(created.name, 'Support');
    assert.equal(created.description, 'Tier 1');
    assert.deepEqual(created.members, []);
    assert.equal(created.createdAt.getTime(), created.updatedAt.getTime());

    const read = await getTeam(ctx, created.id);
    assert.equal(read.name, 'Support');
    assert.equal(read.description, 'Tier 1');
    assert.equal(read.createdAt.getTime(), created.createdAt.getTime());
    assert.deepEqual(read.members, []);
  });

  it('defaults the description to null', async () => {
    const ctx = await buildOrg(env);
    const team = await createTeam(ctx, { name: 'Billing' });
    assert.equal(team.description, null);
    assert.equal((await getTeam(ctx, team.id)).description, null);
  });

  it('returns a team with its members', async () => {
    const ctx = await buildOrg(env);
    const team = await buildTeam(ctx);
    const a = await buildAgent(ctx);
    const b = await buildAgent(ctx);
    await updateTeamMembers(ctx, team.id, { add: [a.id, b.id], remove: [] });
    const read = await getTeam(ctx, team.id);
    assert.deepEqual(
      read.members,
      [a, b]
        .map((m) => ({
          id: m.id,
          email: m.email,
          fullName: m.fullName,
          phoneNumber: m.phoneNumber,
          priority: 0,
        }))
        .sort((x, y) => x.id.localeCompare(y.id)),
    );
  });

  it('lists only the teams of the org', async () => {
    const ctx = await buildOrg(env);
    const other = await buildOrg(env);
    const mine = [await buildTeam(ctx), await buildTeam(ctx)];
    await buildTeam(other);
    const page = await listTeams(ctx, FIRST_PAGE);
    assert.deepEqual(page.items.map((t) => t.id).sort(), mine.map((t) => t.id).sort());
    assert.equal(page.next, null);
  });

  it('rejects a second team with the same name in any letter case', async () => {
    const ctx = await buildOrg(env);
    await createTeam(ctx, { name: 'Sales' });
    await rejectsWith(createTeam(ctx, { name: 'Sales' }), 'team_name_taken');
    await rejectsWith(createTeam(ctx, { name: 'SALES' }), 'team_name_taken');
    await rejectsWith(createTeam(ctx, { name: 'sales' }), 'team_name_taken');
    assert.equal((await listTeams(ctx, FIRST_PAGE)).items.length, 1);
  });

  it('allows the same name in another org', async () => {
    const ctx = await buildOrg(env);
    const other = await buildOrg(env);
    await createTeam(ctx, { name: 'Sales' });
    const theirs = await createTeam(other, { name: 'sales' });
    assert.equal(theirs.name, 'sales');
  });

  it('rejects renaming a team to a name taken case-insensitively', async () => {
    const ctx = await buildOrg(env);
    await createTeam(ctx, { name: 'Alpha' });
    const beta = await createTeam(ctx, { name: 'Beta' });
    await rejectsWith(updateTeam(ctx, beta.id, { name: 'ALPHA' }), 'team_name_taken');
    assert.equal((await getTeam(ctx, beta.id)).name, 'Beta');
    // Changing only the case of its own name is not a conflict.
    assert.equal((await updateTeam(ctx, beta.id, { name: 'BETA' })).name, 'BETA');
  });

  it("answers another org's team id as team_not_found for every operation", async () => {
    const ctx = await buildOrg(env);
    const other = await buildOrg(env);
    const theirs = await buildTeam(other);
    await rejectsWith(getTeam(ctx, theirs.id), 'team_not_found');
    await rejectsWith(updateTeam(ctx, theirs.id, { name: 'Mine now' }), 'team_not_found');
    await rejectsWith(deleteTeam(ctx, theirs.id), 'team_not_found');
    const still = await getTeam(other, theirs.id);
    assert.equal(still.name, theirs.name);
  });

  it('updates name and description and moves updated_at', async () => {
    const ctx = await buildOrg(env);
    const team = await createTeam(at(ctx, '2024-01-01T00:00:00.000Z'), { name: 'Old', description: 'd' });
    const updated = await updateTeam(at(ctx, '2024-01-02T00:00:00.000Z'), team.id, { name: 'New' });
    assert.equal(updated.name, 'New');
    assert.equal(updated.description, 'd', 'a field left out is kept');
    assert.equal(updated.createdAt.toISOString(), '2024-01-01T00:00:00.000Z');
    assert.equal(updated.updatedAt.toISOString(), '2024-01-02T00:00:00.000Z');

    const cleared = await updateTeam(at(ctx, '2024-01-03T00:00:00.000Z'), team.id, { description: null });
    assert.equal(cleared.name, 'New');
    assert.equal(cleared.description, null);
    const read = await getTeam(ctx, team.id);
    assert.equal(read.updatedAt.toISOString(), '2024-01-03T00:00:00.000Z');
    assert.ok(read.updatedAt > read.createdAt);
  });

  it('returns the members with an updated team', async () => {
    const ctx = await buildOrg(env);
    const team = await buildTeam(ctx);
    const agent = await buildAgent(ctx);
    await updateTeamMembers(ctx, team.id, { add: [agent.id], remove: [] });
    const updated = await updateTeam(ctx, team.id, { description: 'x' });
    assert.deepEqual(
      updated.members.map((m) => m.id),
      [agent.id],
    );
  });

  it('deletes a team and its memberships', async () => {
    const ctx = await buildOrg(env);
    const team = await buildTeam(ctx);
    const keep = await buildTeam(ctx);
    const agent = await buildAgent(ctx);
    await updateTeamMembers(ctx, team.id, { add: [agent.id], remove: [] });
    await updateTeamMembers(ctx, keep.id, { add: [agent.id], remove: [] });

    await deleteTeam(ctx, team.id);
    await rejectsWith(getTeam(ctx, team.id), 'team_not_found');
    await rejectsWith(deleteTeam(ctx, team.id), 'team_not_found');
    const rows = await ctx.db.select().from(teamMembers).where(eq(teamMembers.teamId, team.id));
    assert.equal(rows.length, 0);
    assert.deepEqual(
      (await getTeam(ctx, keep.id)).members.map((m) => m.id),
      [agent.id],
      'other teams keep the agent',
    );
  });

  it('appends team.created, team.updated and team.deleted to the outbox', async () => {
    const ctx = await buildOrg(env);
    const now = '2024-05-06T07:08:09.000Z';
    const team = await createTeam(at(ctx, now), { name: 'Events' });
    await updateTeam(ctx, team.id, { name: 'Events 2', description: 'x' });
    await updateTeam(ctx, team.id, { description: 'y' });
    await deleteTeam(ctx, team.id);
    const events = await teamEventsOf(ctx);
    assert.deepEqual(
      events.map((e) => ({ type: e.type, payload: e.payload })),
      [
        { type: 'team.created', payload: { team_id: team.id, name: 'Events' } },
        { type: 'team.updated', payload: { team_id: team.id, fields: ['name', 'description'] } },
        { type: 'team.updated', payload: { team_id: team.id, fields: ['description'] } },
        { type: 'team.deleted', payload: { team_id: team.id } },
      ],
    );
    assert.equal(events[0]?.createdAt.toISOString(), now);
  });

  it('appends no event for a write that fails', async () => {
    const ctx = await buildOrg(env);
    const other = await buildOrg(env);
    const team = await createTeam(ctx, { name: 'Taken' });
    const before = await teamEventsOf(ctx);
    await rejectsWith(createTeam(ctx, { name: 'taken' }), 'team_name_taken');
    const second = await buildTeam(ctx);
    await rejectsWith(updateTeam(ctx, second.id, { name: 'TAKEN' }), 'team_name_taken');
    const foreign = await buildTeam(other);
    await rejectsWith(updateTeam(ctx, foreign.id, { name: 'x' }), 'team_not_found');
    await rejectsWith(deleteTeam(ctx, foreign.id), 'team_not_found');
    const events = await teamEventsOf(ctx);
    assert.deepEqual(
      events.map((e) => e.type),
      [...before.map((e) => e.type), 'team.created'],
    );
    assert.equal(events.at(-1)?.payload.team_id, second.id);
    assert.equal((await getTeam(ctx, team.id)).name, 'Taken');
  });

  it('writes the team and its event in one transaction: no event, no change', async () => {
    const ctx = await buildOrg(env);
    const team = await createTeam(ctx, { name: 'Stable', description: 'before' });
    await refuseEvents(env, ctx);

    await rejectsRefused(createTeam(ctx, { name: 'Never' }));
    assert.deepEqual(
      (await listTeams(ctx, FIRST_PAGE)).items.map((t) => t.name),
      ['Stable'],
    );

    await rejectsRefused(updateTeam(ctx, team.id, { name: 'Changed' }));
    const read = await getTeam(ctx, team.id);
    assert.equal(read.name, 'Stable');
    assert.equal(read.updatedAt.getTime(), team.updatedAt.getTime());

    await rejectsRefused(deleteTeam(ctx, team.id));
    assert.equal((await getTeam(ctx, team.id)).id, team.id);

    assert.equal((await teamEventsOf(ctx)).length, 1, 'only the event of the first create');
  });
});
