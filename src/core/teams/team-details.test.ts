import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import { actAs, buildAgent, buildOrg, buildTeam } from '../../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../../test/harness.js';
import { outboxEvents } from '../../db/schema.js';
import type { Ctx } from '../context.js';
import { DomainError } from '../errors.js';
import {
  archiveTeam,
  getTeamWithCount,
  listTeamMemberDetails,
  searchTeams,
  unarchiveTeam,
  updateTeamAndArchive,
} from './team-details.js';
import { addTeamMember, updateTeamMembers } from './team-members.js';
import { createTeam, getTeam, listTeams, updateTeam } from './teams.js';

const FIRST_PAGE = { skip: 0, limit: 100, afterId: null };

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (err: unknown) => err instanceof DomainError && err.code === code);
}

async function teamEvents(ctx: Ctx) {
  const rows = await ctx.db
    .select({ type: outboxEvents.type, payload: outboxEvents.payload })
    .from(outboxEvents)
    .where(eq(outboxEvents.orgId, ctx.actor.orgId))
    .orderBy(asc(outboxEvents.id));
  return rows.filter((r) => r.type.startsWith('team.'));
}

const search = (ctx: Ctx, q: Partial<Parameters<typeof searchTeams>[1]> = {}) =>
  searchTeams(ctx, {
    archived: 'exclude',
    sort: [{ field: 'name', direction: 'asc' }],
    offset: 0,
    limit: 50,
    ...q,
  });

describe('team settings: enabled, email, offered on forms, archive', () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv();
  });
  after(async () => {
    await env.close();
  });

  it('creates a team with its settings, defaulting to enabled and offered everywhere', async () => {
    const ctx = await buildOrg(env);
    const plain = await createTeam(ctx, { name: 'Plain' });
    assert.equal(plain.enabled, true);
    assert.equal(plain.email, null);
    assert.equal(plain.showOnRegistration, true);
    assert.equal(plain.showOnOfflineForm, true);
    assert.equal(plain.archivedAt, null);
    const set = await createTeam(ctx, {
      name: 'Set',
      enabled: false,
      email: 'set@example.com',
      showOnRegistration: false,
      showOnOfflineForm: false,
    });
    const read = await getTeam(ctx, set.id);
    assert.deepEqual(
      [read.enabled, read.email, read.showOnRegistration, read.showOnOfflineForm],
      [false, 'set@example.com', false, false],
    );
  });

  it('updates the settings and names them in team.updated', async () => {
    const ctx = await buildOrg(env);
    const team = await buildTeam(ctx);
    const updated = await updateTeam(ctx, team.id, { enabled: false, email: 'x@example.com' });
    assert.equal(updated.enabled, false);
    assert.equal(updated.email, 'x@example.com');
    assert.equal(updated.showOnRegistration, true, 'fields not named keep their value');
    const last = (await teamEvents(ctx)).at(-1);
    assert.deepEqual(last, {
      type: 'team.updated',
      payload: { team_id: team.id, fields: ['enabled', 'email'] },
    });
  });

  it('archives and restores a team once each, with an event per change', async () => {
    const ctx = await buildOrg(env);
    const team = await buildTeam(ctx, { name: 'Archivable' });
    const archived = await archiveTeam(ctx, team.id);
    assert.ok(archived.archivedAt instanceof Date);
    const again = await archiveTeam(ctx, team.id);
    assert.equal(
      again.archivedAt?.getTime(),
      archived.archivedAt?.getTime(),
      'archiving twice changes nothing',
    );
    assert.deepEqual(
      (await listTeams(ctx, FIRST_PAGE)).items.map((t) => t.id),
      [],
      'archived teams are hidden by default',
    );
    assert.deepEqual(
      (await listTeams(ctx, FIRST_PAGE, { archived: true })).items.map((t) => t.id),
      [team.id],
    );
    assert.equal((await unarchiveTeam(ctx, team.id)).archivedAt, null);
    await unarchiveTeam(ctx, team.id);
    assert.deepEqual(
      (await teamEvents(ctx)).map((e) => e.type),
      ['team.created', 'team.archived', 'team.unarchived'],
    );
    await rejectsWith(archiveTeam(ctx, '00000000-0000-7000-8000-000000000001'), 'team_not_found');
  });

  it('archiving takes the role to update teams', async () => {
    const ctx = await buildOrg(env);
    const team = await buildTeam(ctx);
    const { ctx: supervisor } = await actAs(ctx, 'supervisor');
    await rejectsWith(archiveTeam(supervisor, team.id), 'forbidden');
    await rejectsWith(unarchiveTeam(supervisor, team.id), 'forbidden');
  });

  it('filters the listing by enabled', async () => {
    const ctx = await buildOrg(env);
    const on = await buildTeam(ctx);
    const off = await createTeam(ctx, { name: 'Off', enabled: false });
    assert.deepEqual(
      (await listTeams(ctx, FIRST_PAGE, { enabled: false })).items.map((t) => t.id),
      [off.id],
    );
    assert.deepEqual(
      (await listTeams(ctx, FIRST_PAGE, { enabled: true })).items.map((t) => t.id),
      [on.id],
    );
  });

  it('updates fields and the archive mark in one call', async () => {
    const ctx = await buildOrg(env);
    const team = await buildTeam(ctx);
    const changed = await updateTeamAndArchive(ctx, team.id, { description: 'Gone' }, true);
    assert.equal(changed.description, 'Gone');
    assert.ok(changed.archivedAt !== null);
    const only = await updateTeamAndArchive(ctx, team.id, {}, false);
    assert.equal(only.archivedAt, null);
    assert.deepEqual(
      (await teamEvents(ctx)).map((e) => e.type),
      ['team.created', 'team.updated', 'team.archived', 'team.unarchived'],
    );
  });
});

describe('team search with offsets, totals and member counts', () => {
  let env: TestEnv;
  let ctx: Ctx;
  const ids: Record<string, string> = {};
  before(async () => {
    env = await createTestEnv();
    ctx = await buildOrg(env);
    for (const name of ['bravo', 'Alpha', 'charlie', 'Delta_1', 'Delta%2']) {
      ids[name] = (await createTeam(ctx, { name })).id;
    }
    const agent = await buildAgent(ctx);
    await addTeamMember(ctx, ids.charlie as string, agent.id);
    await updateTeam(ctx, ids.bravo as string, { enabled: false });
    await archiveTeam(ctx, ids['Delta%2'] as string);
  });
  after(async () => {
    await env.close();
  });

  it('sorts by name in any case by default, pages by offset and counts every match', async () => {
    const all = await search(ctx);
    assert.deepEqual(
      all.items.map((t) => t.name),
      ['Alpha', 'bravo', 'charlie', 'Delta_1'],
    );
    assert.equal(all.total, 4);
    const page = await search(ctx, { offset: 1, limit: 2 });
    assert.deepEqual(
      page.items.map((t) => t.name),
      ['bravo', 'charlie'],
    );
    assert.equal(page.total, 4);
    const beyond = await search(ctx, { offset: 10 });
    assert.deepEqual([beyond.items.length, beyond.total], [0, 4]);
  });

  it('matches text anywhere in the name, wildcards literally', async () => {
    assert.deepEqual(
      (await search(ctx, { text: 'ALP' })).items.map((t) => t.name),
      ['Alpha'],
    );
    assert.deepEqual(
      (await search(ctx, { text: '_', archived: 'include' })).items.map((t) => t.name),
      ['Delta_1'],
    );
    assert.deepEqual(
      (await search(ctx, { text: '%', archived: 'include' })).items.map((t) => t.name),
      ['Delta%2'],
    );
  });

  it('filters by enabled and archive state, and sorts by member count', async () => {
    assert.deepEqual(
      (await search(ctx, { enabled: true })).items.map((t) => t.name),
      ['Alpha', 'charlie', 'Delta_1'],
    );
    assert.deepEqual(
      (await search(ctx, { archived: 'only' })).items.map((t) => t.name),
      ['Delta%2'],
    );
    assert.equal((await search(ctx, { archived: 'include' })).total, 5);
    const byCount = await search(ctx, {
      sort: [
        { field: 'memberCount', direction: 'desc' },
        { field: 'name', direction: 'asc' },
      ],
    });
    assert.deepEqual(
      byCount.items.map((t) => [t.name, t.memberCount]),
      [
        ['charlie', 1],
        ['Alpha', 0],
        ['bravo', 0],
        ['Delta_1', 0],
      ],
    );
    assert.equal((await getTeamWithCount(ctx, ids.charlie as string)).memberCount, 1);
  });
});

describe('member priorities', () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv();
  });
  after(async () => {
    await env.close();
  });

  it('sets priorities of new and existing members, and reports changes of existing ones', async () => {
    const ctx = await buildOrg(env);
    const team = await buildTeam(ctx);
    const kim = await buildAgent(ctx, { username: 'kim' });
    const lee = await buildAgent(ctx, { username: 'lee' });
    const max = await buildAgent(ctx, { username: 'max' });
    await updateTeamMembers(
      ctx,
      team.id,
      { add: [kim.id, lee.id], remove: [] },
      { priorities: new Map([[kim.id, 5]]) },
    );
    await addTeamMember(ctx, team.id, max.id, 2);
    const byPriority = await listTeamMemberDetails(ctx, team.id, {
      offset: 0,
      limit: null,
      sort: [{ field: 'priority', direction: 'asc' }],
    });
    assert.deepEqual(
      byPriority.items.map((m) => [m.username, m.priority, m.activeConversations]),
      [
        ['lee', 0, 0],
        ['max', 2, 0],
        ['kim', 5, 0],
      ],
    );
    assert.equal(byPriority.total, 3);

    await updateTeamMembers(
      ctx,
      team.id,
      { add: [kim.id, lee.id], remove: [] },
      {
        priorities: new Map([
          [kim.id, 5],
          [lee.id, 9],
        ]),
      },
    );
    const last = (await teamEvents(ctx)).at(-1);
    assert.deepEqual(last, {
      type: 'team.members_updated',
      payload: { team_id: team.id, agent_ids: [lee.id] },
    });
    const byName = await listTeamMemberDetails(ctx, team.id, {
      offset: 1,
      limit: 1,
      sort: [{ field: 'username', direction: 'desc' }],
    });
    assert.deepEqual(
      byName.items.map((m) => [m.username, m.priority]),
      [['lee', 9]],
    );
    assert.equal(byName.total, 3);
    await rejectsWith(
      listTeamMemberDetails(ctx, '00000000-0000-7000-8000-000000000001', { offset: 0, limit: 1, sort: [] }),
      'team_not_found',
    );
  });
});
