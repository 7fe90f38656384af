import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Static } from 'typebox';
import { buildAgent } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { expectJson, expectProblem, ISO_UTC, newTenant } from '../../../test/http.js';
import type { Member, Team, TeamSummary } from './teams.schemas.js';

type TeamJson = Static<typeof Team>;
type SummaryJson = Static<typeof TeamSummary>;
type MemberJson = Static<typeof Member>;

let env: TestApp;
before(async () => {
  env = await createTestApp();
});
after(async () => {
  await env.close();
});

describe('/v1/teams: enabled, email, forms and archive', () => {
  it('creates a team with its settings and changes them with PATCH', async () => {
    const t = await newTenant(env);
    const team = expectJson<TeamJson>(
      await t.api.post('/v1/teams', {
        name: 'Sales',
        enabled: false,
        email: 'sales@example.com',
        show_on_registration: false,
        show_on_offline_form: true,
      }),
      201,
    );
    assert.deepEqual(
      [team.enabled, team.archived_at, team.email, team.show_on_registration, team.show_on_offline_form],
      [false, null, 'sales@example.com', false, true],
    );
    const patched = expectJson<TeamJson>(
      await t.api.patch(`/v1/teams/${team.id}`, { enabled: true, email: null, show_on_offline_form: false }),
      200,
    );
    assert.deepEqual(
      [patched.enabled, patched.email, patched.show_on_registration, patched.show_on_offline_form],
      [true, null, false, false],
    );
    expectProblem(await t.api.post('/v1/teams', { name: 'Bad', email: 'not an email' }), 400, {
      paths: ['body.email'],
    });
    expectProblem(await t.api.patch(`/v1/teams/${team.id}`, { enabled: 'yes' }), 400, {
      paths: ['body.enabled'],
    });
  });

  it('archives with PATCH {archived}: hidden from the list unless archived=true is asked', async () => {
    const t = await newTenant(env);
    const kept = expectJson<TeamJson>(await t.api.post('/v1/teams', { name: 'Kept' }), 201);
    const old = expectJson<TeamJson>(await t.api.post('/v1/teams', { name: 'Old' }), 201);
    const archived = expectJson<TeamJson>(
      await t.api.patch(`/v1/teams/${old.id}`, { archived: true, description: 'retired' }),
      200,
    );
    assert.match(String(archived.archived_at), ISO_UTC);
    assert.equal(archived.description, 'retired');
    const listed = async (url: string) => expectJson<SummaryJson[]>(await t.api.get(url), 200);
    assert.deepEqual(
      (await listed('/v1/teams')).map((x) => x.id),
      [kept.id],
    );
    assert.deepEqual(
      (await listed('/v1/teams?archived=true')).map((x) => x.id),
      [old.id],
    );
    expectJson(await t.api.get(`/v1/teams/${old.id}`), 200);
    const restored = expectJson<TeamJson>(await t.api.patch(`/v1/teams/${old.id}`, { archived: false }), 200);
    assert.equal(restored.archived_at, null);
    assert.equal((await listed('/v1/teams')).length, 2);
  });

  it('filters the list by enabled', async () => {
    const t = await newTenant(env);
    const on = expectJson<TeamJson>(await t.api.post('/v1/teams', { name: 'On' }), 201);
    const off = expectJson<TeamJson>(await t.api.post('/v1/teams', { name: 'Off', enabled: false }), 201);
    const ids = async (url: string) => expectJson<SummaryJson[]>(await t.api.get(url), 200).map((x) => x.id);
    assert.deepEqual(await ids('/v1/teams?enabled=false'), [off.id]);
    assert.deepEqual(await ids('/v1/teams?enabled=true'), [on.id]);
  });

  it('adds a member at a priority and shows every member with its priority', async () => {
    const t = await newTenant(env);
    const team = expectJson<TeamJson>(await t.api.post('/v1/teams', { name: 'Queue' }), 201);
    const first = await buildAgent(t.ctx);
    const second = await buildAgent(t.ctx);
    const added = expectJson<MemberJson>(
      await t.api.post(`/v1/teams/${team.id}/members`, { user_id: first.id, priority: 3 }),
      201,
    );
    assert.equal(added.priority, 3);
    expectJson(await t.api.post(`/v1/teams/${team.id}/members`, { user_id: second.id }), 201);
    const members = expectJson<MemberJson[]>(await t.api.get(`/v1/teams/${team.id}/members`), 200);
    assert.deepEqual(
      new Map(members.map((m) => [m.id, m.priority])),
      new Map([
        [first.id, 3],
        [second.id, 0],
      ]),
    );
    expectProblem(
      await t.api.post(`/v1/teams/${team.id}/members`, { user_id: second.id, priority: 1.5 }),
      400,
      { paths: ['body.priority'] },
    );
  });
});
