import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildAgent } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import {
  defined,
  expectNoContent,
  expectStatus,
  newTenant,
  type Response,
  send,
  type Tenant,
} from '../../../../test/http.js';
import { expectWebexError, personId, SUPERVISORS } from '../../../../test/webex.js';
import { updateSupervisorAgents } from '../../../core/supervisors/supervisors.js';

let env: TestApp;
before(async () => {
  env = await createTestApp();
});
after(async () => {
  await env.close();
});

const json = <T>(res: Response): T => {
  expectStatus(res, 200);
  return res.json() as T;
};
type Listed = { id: string; firstName: string; lastName: string; [key: string]: unknown };

/** Three supervisors (Ann, Bob, Cid) over two agents, and one idle person. */
async function org(t: Tenant) {
  const ann = await buildAgent(t.ctx, {
    fullName: 'Ann Zeta',
    phoneNumber: '+1 555 0100',
    attributes: { extension: '100' },
  });
  const bob = await buildAgent(t.ctx, { fullName: 'Robert Young', firstName: 'Bob', lastName: 'Young' });
  const cid = await buildAgent(t.ctx, { fullName: 'Cid Xu' });
  const x = await buildAgent(t.ctx, { fullName: 'Xena Agent' });
  const y = await buildAgent(t.ctx, { fullName: 'Yuri Agent' });
  const idle = await buildAgent(t.ctx, { fullName: 'Ida Idle' });
  await buildAgent(t.ctx, { fullName: 'Dee Disabled', status: 'disabled' });
  await updateSupervisorAgents(t.ctx, ann.id, { add: [x.id, y.id], remove: [] });
  await updateSupervisorAgents(t.ctx, bob.id, { add: [x.id], remove: [] });
  await updateSupervisorAgents(t.ctx, cid.id, { add: [y.id], remove: [] });
  return { ann: ann.id, bob: bob.id, cid: cid.id, x: x.id, y: y.id, idle: idle.id };
}

describe('Webex supervisor lists', () => {
  it('lists supervisors with their agent count, names, number, extension and the hasCxEssentials asked', async () => {
    const t = await newTenant(env);
    const o = await org(t);
    const { supervisors } = json<{ supervisors: Listed[] }>(
      await t.api.get(`${SUPERVISORS}?hasCxEssentials=true`),
    );
    assert.deepEqual(supervisors[0], {
      id: personId(o.ann),
      firstName: 'Ann',
      lastName: 'Zeta',
      phoneNumber: '+1 555 0100',
      extension: '100',
      agentCount: 2,
      hasCxEssentials: true,
    });
    assert.deepEqual(
      supervisors.map((s) => [s.firstName, s.lastName, s.agentCount, s.hasCxEssentials]),
      [
        ['Ann', 'Zeta', 2, true],
        ['Bob', 'Young', 1, true],
        ['Cid', 'Xu', 1, true],
      ],
    );
    const plain = json<{ supervisors: Listed[] }>(await t.api.get(SUPERVISORS));
    assert.equal(plain.supervisors[0]?.hasCxEssentials, false);
  });

  it('filters by name and phoneNumber, sorts by order, pages with start/max and a Link to the next page', async () => {
    const t = await newTenant(env);
    await org(t);
    const names = async (query: string) =>
      json<{ supervisors: Listed[] }>(await t.api.get(`${SUPERVISORS}?${query}`)).supervisors.map(
        (s) => s.firstName,
      );
    assert.deepEqual(await names('name=ung'), ['Bob']);
    assert.deepEqual(await names('phoneNumber=0100'), ['Ann']);
    assert.deepEqual(await names('order=lastName'), ['Cid', 'Bob', 'Ann']);
    assert.deepEqual(await names('order=firstName-desc'), ['Cid', 'Bob', 'Ann']);
    const first = await t.api.get(`${SUPERVISORS}?order=lastName&max=2`);
    assert.deepEqual(
      json<{ supervisors: Listed[] }>(first).supervisors.map((s) => s.firstName),
      ['Cid', 'Bob'],
    );
    const link = defined(/^<([^>]+)>; rel="next"$/.exec(String(first.headers.link))?.[1], 'Link');
    assert.ok(link.includes('start=2') && link.includes('max=2') && link.includes('order=lastName'), link);
    const second = await t.api.get(link);
    assert.deepEqual(
      json<{ supervisors: Listed[] }>(second).supervisors.map((s) => s.firstName),
      ['Ann'],
    );
    assert.equal(second.headers.link, undefined);
    expectWebexError(await t.api.get(`${SUPERVISORS}?max=0`), 400);
    expectWebexError(await t.api.get(`${SUPERVISORS}?order=email`), 400);
  });

  it("gets one supervisor's agents with the same filters and paging", async () => {
    const t = await newTenant(env);
    const o = await org(t);
    const url = `${SUPERVISORS}/${personId(o.ann)}`;
    const all = json<{ id: string; agents: Listed[] }>(await t.api.get(`${url}?order=firstName-desc`));
    assert.equal(all.id, personId(o.ann));
    assert.deepEqual(
      all.agents.map((a) => a.id),
      [personId(o.y), personId(o.x)],
    );
    const page = await t.api.get(`${url}?max=1&start=1`);
    assert.deepEqual(
      json<{ agents: Listed[] }>(page).agents.map((a) => a.id),
      [personId(o.y)],
    );
    assert.deepEqual(json<{ agents: Listed[] }>(await t.api.get(`${url}?name=xena`)).agents.length, 1);
  });

  it('lists available supervisors (not disabled, not supervising yet) and available agents (type PEOPLE)', async () => {
    const t = await newTenant(env);
    const o = await org(t);
    const candidates = json<{ supervisors: Listed[] }>(
      await t.api.get(`${SUPERVISORS}/availableSupervisors`),
    );
    assert.deepEqual(
      candidates.supervisors.map((s) => s.displayName),
      ['Xena Agent', 'Yuri Agent', 'Ida Idle'],
    );
    assert.equal(candidates.supervisors[2]?.id, personId(o.idle));
    assert.equal(candidates.supervisors[2]?.hasCxEssentials, false);
    const agents = json<{ agents: Listed[] }>(
      await t.api.get(`${SUPERVISORS}/availableAgents?order=firstName`),
    );
    assert.deepEqual(
      agents.agents.map((a) => a.firstName),
      ['Ann', 'Bob', 'Cid', 'Ida', 'Xena', 'Yuri'],
    );
    assert.ok(agents.agents.every((a) => a.type === 'PEOPLE'));
  });
});

/** DELETE with a JSON body, as Webex's bulk delete takes one. */
const deleteWith = (t: Tenant, body: unknown) =>
  send(env.app, { method: 'DELETE', url: SUPERVISORS, key: t.key, body });

describe('Webex supervisor deletion', () => {
  it('deletes one supervisor (204, then 404), some in bulk under either spelling, or all', async () => {
    const t = await newTenant(env);
    const o = await org(t);
    expectNoContent(await t.api.delete(`${SUPERVISORS}/${personId(o.ann)}`));
    expectWebexError(await t.api.delete(`${SUPERVISORS}/${personId(o.ann)}`), 404);
    expectNoContent(await deleteWith(t, { supervisorsIds: [personId(o.bob)] }));
    const left = json<{ supervisors: Listed[] }>(await t.api.get(SUPERVISORS)).supervisors;
    assert.deepEqual(
      left.map((s) => s.id),
      [personId(o.cid)],
    );
    expectWebexError(await deleteWith(t, {}), 400);
    expectNoContent(await deleteWith(t, { supervisorIds: [], deleteAll: true }));
    assert.deepEqual(json<{ supervisors: Listed[] }>(await t.api.get(SUPERVISORS)).supervisors, []);
    expectNoContent(await deleteWith(t, { supervisorIds: [o.cid] }));
  });
});
