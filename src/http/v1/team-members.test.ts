/** /v1/teams/{id}/members beyond the seed's flow (which is in teams.test.ts). */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildAgent } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import {
  allPages,
  defined,
  expectJson,
  expectProblem,
  ids,
  newTenant,
  sorted,
  UNKNOWN_ID,
} from '../../../test/http.js';
import {
  addMember,
  type BulkJson,
  createTeam,
  type MemberJson,
  type TeamJson,
} from './teams-test-support.js';

let env: TestApp;
before(async () => {
  env = await createTestApp();
});
after(async () => {
  await env.close();
});

describe('/v1/teams/{id}/members beyond the seed', () => {
  it('GET pages the members in id order', async () => {
    const t = await newTenant(env);
    const team = await createTeam(t, { name: 'Big' });
    const agents = [];
    for (let i = 0; i < 5; i++) {
      agents.push(await buildAgent(t.ctx));
    }
    for (const agent of agents) {
      await addMember(t, team.id, agent.id);
    }
    const expected = sorted(ids(agents));

    const pages = await allPages<MemberJson>(t.api, `/v1/teams/${team.id}/members?limit=2`);
    assert.deepEqual(
      pages.map((p) => p.length),
      [2, 2, 1],
    );
    assert.deepEqual(ids(pages.flat()), expected);
    const first = defined(defined(pages[0])[0]);
    assert.deepEqual(Object.keys(first).sort(), ['email', 'full_name', 'id', 'priority']);

    const skipped = expectJson<MemberJson[]>(
      await t.api.get(`/v1/teams/${team.id}/members?skip=1&limit=3`),
      200,
    );
    assert.deepEqual(ids(skipped), expected.slice(1, 4));
    expectProblem(await t.api.get(`/v1/teams/${UNKNOWN_ID}/members`), 404, { code: 'team_not_found' });
  });

  it('PATCH adds and removes in one call and reports a status per id', async () => {
    const t = await newTenant(env);
    const team = await createTeam(t, { name: 'Bulk' });
    const [member, newcomer, outsider, leaver] = [
      await buildAgent(t.ctx),
      await buildAgent(t.ctx),
      await buildAgent(t.ctx),
      await buildAgent(t.ctx),
    ];
    await addMember(t, team.id, member.id);
    await addMember(t, team.id, leaver.id);
    const missing = '00000000-0000-7000-8000-0000000000aa';

    const res = await t.api.patch(`/v1/teams/${team.id}/members`, {
      add: [newcomer.id, member.id, missing, newcomer.id],
      remove: [outsider.id, leaver.id, UNKNOWN_ID],
    });
    assert.deepEqual(expectJson<BulkJson>(res, 200), {
      results: [
        { id: newcomer.id, action: 'add', status: 'added' },
        { id: member.id, action: 'add', status: 'duplicate' },
        { id: missing, action: 'add', status: 'not_found' },
        { id: newcomer.id, action: 'add', status: 'duplicate' },
        { id: outsider.id, action: 'remove', status: 'not_member' },
        { id: leaver.id, action: 'remove', status: 'removed' },
        { id: UNKNOWN_ID, action: 'remove', status: 'not_found' },
      ],
    });
    const got = expectJson<TeamJson>(await t.api.get(`/v1/teams/${team.id}`), 200);
    assert.deepEqual(ids(got.members), sorted([member.id, newcomer.id]));

    const onlyRemove = await t.api.patch(`/v1/teams/${team.id}/members`, { remove: [member.id] });
    assert.deepEqual(expectJson<BulkJson>(onlyRemove, 200).results, [
      { id: member.id, action: 'remove', status: 'removed' },
    ]);
  });

  it('PATCH rejects an id in both lists and more than 1000 ids, changing nothing', async () => {
    const t = await newTenant(env);
    const team = await createTeam(t, { name: 'Limits' });
    const agent = await buildAgent(t.ctx);
    expectProblem(
      await t.api.patch(`/v1/teams/${team.id}/members`, { add: [agent.id], remove: [agent.id] }),
      400,
      { code: 'invalid_request', paths: ['body.remove'] },
    );
    const many = (n: number, digit: string) =>
      Array.from({ length: n }, (_, i) => `00000000-0000-7000-8${digit}00-${String(i).padStart(12, '0')}`);
    expectProblem(
      await t.api.patch(`/v1/teams/${team.id}/members`, {
        add: [agent.id, ...many(600, '1')],
        remove: many(400, '2'),
      }),
      400,
      { code: 'invalid_request', paths: ['body'] },
    );
    expectProblem(await t.api.patch(`/v1/teams/${team.id}/members`, { add: many(1001, '1') }), 400, {
      paths: ['body.add'],
    });
    const got = expectJson<TeamJson>(await t.api.get(`/v1/teams/${team.id}`), 200);
    assert.deepEqual(got.members, []);

    const thousand = await t.api.patch(`/v1/teams/${team.id}/members`, {
      add: [agent.id, ...many(999, '1')],
    });
    const results = expectJson<BulkJson>(thousand, 200).results;
    assert.equal(results.length, 1000);
    assert.deepEqual(defined(results[0]), { id: agent.id, action: 'add', status: 'added' });
    assert.ok(results.slice(1).every((r) => r.status === 'not_found'));
  });
});
