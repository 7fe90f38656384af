import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { buildAgent, buildOrg, buildTeam } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { type Method, send } from '../../../../test/http.js';
import { expectOk, expectTiledeskError, newTiledeskTenant } from '../../../../test/tiledesk.js';
import { getTeam } from '../../../core/teams/teams.js';
import { outboxEvents } from '../../../db/schema.js';

/**
 * Tiledesk groups as Roster teams, driven as the Tiledesk dashboard drives them
 * (tiledesk-dashboard src/app/services/group.service.ts): `GROUPS_URL` is `<base><project>/groups/`
 * with its trailing slash, every request carries `Accept` and `Content-Type: application/json`, and
 * bodies are `JSON.stringify`-ed: `{name}` to create or rename, `{members}` to set the members,
 * `{trashed: true}` to trash, `{}` to enable or disable.
 */

interface GroupJson {
  _id: string;
  id_project: string;
  name: string;
  members: string[];
  trashed: boolean;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

let env: TestApp;
before(async () => {
  env = await createTestApp();
});
after(async () => {
  await env.close();
});

/** The dashboard's GroupService for one project. */
function dashboard(key: string, project: string) {
  const groupsUrl = `/v3/${project}/groups/`;
  const call = (method: Method, url: string, body?: unknown) =>
    send(env.app, {
      method,
      url,
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        authorization: `JWT ${key}`,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    getGroupsByProjectId: () => call('GET', groupsUrl),
    createGroup: (name: string) => call('POST', groupsUrl, { name }),
    updateGroup: (id: string, members: string[]) => call('PUT', `${groupsUrl}${id}`, { members }),
    updateGroupName: (id: string, name: string) => call('PUT', `${groupsUrl}${id}`, { name }),
    setTrashedToTheGroup: (id: string) => call('PUT', `${groupsUrl}${id}`, { trashed: true }),
    getGroupById: (id: string) => call('GET', `${groupsUrl}${id}`),
    disableGroup: (id: string) => call('PUT', `${groupsUrl}disable/${id}`, {}),
    restoreGroup: (id: string) => call('PUT', `${groupsUrl}enable/${id}`, {}),
    /** Not in the dashboard's service, but in the server's routes/group.js. */
    deleteGroup: (id: string, force = false) =>
      call('DELETE', `${groupsUrl}${id}${force ? '?force=true' : ''}`),
  };
}

const eventsOf = async (orgId: string, type: string) =>
  (
    await env.database.db
      .select({ payload: outboxEvents.payload })
      .from(outboxEvents)
      .where(and(eq(outboxEvents.orgId, orgId), eq(outboxEvents.type, type)))
  ).map((e) => e.payload);

describe('Tiledesk groups, as the dashboard manages them', () => {
  it('creates, fills, renames, disables, enables, trashes and restores a group: a Roster team', async () => {
    const t = await newTiledeskTenant(env);
    const [ada, bob] = [await buildAgent(t.ctx), await buildAgent(t.ctx)];
    const ui = dashboard(t.key, t.orgId);

    const created = expectOk<GroupJson>(await ui.createGroup('Billing'));
    assert.equal(created.name, 'Billing');
    assert.equal(created.id_project, t.orgId);
    assert.deepEqual(created.members, []);
    assert.equal(created.trashed, false);
    assert.equal(created.enabled, true);
    const id = created._id;
    assert.equal((await getTeam(t.ctx, id)).name, 'Billing', 'a Roster team');

    const filled = expectOk<GroupJson>(await ui.updateGroup(id, [ada.userId, bob.userId]));
    assert.deepEqual(filled.members.sort(), [ada.userId, bob.userId].sort());
    assert.deepEqual((await getTeam(t.ctx, id)).members.map((m) => m.id).sort(), [ada.id, bob.id].sort());
    const added = await eventsOf(t.orgId, 'team.members_added');
    assert.deepEqual(
      [...((added[0]?.agent_ids as string[]) ?? [])].sort(),
      [ada.id, bob.id].sort(),
      'through the core',
    );

    const renamed = expectOk<GroupJson>(await ui.updateGroupName(id, 'Billing EU'));
    assert.equal(renamed.name, 'Billing EU');
    assert.deepEqual(renamed.members.sort(), [ada.userId, bob.userId].sort(), 'members stay');
    const shrunk = expectOk<GroupJson>(await ui.updateGroup(id, [bob.userId]));
    assert.deepEqual(shrunk.members, [bob.userId]);
    assert.deepEqual((await eventsOf(t.orgId, 'team.members_removed'))[0]?.agent_ids, [ada.id]);

    const listed = expectOk<GroupJson[]>(await ui.getGroupsByProjectId());
    assert.deepEqual(
      listed.map((g) => g._id),
      [id],
    );
    const byMember = await send(env.app, {
      method: 'GET',
      url: `/v3/${t.orgId}/groups?member=${ada.userId}`,
      headers: { authorization: `JWT ${t.key}` },
    });
    assert.deepEqual(expectOk<GroupJson[]>(byMember), [], '?member= filters by user id');

    assert.equal(expectOk<GroupJson>(await ui.disableGroup(id)).enabled, false);
    assert.equal((await getTeam(t.ctx, id)).enabled, false);
    assert.equal(expectOk<GroupJson>(await ui.restoreGroup(id)).enabled, true);

    const trashed = expectOk<GroupJson>(await ui.setTrashedToTheGroup(id));
    assert.equal(trashed.trashed, true);
    assert.notEqual((await getTeam(t.ctx, id)).archivedAt, null, 'trashed is archived');
    assert.deepEqual(expectOk<GroupJson[]>(await ui.getGroupsByProjectId()), []);
    assert.equal(expectOk<GroupJson>(await ui.getGroupById(id)).trashed, true);
    const back = await send(env.app, {
      method: 'PUT',
      url: `/v3/${t.orgId}/groups/${id}`,
      body: { trashed: false },
      headers: { authorization: `JWT ${t.key}` },
    });
    assert.equal(expectOk<GroupJson>(back).trashed, false);
  });

  it('deletes as routes/group.js does: trashed and disabled, or removed for good with ?force=true', async () => {
    const t = await newTiledeskTenant(env);
    const ui = dashboard(t.key, t.orgId);
    const soft = await buildTeam(t.ctx, { name: 'Soft' });
    assert.deepEqual(expectOk(await ui.deleteGroup(soft.id)), {
      success: true,
      message: 'Group successfully deleted',
    });
    const gone = expectOk<GroupJson>(await ui.getGroupById(soft.id));
    assert.equal(gone.trashed, true);
    assert.equal(gone.enabled, false);

    const hard = await buildTeam(t.ctx, { name: 'Hard' });
    const last = expectOk<GroupJson>(await ui.deleteGroup(hard.id, true));
    assert.equal(last._id, hard.id);
    assert.equal(last.name, 'Hard');
    expectTiledeskError(await ui.getGroupById(hard.id), 404, { success: false, msg: 'Object not found.' });
    expectTiledeskError(await ui.deleteGroup(hard.id), 404, { success: false, msg: 'Object not found.' });
  });

  it('refuses members that are no users of the project, and changes nothing', async () => {
    const t = await newTiledeskTenant(env);
    const ada = await buildAgent(t.ctx);
    const stranger = await buildAgent(await buildOrg(env));
    const ui = dashboard(t.key, t.orgId);
    const team = await buildTeam(t.ctx, { name: 'Kept' });
    expectOk(await ui.updateGroup(team.id, [ada.userId]));
    for (const members of [[stranger.userId], [ada.userId, '00000000-0000-7000-8000-000000000001']]) {
      const res = await ui.updateGroup(team.id, members);
      expectTiledeskError(res, 400);
      assert.match(res.json<{ msg: string }>().msg, /is no teammate of this project/);
    }
    expectTiledeskError(await ui.updateGroup(team.id, ['not-a-user-id']), 400);
    const create = await send(env.app, {
      method: 'POST',
      url: `/v3/${t.orgId}/groups`,
      body: { name: 'Half made', members: [stranger.userId] },
      headers: { authorization: `JWT ${t.key}` },
    });
    expectTiledeskError(create, 400);
    const names = expectOk<GroupJson[]>(await ui.getGroupsByProjectId()).map((g) => g.name);
    assert.deepEqual(names, ['Kept'], 'the create was undone whole');
    assert.deepEqual(expectOk<GroupJson>(await ui.getGroupById(team.id)).members, [ada.userId]);
  });

  it('answers 409 for a name another group of the project has (Roster team names are unique)', async () => {
    const t = await newTiledeskTenant(env);
    const ui = dashboard(t.key, t.orgId);
    expectOk(await ui.createGroup('Sales'));
    expectTiledeskError(await ui.createGroup('Sales'), 409);
  });
});
