import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from './harness.js';
import { expectJson } from './http.js';
import {
  ENTERPRISE_URN,
  expectOk,
  expectScimError,
  GROUP_URN,
  listen,
  patchOp,
  type ScimCall,
  scimTenant,
  USER_URN,
} from './scim.js';

let env: TestApp;
let base: string;
before(async () => {
  env = await createTestApp();
  base = await listen(env);
});
after(async () => {
  await env.close();
});

const ENTRA_AGENT = 'Microsoft.AAD.Provisioning';
const q = (filter: string) => encodeURIComponent(filter);

/** An Entra-shaped create body (as its provisioning service sends it). */
function entraUser(n: string) {
  return {
    schemas: [USER_URN, ENTERPRISE_URN],
    externalId: `ext-${n}`,
    userName: `${n}@contoso.test`,
    active: true,
    emails: [{ primary: true, type: 'work', value: `${n}@contoso.test` }],
    meta: { resourceType: 'User' },
    name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
    roles: [],
  };
}

async function create(scim: ScimCall, n: string) {
  return expectOk(await scim('POST', '/Users', entraUser(n)), 201);
}

describe('Microsoft Entra ID replay (HTTP against a listening server)', () => {
  it('test connection: a filter matching nobody is 200 with totalResults 0, for users and groups', async () => {
    const { scim } = await scimTenant(env, base, ENTRA_AGENT);
    const users = expectOk(await scim('GET', `/Users?filter=${q('userName eq "non-existent user"')}`));
    assert.equal(users.totalResults, 0);
    assert.deepEqual(users.Resources, []);
    const groups = expectOk(
      await scim(
        'GET',
        `/Groups?excludedAttributes=members&filter=${q('displayName eq "non-existent group"')}`,
      ),
    );
    assert.equal(groups.totalResults, 0);
  });

  it('creates a user, then finds it by userName and by externalId (and with and)', async () => {
    const { scim } = await scimTenant(env, base, ENTRA_AGENT);
    const user = await create(scim, 'ada');
    for (const filter of [
      'userName eq "ada@contoso.test"',
      'externalId eq "ext-ada"',
      'userName eq "ada@contoso.test" and externalId eq "ext-ada"',
      'emails[type eq "work"].value eq "ada@contoso.test"',
    ]) {
      const found = expectOk(await scim('GET', `/Users?filter=${q(filter)}`));
      assert.equal(found.totalResults, 1, filter);
      assert.equal(found.Resources[0].id, user.id, filter);
    }
  });

  it('default PATCH form: one "Replace" per path, including emails[type eq "work"].value and the enterprise URN', async () => {
    const { t, scim } = await scimTenant(env, base, ENTRA_AGENT);
    const user = await create(scim, 'grace');
    const res = await scim(
      'PATCH',
      `/Users/${user.id}`,
      patchOp(
        { op: 'Replace', path: 'displayName', value: 'Grace Hopper' },
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'grace.hopper@contoso.test' },
        { op: 'Replace', path: 'name.givenName', value: 'Grace' },
        { op: 'Replace', path: 'name.familyName', value: 'Hopper' },
        { op: 'Replace', path: 'externalId', value: 'ext-grace-2' },
        { op: 'Replace', path: `${ENTERPRISE_URN}:employeeNumber`, value: '1906' },
        { op: 'Add', path: `${ENTERPRISE_URN}:department`, value: 'Navy' },
      ),
    );
    const u = expectOk(res);
    assert.equal(u.displayName, 'Grace Hopper');
    assert.equal(u.emails[0].value, 'grace.hopper@contoso.test');
    assert.deepEqual(u.name, { formatted: 'Grace Hopper', givenName: 'Grace', familyName: 'Hopper' });
    assert.equal(u.externalId, 'ext-grace-2');
    assert.deepEqual(u[ENTERPRISE_URN], { employeeNumber: '1906', department: 'Navy' });
    const agent = expectJson<{ email: string; attributes: Record<string, unknown> }>(
      await t.api.get(`/v1/agents/${user.id}`),
      200,
    );
    assert.equal(agent.email, 'grace.hopper@contoso.test');
    assert.deepEqual(agent.attributes, { employee_number: '1906', department: 'Navy' });
  });

  it('aadOptscim062020 form: one path-less replace whose value has dotted and URN keys, stored as fields', async () => {
    const { scim } = await scimTenant(env, base, ENTRA_AGENT);
    const user = await create(scim, 'alan');
    const u = expectOk(
      await scim(
        'PATCH',
        `/Users/${user.id}`,
        patchOp({
          op: 'replace',
          value: {
            displayName: 'Alan Turing',
            'name.givenName': 'Alan',
            'name.familyName': 'Turing',
            [`${ENTERPRISE_URN}:employeeNumber`]: '1912',
          },
        }),
      ),
    );
    assert.deepEqual(u.name, { formatted: 'Alan Turing', givenName: 'Alan', familyName: 'Turing' });
    assert.equal(u[ENTERPRISE_URN].employeeNumber, '1912');
    assert.equal(u['name.givenName'], undefined, 'no literal dotted key');
  });

  it('"Add" on emails[type eq "work"].value sets the work email; "Add" of a single-valued attribute sets it', async () => {
    const { scim } = await scimTenant(env, base, ENTRA_AGENT);
    const user = await create(scim, 'edsger');
    const u = expectOk(
      await scim(
        'PATCH',
        `/Users/${user.id}`,
        patchOp(
          { op: 'Add', path: 'emails[type eq "work"].value', value: 'ewd@contoso.test' },
          { op: 'Add', path: 'name.familyName', value: 'Dijkstra' },
          { op: 'add', path: 'displayName', value: 'Edsger Dijkstra' },
        ),
      ),
    );
    assert.equal(u.emails.find((e: { type: string }) => e.type === 'work').value, 'ewd@contoso.test');
    assert.equal(u.name.familyName, 'Dijkstra');
    assert.equal(u.displayName, 'Edsger Dijkstra');
  });

  it('disable: default form "Replace" with the string "False", flag form replace with false; enable with "True"', async () => {
    const { t, scim } = await scimTenant(env, base, ENTRA_AGENT);
    const user = await create(scim, 'barbara');
    const status = async () =>
      expectJson<{ status: string }>(await t.api.get(`/v1/agents/${user.id}`), 200).status;
    assert.equal(
      expectOk(
        await scim('PATCH', `/Users/${user.id}`, patchOp({ op: 'Replace', path: 'active', value: 'False' })),
      ).active,
      false,
    );
    assert.equal(await status(), 'disabled');
    assert.equal(
      expectOk(
        await scim('PATCH', `/Users/${user.id}`, patchOp({ op: 'Replace', path: 'active', value: 'True' })),
      ).active,
      true,
    );
    assert.equal(await status(), 'active');
    assert.equal(
      expectOk(
        await scim('PATCH', `/Users/${user.id}`, patchOp({ op: 'replace', path: 'active', value: false })),
      ).active,
      false,
    );
    assert.equal(await status(), 'disabled');
    // Soft-deleted users stay readable and filterable.
    const found = expectOk(await scim('GET', `/Users?filter=${q('externalId eq "ext-barbara"')}`));
    assert.equal(found.Resources[0].active, false);
  });

  it('groups: created empty, read with excludedAttributes=members, members added and removed in both forms (204)', async () => {
    const { t, scim } = await scimTenant(env, base, ENTRA_AGENT);
    const [u1, u2, u3] = [await create(scim, 'm1'), await create(scim, 'm2'), await create(scim, 'm3')];
    const group = expectOk(
      await scim('POST', '/Groups', {
        schemas: [GROUP_URN, 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],
        externalId: 'grp-ext-1',
        displayName: 'Tier 1',
        meta: { resourceType: 'Group' },
      }),
      201,
    );
    assert.equal(group.externalId, 'grp-ext-1');
    const lean = expectOk(await scim('GET', `/Groups/${group.id}?excludedAttributes=members`));
    assert.equal('members' in lean, false);
    assert.equal(lean.displayName, 'Tier 1');
    const byName = expectOk(
      await scim('GET', `/Groups?excludedAttributes=members&filter=${q('displayName eq "tier 1"')}`),
    );
    assert.equal(byName.totalResults, 1);
    assert.equal('members' in byName.Resources[0], false);

    const add = await scim(
      'PATCH',
      `/Groups/${group.id}`,
      patchOp({
        op: 'Add',
        path: 'members',
        value: [
          { $ref: null, value: u1.id },
          { $ref: null, value: u2.id },
          { $ref: null, value: u3.id },
        ],
      }),
    );
    assert.equal(add.status, 204);
    assert.equal(add.body, null);
    const members = async () =>
      expectJson<{ members: { id: string }[] }>(await t.api.get(`/v1/teams/${group.id}`), 200)
        .members.map((m) => m.id)
        .sort();
    assert.deepEqual(await members(), [u1.id, u2.id, u3.id].sort());
    // Default (legacy) form: remove with a value array.
    expectOk(
      await scim(
        'PATCH',
        `/Groups/${group.id}`,
        patchOp({ op: 'Remove', path: 'members', value: [{ value: u1.id }] }),
      ),
      204,
    );
    // aadOptscim062020 form: remove by a value filter.
    expectOk(
      await scim(
        'PATCH',
        `/Groups/${group.id}`,
        patchOp({ op: 'remove', path: `members[value eq "${u2.id}"]` }),
      ),
      204,
    );
    assert.deepEqual(await members(), [u3.id]);
    // Asking for attributes turns the 204 into a 200 with the group.
    const shown = expectOk(
      await scim(
        'PATCH',
        `/Groups/${group.id}?attributes=members`,
        patchOp({ op: 'Add', path: 'members', value: [{ value: u1.id }] }),
      ),
    );
    assert.deepEqual(shown.members.map((m: { value: string }) => m.value).sort(), [u1.id, u3.id].sort());
    assert.equal(shown.displayName, undefined);
  });

  it('delete: 204, then the user is gone (404) and left its groups', async () => {
    const { t, scim } = await scimTenant(env, base, ENTRA_AGENT);
    const user = await create(scim, 'gone');
    const group = expectOk(
      await scim('POST', '/Groups', { displayName: 'G', members: [{ value: user.id }] }),
      201,
    );
    expectOk(await scim('DELETE', `/Users/${user.id}`), 204);
    expectScimError(await scim('GET', `/Users/${user.id}`), 404);
    assert.equal((await t.api.get(`/v1/agents/${user.id}`)).statusCode, 404);
    const g = expectOk(await scim('GET', `/Groups/${group.id}`));
    assert.deepEqual(g.members, []);
  });
});
