import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { buildKey } from './factories.js';
import { createTestApp, type TestApp } from './harness.js';
import { client, newTenant } from './http.js';
import { ENTERPRISE_URN, oktaUser, patchOp } from './scim.js';

let env: TestApp;
before(async () => {
  env = await createTestApp();
});
after(async () => {
  await env.close();
});

const USERS = 3;
const GROUPS = 2;

/** One thing an identity provider may do; indexes name the IdP's users and groups. */
type Op =
  | { kind: 'createUser'; u: number }
  | { kind: 'setActive'; u: number; active: boolean; entra: boolean }
  | { kind: 'rename'; u: number; name: string }
  | { kind: 'deleteUser'; u: number }
  | { kind: 'createGroup'; g: number }
  | { kind: 'addMembers'; g: number; us: number[] }
  | { kind: 'removeMember'; g: number; u: number; legacy: boolean }
  | { kind: 'replaceMembers'; g: number; us: number[] }
  | { kind: 'deleteGroup'; g: number };

const u = fc.integer({ min: 0, max: USERS - 1 });
const g = fc.integer({ min: 0, max: GROUPS - 1 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('createUser' as const), u }),
  fc.record({ kind: fc.constant('setActive' as const), u, active: fc.boolean(), entra: fc.boolean() }),
  fc.record({ kind: fc.constant('rename' as const), u, name: fc.constantFrom('Ann', 'Bo', 'Cy Dee') }),
  fc.record({ kind: fc.constant('deleteUser' as const), u }),
  fc.record({ kind: fc.constant('createGroup' as const), g }),
  fc.record({ kind: fc.constant('addMembers' as const), g, us: fc.uniqueArray(u, { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('removeMember' as const), g, u, legacy: fc.boolean() }),
  fc.record({ kind: fc.constant('replaceMembers' as const), g, us: fc.uniqueArray(u, { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('deleteGroup' as const), g }),
);

/** What the IdP believes: users by index (active, display name), groups by index (member indexes). */
interface Model {
  users: Map<number, { active: boolean; name: string }>;
  groups: Map<number, Set<number>>;
}

const login = (i: number) => `user${i}@model.test`;

describe('SCIM property: any operation sequence leaves /v1 equal to the IdP model', () => {
  it('users and groups as /v1 shows them match the model after every sequence', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 16 }), async (random) => {
        // Most sequences start from a populated directory, so later operations meet real objects.
        const ops: Op[] = [
          ...[0, 1, 2].map((i): Op => ({ kind: 'createUser', u: i })),
          ...[0, 1].map((j): Op => ({ kind: 'createGroup', g: j })),
          ...random,
        ];
        const t = await newTenant(env);
        const { secret } = await buildKey(t.ctx, { scopes: ['scim'] });
        const scim = client(env.app, secret);
        const model: Model = { users: new Map(), groups: new Map() };
        const userIds = new Map<number, string>();
        const groupIds = new Map<number, string>();
        const idsOf = (us: number[]) =>
          us.map((i) => userIds.get(i) ?? '00000000-0000-7000-8000-000000000009');

        for (const o of ops) {
          switch (o.kind) {
            case 'createUser': {
              const res = await scim.post('/scim/v2/Users', oktaUser(login(o.u), { displayName: `U${o.u}` }));
              const known = model.users.get(o.u);
              if (known?.active) {
                assert.equal(res.statusCode, 409);
              } else {
                assert.equal(res.statusCode, 201, res.body);
                if (known !== undefined) {
                  assert.equal(
                    res.json().id,
                    userIds.get(o.u),
                    'a dormant user is brought back, not duplicated',
                  );
                }
                userIds.set(o.u, res.json().id);
                model.users.set(o.u, { active: true, name: `U${o.u}` });
              }
              break;
            }
            case 'setActive': {
              const value = o.entra ? (o.active ? 'True' : 'False') : o.active;
              const body = o.entra
                ? patchOp({ op: 'Replace', path: 'active', value })
                : patchOp({ op: 'replace', value: { active: value } });
              const res = await scim.patch(`/scim/v2/Users/${idsOf([o.u])[0]}`, body);
              const known = model.users.get(o.u);
              assert.equal(res.statusCode, known === undefined ? 404 : 200, res.body);
              if (known !== undefined) {
                known.active = o.active;
              }
              break;
            }
            case 'rename': {
              const body = patchOp({
                op: 'replace',
                value: { displayName: o.name, [`${ENTERPRISE_URN}:department`]: 'D' },
              });
              const res = await scim.patch(`/scim/v2/Users/${idsOf([o.u])[0]}`, body);
              const known = model.users.get(o.u);
              assert.equal(res.statusCode, known === undefined ? 404 : 200, res.body);
              if (known !== undefined) {
                known.name = o.name;
              }
              break;
            }
            case 'deleteUser': {
              const res = await scim.delete(`/scim/v2/Users/${idsOf([o.u])[0]}`);
              assert.equal(res.statusCode, model.users.has(o.u) ? 204 : 404);
              model.users.delete(o.u);
              userIds.delete(o.u);
              for (const members of model.groups.values()) {
                members.delete(o.u);
              }
              break;
            }
            case 'createGroup': {
              const res = await scim.post('/scim/v2/Groups', { displayName: `Group ${o.g}`, members: [] });
              assert.equal(res.statusCode, model.groups.has(o.g) ? 409 : 201, res.body);
              if (!model.groups.has(o.g)) {
                groupIds.set(o.g, res.json().id);
                model.groups.set(o.g, new Set());
              }
              break;
            }
            case 'addMembers':
            case 'replaceMembers': {
              const value = idsOf(o.us).map((id) => ({ value: id }));
              const body =
                o.kind === 'addMembers'
                  ? patchOp({ op: 'Add', path: 'members', value })
                  : patchOp({ op: 'replace', path: 'members', value });
              const res = await scim.patch(`/scim/v2/Groups/${groupIds.get(o.g) ?? idsOf([99])[0]}`, body);
              const members = model.groups.get(o.g);
              const allKnown = o.us.every((i) => model.users.has(i));
              const expected = members === undefined ? 404 : allKnown ? 204 : 400;
              assert.equal(res.statusCode, expected, res.body);
              if (members !== undefined && allKnown) {
                if (o.kind === 'replaceMembers') {
                  members.clear();
                }
                for (const i of o.us) {
                  members.add(i);
                }
              }
              break;
            }
            case 'removeMember': {
              const id = idsOf([o.u])[0];
              const body = o.legacy
                ? patchOp({ op: 'Remove', path: 'members', value: [{ value: id }] })
                : patchOp({ op: 'remove', path: `members[value eq "${id}"]` });
              const res = await scim.patch(`/scim/v2/Groups/${groupIds.get(o.g) ?? idsOf([99])[0]}`, body);
              const members = model.groups.get(o.g);
              assert.equal(res.statusCode, members === undefined ? 404 : 204, res.body);
              members?.delete(o.u);
              break;
            }
            case 'deleteGroup': {
              const res = await scim.delete(`/scim/v2/Groups/${groupIds.get(o.g) ?? idsOf([99])[0]}`);
              assert.equal(res.statusCode, model.groups.has(o.g) ? 204 : 404);
              model.groups.delete(o.g);
              groupIds.delete(o.g);
              break;
            }
          }
        }

        // Roster's view through /v1, with an unrelated key.
        const agents = t.api;
        const listed = (await agents.get('/v1/agents?limit=100')).json() as {
          id: string;
          username: string;
          status: string;
          full_name: string;
        }[];
        const seen = new Map(listed.map((a) => [a.username, a]));
        assert.equal(listed.length, model.users.size);
        for (const [i, user] of model.users) {
          const agent = seen.get(login(i));
          assert.ok(agent, `agent ${login(i)} exists`);
          assert.equal(agent.status, user.active ? 'active' : 'disabled');
          assert.equal(agent.full_name, user.name);
        }
        const teams = (await agents.get('/v1/teams?limit=100')).json() as { id: string; name: string }[];
        assert.deepEqual(
          teams.map((x) => x.name).sort(),
          [...model.groups.keys()].map((j) => `Group ${j}`).sort(),
        );
        for (const [j, members] of model.groups) {
          const team = (await agents.get(`/v1/teams/${groupIds.get(j)}`)).json() as {
            members: { id: string }[];
          };
          assert.deepEqual(
            team.members.map((m) => m.id).sort(),
            idsOf([...members]).sort(),
            `members of Group ${j}`,
          );
        }
      }),
      {
        numRuns: Number(process.env.ROSTER_SCIM_RUNS ?? 12),
        // Each shape of membership change at least once, whatever the random runs draw.
        examples: [
          [
            [
              { kind: 'addMembers', g: 0, us: [0, 1, 2] },
              { kind: 'removeMember', g: 0, u: 0, legacy: true },
              { kind: 'removeMember', g: 0, u: 1, legacy: false },
              { kind: 'setActive', u: 2, active: false, entra: true },
              { kind: 'replaceMembers', g: 1, us: [1, 2] },
              { kind: 'deleteUser', u: 1 },
              { kind: 'createUser', u: 2 },
            ],
          ],
        ],
      },
    );
  });
});
