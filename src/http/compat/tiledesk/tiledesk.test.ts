import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildAgent, buildOrg, buildTeam } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { client, expectStatus, send, UNKNOWN_ID, UUID_V7 } from '../../../../test/http.js';
import {
  assertTeammateShape,
  expectOk,
  expectTiledeskError,
  newTiledeskTenant,
  type TeammateJson,
  teammateFixture,
  teammateWithKey,
  tiledeskClient,
} from '../../../../test/tiledesk.js';
import { addTeamMember, listTeamMembers } from '../../../core/teams/team-members.js';
import { outboxEvents } from '../../../db/schema.js';

const ERR = teammateFixture().errors;

let env: TestApp;
before(async () => {
  env = await createTestApp();
});
after(async () => {
  await env.close();
});

const memberIds = async (t: { ctx: Parameters<typeof listTeamMembers>[0] }, teamId: string) =>
  (await listTeamMembers(t.ctx, teamId, { skip: 0, limit: 100, afterId: null })).items.map((m) => m.id);

describe('Tiledesk GET /v3/:project_id/project_users', () => {
  it('lists every teammate, each with the seed fields, filtered by role, status, trashed, presence', async () => {
    const t = await newTiledeskTenant(env);
    const admin = await buildAgent(t.ctx, {
      role: 'admin',
      fullName: 'Ada Lovelace',
      email: 'ada@example.com',
    });
    const agent = await buildAgent(t.ctx, { role: 'agent', firstName: 'Bo', lastName: 'Diddley' });
    const list = expectOk<TeammateJson[]>(await t.api.get(t.base));
    assert.deepEqual(list.map((m) => m.id).sort(), [admin.id, agent.id].sort());
    for (const teammate of list) {
      assertTeammateShape(teammate);
    }
    const ada = list.find((m) => m.id === admin.id);
    assert.deepEqual(ada?.id_user, {
      _id: admin.userId,
      email: 'ada@example.com',
      firstname: 'Ada',
      lastname: 'Lovelace',
    });
    assert.equal(ada?.id_project, t.orgId);
    assert.equal(ada?.user_available, true);
    assert.deepEqual(ada?.presence.status, 'offline');
    assert.equal(ada?.isBusy, false);
    assert.equal(ada?.max_served_chat, 5);
    assert.equal(ada?.number_assigned_requests, 0);

    const ids = async (query: string) =>
      expectOk<TeammateJson[]>(await t.api.get(`${t.base}${query}`)).map((m) => m.id);
    assert.deepEqual(await ids('?role=admin'), [admin.id]);
    assert.deepEqual(await ids('?role[]=agent'), [agent.id]);
    assert.deepEqual((await ids('?role=admin,agent')).length, 2);
    assert.deepEqual(await ids('?role[]=owner'), []);
    assert.deepEqual(await ids('?presencestatus=online'), []);
    expectStatus(
      await client(env.app, t.key).post(`/v1/agents/${agent.id}/presence/heartbeat`, { device_id: 'd1' }),
      204,
    );
    assert.deepEqual(await ids('?presencestatus=online'), [agent.id]);
    expectOk(await t.api.delete(`${t.base}/${admin.id}?soft=true`));
    assert.deepEqual(await ids(''), [agent.id]);
    assert.deepEqual(await ids('?trashed=true'), [admin.id]);
    expectOk(await t.api.delete(`${t.base}/${agent.id}`));
    assert.deepEqual(await ids('?status=disabled'), [agent.id]);
    assert.deepEqual(await ids('?status=active'), []);
    expectTiledeskError(await t.api.get(`${t.base}?presencestatus=maybe`), 400);
  });

  it('answers /me for a key bound to an agent, one teammate by id, and the teammate of a user', async () => {
    const t = await newTiledeskTenant(env);
    const me = await teammateWithKey(env, t, 'agent');
    const mine = expectOk<TeammateJson[]>(await me.api.get(`${t.base}/me`));
    assert.deepEqual(
      mine.map((m) => m.id),
      [me.agent.id],
    );
    expectTiledeskError(await t.api.get(`${t.base}/me`), 404, ERR.notFound as Record<string, unknown>);
    const one = expectOk<TeammateJson>(await me.api.get(`${t.base}/${me.agent.id}`));
    assertTeammateShape(one);
    assert.deepEqual(one, mine[0]);
    expectTiledeskError(
      await t.api.get(`${t.base}/${UNKNOWN_ID}`),
      404,
      ERR.notFound as Record<string, unknown>,
    );
    const byUser = expectOk<TeammateJson[]>(await t.api.get(`${t.base}/users/${me.agent.userId}`));
    assert.deepEqual(byUser, mine);
    assert.deepEqual(expectOk(await t.api.get(`${t.base}/users/${UNKNOWN_ID}`)), []);
  });
});

describe('Tiledesk auth and project', () => {
  it('takes JWT or Bearer; refuses other projects, existing or not, and wrong roles in Tiledesk words', async () => {
    const t = await newTiledeskTenant(env);
    const other = await newTiledeskTenant(env);
    expectOk(await tiledeskClient(env.app, t.key, 'JWT').get(t.base));
    expectOk(await tiledeskClient(env.app, t.key, 'Bearer').get(t.base));
    expectTiledeskError(await send(env.app, { method: 'GET', url: t.base }), 401);
    const notMember = ERR.notAMember as Record<string, unknown>;
    expectTiledeskError(await t.api.get(other.base), 403, notMember);
    expectTiledeskError(await t.api.get(`/v3/${UNKNOWN_ID}/project_users`), 403, notMember);
    expectTiledeskError(await t.api.get('/v3/not-a-project/project_users'), 403, notMember);
    const plain = await teammateWithKey(env, t, 'agent');
    expectTiledeskError(
      await plain.api.post(`${t.base}/invite`, { email: 'x@example.com', role: 'agent' }),
      403,
      ERR.wrongRole as Record<string, unknown>,
    );
  });
});

describe('Tiledesk POST /invite', () => {
  it('covers new email, known person, self, member, trashed member and bad roles', async () => {
    const t = await newTiledeskTenant(env);
    const admin = await teammateWithKey(env, t, 'admin', { email: 'boss@example.com' });

    const pending = expectOk<{
      msg: string;
      pendingInvitation: { _id: string; email: string; role: string };
    }>(await admin.api.post(`${t.base}/invite`, { email: 'newbie@example.com', role: 'agent' }));
    assert.equal(typeof pending.msg, 'string');
    assert.equal(pending.pendingInvitation.email, 'newbie@example.com');
    assert.equal(pending.pendingInvitation.role, 'agent');
    const invited = expectOk<TeammateJson>(await t.api.get(`${t.base}/${pending.pendingInvitation._id}`));
    assert.equal(invited.status, 'invited');
    const activated = expectOk<TeammateJson>(
      await t.api.put(`${t.base}/${invited.id}`, { status: 'active' }),
    );
    assert.equal(activated.status, 'active');

    const elsewhere = await buildAgent(await buildOrg(env), {
      email: 'known@example.com',
      fullName: 'Kim Known',
    });
    const joined = expectOk<TeammateJson>(
      await admin.api.post(`${t.base}/invite`, {
        email: 'known@example.com',
        role: 'supervisor',
        user_available: false,
      }),
    );
    assertTeammateShape(joined);
    assert.notEqual(joined.id, elsewhere.id);
    assert.equal(joined.id_user._id, elsewhere.userId);
    assert.equal(joined.role, 'supervisor');
    assert.equal(joined.status, 'active');
    assert.equal(joined.user_available, false);

    const self = expectTiledeskError(
      await admin.api.post(`${t.base}/invite`, { email: 'BOSS@example.com', role: 'agent' }),
      403,
    );
    assert.equal(self.code, ERR.selfInviteCode);
    expectTiledeskError(
      await admin.api.post(`${t.base}/invite`, { email: 'known@example.com', role: 'agent' }),
      403,
      ERR.alreadyMember as Record<string, unknown>,
    );

    expectOk(await t.api.delete(`${t.base}/${joined.id}?soft=true`));
    const back = expectOk<TeammateJson>(
      await admin.api.post(`${t.base}/invite`, { email: 'known@example.com', role: 'admin' }),
    );
    assert.equal(back.id, joined.id);
    assert.equal(back.trashed, false);
    assert.equal(back.role, 'admin');

    for (const role of ['owner', 'user', 'guest']) {
      expectTiledeskError(await admin.api.post(`${t.base}/invite`, { email: 'r@example.com', role }), 400);
    }
    expectTiledeskError(
      await admin.api.post(`${t.base}/invite`, { email: 'not-an-email', role: 'agent' }),
      400,
    );
  });
});

describe('Tiledesk PUT', () => {
  it('updates the calling teammate and, for admins, anyone in the project', async () => {
    const t = await newTiledeskTenant(env);
    const me = await teammateWithKey(env, t, 'agent');
    const mine = expectOk<TeammateJson>(
      await me.api.put(t.base, {
        user_available: false,
        profileStatus: 'lunch',
        attributes: { lang: 'it' },
        tags: ['vip', { tag: 'billing', color: '#f00' }],
        settings: { email: { notification: { unassigned: false } } },
      }),
    );
    assert.equal(mine.user_available, false);
    assert.equal(mine.profileStatus, 'lunch');
    assert.deepEqual(mine.attributes, { lang: 'it' });
    assert.deepEqual(mine.tags, [{ tag: 'vip' }, { tag: 'billing', color: '#f00' }]);
    assert.deepEqual(mine.settings, { email: { notification: { unassigned: false } } });
    // The colour stays with its tag while the tag stays, and goes when the tag goes.
    const retagged = expectOk<TeammateJson>(await me.api.put(t.base, { tags: ['billing', 'new'] }));
    assert.deepEqual(retagged.tags, [{ tag: 'billing', color: '#f00' }, { tag: 'new' }]);
    const untagged = expectOk<TeammateJson>(
      await me.api.put(t.base, { tags: [{ tag: 'new', color: 'blue' }] }),
    );
    assert.deepEqual(untagged.tags, [{ tag: 'new', color: 'blue' }]);
    // Its own capacity is the agent's to set (Tiledesk's max_served_chat); its role is not.
    const paced = expectOk<TeammateJson>(await me.api.put(t.base, { max_served_chat: 2 }));
    assert.equal(paced.max_served_chat, 2);
    assert.equal(
      expectOk<TeammateJson>(await me.api.put(t.base, { max_assigned_chat: null })).max_served_chat,
      5,
    );
    expectTiledeskError(
      await me.api.put(`${t.base}/${me.agent.id}`, { role: 'admin' }),
      403,
      ERR.wrongRole as Record<string, unknown>,
    );

    const other = await buildAgent(t.ctx);
    expectTiledeskError(
      await me.api.put(`${t.base}/${other.id}`, { user_available: false }),
      403,
      ERR.wrongRole as Record<string, unknown>,
    );
    const team = await buildTeam(t.ctx);
    await addTeamMember(t.ctx, team.id, other.id);
    const changed = expectOk<TeammateJson>(
      await t.api.put(`${t.base}/${other.id}`, { role: 'supervisor', max_assigned_chat: 0 }),
    );
    assert.equal(changed.role, 'supervisor');
    assert.equal(changed.max_served_chat, 0);
    assert.equal(changed.isBusy, true);
    const disabled = expectOk<TeammateJson>(await t.api.put(`${t.base}/${other.id}`, { status: 'disabled' }));
    assert.equal(disabled.status, 'disabled');
    assert.deepEqual(await memberIds(t, team.id), []);

    const foreign = await buildAgent(await buildOrg(env));
    expectTiledeskError(await t.api.put(`${t.base}/${foreign.id}`, { profileStatus: 'x' }), 404);
    expectTiledeskError(await t.api.put(`${t.base}/${other.id}`, { status: 'invited' }), 400);
  });
});

describe('Tiledesk PUT is one change', () => {
  it('a refused later part (disabling oneself) leaves the earlier parts unapplied, with no events', async () => {
    const t = await newTiledeskTenant(env);
    const me = await teammateWithKey(env, t, 'agent');
    const before = expectOk<TeammateJson>(await me.api.get(`${t.base}/${me.agent.id}`));
    const written = async () =>
      (
        await env.database.db
          .select({ id: outboxEvents.id })
          .from(outboxEvents)
          .where(eq(outboxEvents.orgId, t.orgId))
      ).length;
    const eventsBefore = await written();
    // The profile part and the availability part are the agent's own to change; disabling is not.
    expectTiledeskError(
      await me.api.put(`${t.base}/${me.agent.id}`, {
        profileStatus: 'gone fishing',
        user_available: false,
        tags: ['x'],
        status: 'disabled',
      }),
      403,
      ERR.wrongRole as Record<string, unknown>,
    );
    const after = expectOk<TeammateJson>(await me.api.get(`${t.base}/${me.agent.id}`));
    assert.equal(after.profileStatus, before.profileStatus);
    assert.equal(after.user_available, true);
    assert.deepEqual(after.tags, []);
    assert.equal(after.status, 'active');
    assert.equal(after.updatedAt, before.updatedAt);
    assert.equal(await written(), eventsBefore);
  });
});

describe('Tiledesk DELETE and restore', () => {
  it('disables, trashes or removes; each leaves every team; restore undoes a trash only', async () => {
    const t = await newTiledeskTenant(env);
    const team = await buildTeam(t.ctx);
    const [a, b, c] = [await buildAgent(t.ctx), await buildAgent(t.ctx), await buildAgent(t.ctx)];
    for (const agent of [a, b, c]) {
      await addTeamMember(t.ctx, team.id, agent.id);
    }

    const disabled = expectOk<TeammateJson>(await t.api.delete(`${t.base}/${a.id}`));
    assert.equal(disabled.status, 'disabled');
    assert.equal(disabled.user_available, false);
    assert.equal(disabled.trashed, false);

    const trashed = expectOk<TeammateJson>(await t.api.delete(`${t.base}/${b.id}?soft=true`));
    assert.equal(trashed.trashed, true);
    assert.equal(trashed.status, 'active');

    const removed = expectOk<TeammateJson>(await t.api.delete(`${t.base}/${c.id}?hard=true`));
    assert.equal(removed.id, c.id);
    assertTeammateShape(removed);
    expectTiledeskError(await t.api.get(`${t.base}/${c.id}`), 404);

    assert.deepEqual(await memberIds(t, team.id), []);
    expectTiledeskError(await t.api.delete(`${t.base}/${UNKNOWN_ID}`), 404, {
      success: false,
      error: `Project user not found with id ${UNKNOWN_ID}`,
    });

    const restored = expectOk<TeammateJson>(await t.api.put(`${t.base}/${b.id}/restore`));
    assert.equal(restored.trashed, false);
    expectTiledeskError(await t.api.put(`${t.base}/${b.id}/restore`), 400);
    expectTiledeskError(await t.api.put(`${t.base}/${a.id}/restore`), 400);

    const plain = await teammateWithKey(env, t, 'agent');
    expectTiledeskError(
      await plain.api.delete(`${t.base}/${b.id}`),
      403,
      ERR.wrongRole as Record<string, unknown>,
    );
  });
});

describe('Tiledesk and /v1 see one agent', () => {
  it('a teammate made unavailable here is away in /v1; /v1 heartbeats are its presence here', async () => {
    const t = await newTiledeskTenant(env);
    const me = await teammateWithKey(env, t, 'agent');
    const v1 = client(env.app, t.key);
    expectStatus(await v1.post(`/v1/agents/${me.agent.id}/presence/heartbeat`, { device_id: 'web' }), 204);
    const online = expectOk<TeammateJson>(await t.api.get(`${t.base}/${me.agent.id}`));
    assert.equal(online.presence.status, 'online');
    assert.equal(online.user_available, true);

    expectOk(await me.api.put(t.base, { user_available: false }));
    const presence = expectOk<{ available: boolean; effective_status: string; connection: string }>(
      await v1.get(`/v1/agents/${me.agent.id}/presence`),
    );
    assert.equal(presence.available, false);
    assert.equal(presence.connection, 'online');
    assert.equal(presence.effective_status, 'away');

    expectOk(await v1.put(`/v1/agents/${me.agent.id}/availability`, { available: true }));
    const back = expectOk<TeammateJson>(await t.api.get(`${t.base}/${me.agent.id}`));
    assert.equal(back.user_available, true);
    const agent = expectOk<{ user_id: string }>(await v1.get(`/v1/agents/${me.agent.id}`));
    assert.equal(agent.user_id, back.id_user._id);
    assert.match(agent.user_id, UUID_V7);
  });
});
