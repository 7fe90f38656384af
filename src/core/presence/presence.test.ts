import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, asc, eq } from 'drizzle-orm';
import { actAs, buildAgent, buildOrg, buildTeam } from '../../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../../test/harness.js';
import { agents, outboxEvents } from '../../db/schema.js';
import { MemoryPresenceStore } from '../../realtime/memory-presence-store.js';
import { sweepPresence } from '../../realtime/presence-sweeper.js';
import { deleteAgent, updateAgent } from '../agents/agents.js';
import type { Ctx } from '../context.js';
import { DomainError } from '../errors.js';
import { updateOrg } from '../orgs/orgs.js';
import { decodeCursor } from '../paging.js';
import { addTeamMember } from '../teams/team-members.js';
import { updateTeam } from '../teams/teams.js';
import { getPresence, heartbeat, listPresence, setAvailability, signOutDevice } from './presence.js';
import {
  createPresenceStatus,
  deletePresenceStatus,
  listPresenceStatuses,
  updatePresenceStatus,
} from './presence-statuses.js';

const TTL_MS = 60_000;

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof DomainError, `expected a DomainError, got ${String(err)}`);
    assert.equal(err.code, code);
    return true;
  });
}

/** A context on a fresh org with its own presence store and a clock the test moves. */
async function clockedOrg(env: TestEnv) {
  const base = await buildOrg(env);
  const clock = { now: new Date('2026-01-01T09:00:00.000Z') };
  const ctx: Ctx = { ...base, now: () => new Date(clock.now), presence: new MemoryPresenceStore(TTL_MS) };
  const advance = (ms: number) => {
    clock.now = new Date(clock.now.getTime() + ms);
  };
  return { ctx, clock, advance };
}

async function presenceEvents(ctx: Ctx) {
  const rows = await ctx.db
    .select({ type: outboxEvents.type, payload: outboxEvents.payload })
    .from(outboxEvents)
    .where(and(eq(outboxEvents.orgId, ctx.actor.orgId), eq(outboxEvents.type, 'agent.presence_changed')))
    .orderBy(asc(outboxEvents.id));
  return rows.map((r) => r.payload as { agent_id: string; connection: string; last_seen: string });
}

describe('presence', () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv();
  });
  after(async () => {
    await env.close();
  });

  it('a new agent is offline with the defaults: working, available, org capacity', async () => {
    const { ctx } = await clockedOrg(env);
    const agent = await buildAgent(ctx);
    const view = await getPresence(ctx, agent.id);
    assert.equal(view.connection, 'offline');
    assert.equal(view.effectiveStatus, 'offline');
    assert.equal(view.status, 'working');
    assert.equal(view.available, true);
    assert.equal(view.availableByChoice, true, 'the choice stands apart from the connection');
    assert.equal(view.capacity, 5);
    assert.equal(view.activeConversations, 0);
    assert.equal(view.lastSeen, null);
  });

  it('goes online with the first device and offline only when the last one signs out', async () => {
    const { ctx, advance } = await clockedOrg(env);
    const agent = await buildAgent(ctx);
    await heartbeat(ctx, agent.id, { deviceId: 'laptop', channels: ['chat'] });
    advance(1000);
    await heartbeat(ctx, agent.id, { deviceId: 'phone', channels: ['Speak', 'chat'] });
    await heartbeat(ctx, agent.id, { deviceId: 'laptop', channels: ['chat'] });
    let view = await getPresence(ctx, agent.id);
    assert.equal(view.connection, 'online');
    assert.equal(view.effectiveStatus, 'available');
    assert.deepEqual(view.activeChannels, ['Speak', 'chat']);
    assert.deepEqual(
      (await presenceEvents(ctx)).map((e) => e.connection),
      ['online'],
      'repeated heartbeats and a second device are not transitions',
    );

    await signOutDevice(ctx, agent.id, 'laptop');
    view = await getPresence(ctx, agent.id);
    assert.equal(view.connection, 'online', 'the phone is still live');
    assert.deepEqual(view.activeChannels, ['Speak', 'chat']);
    await signOutDevice(ctx, agent.id, 'phone');
    view = await getPresence(ctx, agent.id);
    assert.equal(view.connection, 'offline');
    assert.equal(view.effectiveStatus, 'offline');
    assert.deepEqual(view.activeChannels, []);
    assert.deepEqual(
      (await presenceEvents(ctx)).map((e) => e.connection),
      ['online', 'offline'],
    );
    await signOutDevice(ctx, agent.id, 'phone');
    assert.equal((await presenceEvents(ctx)).length, 2, 'signing out an unknown device changes nothing');
  });

  it('expires an agent whose devices stopped beating, once, with last_seen at the last heartbeat', async () => {
    const { ctx, clock, advance } = await clockedOrg(env);
    const agent = await buildAgent(ctx);
    await heartbeat(ctx, agent.id, { deviceId: 'laptop' });
    const lastBeat = new Date(clock.now);
    advance(TTL_MS - 1);
    await sweepPresence({ db: ctx.db, events: ctx.events, presence: ctx.presence, now: ctx.now });
    assert.equal((await getPresence(ctx, agent.id)).connection, 'online', 'still within the TTL');

    advance(2);
    assert.equal((await getPresence(ctx, agent.id)).connection, 'offline', 'reads see the expiry at once');
    assert.equal(
      await sweepPresence({ db: ctx.db, events: ctx.events, presence: ctx.presence, now: ctx.now }),
      1,
    );
    assert.equal(
      await sweepPresence({ db: ctx.db, events: ctx.events, presence: ctx.presence, now: ctx.now }),
      0,
    );
    const events = await presenceEvents(ctx);
    assert.deepEqual(
      events.map((e) => e.connection),
      ['online', 'offline'],
    );
    assert.equal(events[1]?.last_seen, lastBeat.toISOString());
    const view = await getPresence(ctx, agent.id);
    assert.equal(view.lastSeen?.toISOString(), lastBeat.toISOString(), 'last_seen survives in the database');
  });

  it('a heartbeat that is not a transition writes nothing to the database', async () => {
    const { ctx, advance } = await clockedOrg(env);
    const agent = await buildAgent(ctx);
    await heartbeat(ctx, agent.id, { deviceId: 'laptop' });
    const read = () => ctx.db.select().from(agents).where(eq(agents.id, agent.id));
    const before = await read();
    const outboxBefore = await ctx.db
      .select()
      .from(outboxEvents)
      .where(eq(outboxEvents.orgId, ctx.actor.orgId));
    advance(5000);
    await heartbeat(ctx, agent.id, { deviceId: 'laptop' });
    assert.deepEqual(await read(), before);
    assert.equal(
      (await ctx.db.select().from(outboxEvents).where(eq(outboxEvents.orgId, ctx.actor.orgId))).length,
      outboxBefore.length,
    );
  });

  it('availability: status, switch and channels, with an event only when something changed', async () => {
    const { ctx } = await clockedOrg(env);
    const agent = await buildAgent(ctx);
    await heartbeat(ctx, agent.id, { deviceId: 'd' });
    let view = await setAvailability(ctx, agent.id, { channels: { Email: true, FacebookMessenger: false } });
    assert.deepEqual(view.channels, { Email: true, FacebookMessenger: false });
    view = await setAvailability(ctx, agent.id, { channels: { FacebookMessenger: true } });
    assert.deepEqual(view.channels, { Email: true, FacebookMessenger: true }, 'channel flags merge');
    view = await setAvailability(ctx, agent.id, { status: 'away' });
    assert.equal(view.effectiveStatus, 'away');
    assert.equal(view.availableByChoice, false);
    view = await setAvailability(ctx, agent.id, { status: 'working', available: false });
    assert.equal(view.effectiveStatus, 'away', 'the switch alone keeps the agent away');
    assert.equal(view.availableByChoice, false);
    view = await setAvailability(ctx, agent.id, { available: true });
    assert.equal(view.effectiveStatus, 'available');
    assert.equal(view.availableByChoice, true);
    assert.ok(view.changedAt !== null);
    await setAvailability(ctx, agent.id, { available: true });
    const changes = await ctx.db
      .select()
      .from(outboxEvents)
      .where(
        and(eq(outboxEvents.orgId, ctx.actor.orgId), eq(outboxEvents.type, 'agent.availability_changed')),
      );
    assert.equal(changes.length, 5, 'the no-op call emitted nothing');
    await rejectsWith(setAvailability(ctx, agent.id, { status: 'lunch' }), 'invalid_request');
  });

  it('capacity: the agent wins, then the most generous team, then the org; 0 makes the agent busy', async () => {
    const { ctx } = await clockedOrg(env);
    await updateOrg({ ...env.masterCtx }, ctx.actor.orgId, { defaultMaxConcurrent: 2 });
    const agent = await buildAgent(ctx);
    await heartbeat(ctx, agent.id, { deviceId: 'd' });
    assert.equal((await getPresence(ctx, agent.id)).capacity, 2);
    const small = await buildTeam(ctx);
    const large = await buildTeam(ctx);
    await updateTeam(ctx, small.id, { defaultMaxConcurrent: 3 });
    await updateTeam(ctx, large.id, { defaultMaxConcurrent: 7 });
    await addTeamMember(ctx, small.id, agent.id);
    await addTeamMember(ctx, large.id, agent.id);
    assert.equal((await getPresence(ctx, agent.id)).capacity, 7);
    const inSmall = await listPresence(ctx, { teamId: small.id }, { limit: 10, afterId: null });
    assert.equal(inSmall.items[0]?.capacity, 3, "in a team's list the team's default applies");
    await updateAgent(ctx, agent.id, { maxConcurrent: 0 });
    const view = await getPresence(ctx, agent.id);
    assert.equal(view.capacity, 0);
    assert.equal(view.effectiveStatus, 'busy');
  });

  it('custom statuses: available ones count as working, deleting one moves its agents to away', async () => {
    const { ctx } = await clockedOrg(env);
    const agent = await buildAgent(ctx);
    await heartbeat(ctx, agent.id, { deviceId: 'd' });
    await createPresenceStatus(ctx, { key: 'backoffice', label: 'Back office', available: true });
    await createPresenceStatus(ctx, { key: 'lunch', label: 'Lunch', available: false });
    await rejectsWith(
      createPresenceStatus(ctx, { key: 'lunch', label: 'x', available: true }),
      'presence_status_taken',
    );
    await rejectsWith(
      createPresenceStatus(ctx, { key: 'away', label: 'x', available: true }),
      'presence_status_taken',
    );
    await rejectsWith(updatePresenceStatus(ctx, 'working', { available: false }), 'conflict');
    assert.deepEqual(
      (await listPresenceStatuses(ctx)).map((s) => s.key),
      ['working', 'away', 'backoffice', 'lunch'],
    );

    assert.equal(
      (await setAvailability(ctx, agent.id, { status: 'backoffice' })).effectiveStatus,
      'available',
    );
    assert.equal((await setAvailability(ctx, agent.id, { status: 'lunch' })).effectiveStatus, 'away');
    await updatePresenceStatus(ctx, 'lunch', { available: true });
    assert.equal((await getPresence(ctx, agent.id)).effectiveStatus, 'available');

    await deletePresenceStatus(ctx, 'lunch');
    const view = await getPresence(ctx, agent.id);
    assert.equal(view.status, 'away');
    assert.equal(view.effectiveStatus, 'away');
    await rejectsWith(deletePresenceStatus(ctx, 'lunch'), 'presence_status_not_found');
  });

  it('roles: an agent sets only itself, a supervisor anyone, only admins manage statuses', async () => {
    const { ctx } = await clockedOrg(env);
    const other = await buildAgent(ctx);
    const agent = await actAs(ctx, 'agent');
    const supervisor = await actAs(ctx, 'supervisor');
    await setAvailability(agent.ctx, agent.agentId, { available: false });
    await heartbeat(agent.ctx, agent.agentId, { deviceId: 'mine' });
    await rejectsWith(setAvailability(agent.ctx, other.id, { available: false }), 'forbidden');
    await rejectsWith(heartbeat(agent.ctx, other.id, { deviceId: 'x' }), 'forbidden');
    await setAvailability(supervisor.ctx, other.id, { available: false });
    await rejectsWith(
      createPresenceStatus(supervisor.ctx, { key: 'x', label: 'x', available: true }),
      'forbidden',
    );
    assert.equal((await getPresence(agent.ctx, other.id)).available, false, 'everyone reads presence');
  });

  it('lists keyset pages filtered by team, connection and effective status', async () => {
    const { ctx } = await clockedOrg(env);
    const team = await buildTeam(ctx);
    const online = [];
    for (let i = 0; i < 5; i++) {
      const a = await buildAgent(ctx);
      await addTeamMember(ctx, team.id, a.id);
      await heartbeat(ctx, a.id, { deviceId: 'd' });
      online.push(a.id);
    }
    const offline = await buildAgent(ctx);
    await addTeamMember(ctx, team.id, offline.id);
    const outsider = await buildAgent(ctx);
    await heartbeat(ctx, outsider.id, { deviceId: 'd' });
    await setAvailability(ctx, online[2] as string, { available: false });

    const first = await listPresence(
      ctx,
      { teamId: team.id, effectiveStatus: 'available' },
      { limit: 2, afterId: null },
    );
    assert.equal(first.items.length, 2);
    assert.ok(first.next !== null);
    const second = await listPresence(
      ctx,
      { teamId: team.id, effectiveStatus: 'available' },
      { limit: 2, afterId: decodeCursor(first.next) },
    );
    const ids = [...first.items, ...second.items].map((v) => v.agentId);
    assert.deepEqual(ids, [online[0], online[1], online[3], online[4]]);
    assert.equal(second.next, null);
    const offlineOnes = await listPresence(
      ctx,
      { teamId: team.id, connection: 'offline' },
      { limit: 10, afterId: null },
    );
    assert.deepEqual(
      offlineOnes.items.map((v) => v.agentId),
      [offline.id],
    );
    await rejectsWith(
      listPresence(ctx, { teamId: '00000000-0000-7000-8000-000000000001' }, { limit: 10, afterId: null }),
      'team_not_found',
    );
  });

  it('a deleted agent leaves no presence behind and no offline event follows', async () => {
    const { ctx, advance } = await clockedOrg(env);
    const agent = await buildAgent(ctx);
    await heartbeat(ctx, agent.id, { deviceId: 'd' });
    await deleteAgent(ctx, agent.id);
    advance(TTL_MS * 2);
    assert.equal(
      await sweepPresence({ db: ctx.db, events: ctx.events, presence: ctx.presence, now: ctx.now }),
      0,
    );
    assert.deepEqual(
      (await presenceEvents(ctx)).map((e) => e.connection),
      ['online'],
    );
    await rejectsWith(getPresence(ctx, agent.id), 'agent_not_found');
  });
});
