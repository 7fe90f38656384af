import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildKey } from './factories.js';
import { createTestApp, type TestApp } from './harness.js';
import {
  ENTERPRISE_URN,
  expectOk,
  expectScimError,
  GROUP_URN,
  LIST_URN,
  listen,
  oktaUser,
  patchOp,
  ROSTER_URN,
  type ScimCall,
  scimClient,
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

const q = (filter: string) => encodeURIComponent(filter);

async function create(scim: ScimCall, login: string, extra: Record<string, unknown> = {}) {
  return expectOk(await scim('POST', '/Users', oktaUser(login, extra)), 201);
}

describe('SCIM security contract', () => {
  it('401 without a key or with a bad one; 403 for a key without the scope scim', async () => {
    const { t } = await scimTenant(env, base);
    for (const path of ['/Users', '/Groups', `/Users/${t.orgId}`]) {
      expectScimError(await scimClient(base, null)('GET', path), 401);
      expectScimError(await scimClient(base, 'roster_not_a_key')('GET', path), 401);
    }
    const { secret } = await buildKey(t.ctx, { scopes: ['agents:read', 'agents:write', 'teams:read'] });
    const res = await scimClient(base, secret)('GET', '/Users');
    expectScimError(res, 403);
    expectScimError(await scimClient(base, secret)('POST', '/Users', oktaUser('x@y.test')), 403);
    const unauth = await scimClient(base, null)('GET', '/Users');
    assert.match(String(unauth.headers.get('www-authenticate')), /^Bearer/);
  });

  it("another org's users and groups are 404 for every method, and cannot be made members", async () => {
    const mine = await scimTenant(env, base);
    const theirs = await scimTenant(env, base);
    const user = await create(theirs.scim, 'theirs@org.test');
    const group = expectOk(
      await theirs.scim('POST', '/Groups', { displayName: 'Theirs', members: [{ value: user.id }] }),
      201,
    );
    for (const [kind, id] of [
      ['Users', user.id],
      ['Groups', group.id],
    ]) {
      expectScimError(await mine.scim('GET', `/${kind}/${id}`), 404);
      expectScimError(
        await mine.scim(
          'PATCH',
          `/${kind}/${id}`,
          patchOp({ op: 'replace', path: 'displayName', value: 'x' }),
        ),
        404,
      );
      expectScimError(await mine.scim('DELETE', `/${kind}/${id}`), 404);
    }
    expectScimError(await mine.scim('PUT', `/Users/${user.id}`, oktaUser('theirs@org.test')), 404);
    expectScimError(await mine.scim('PUT', `/Groups/${group.id}`, { displayName: 'x' }), 404);
    assert.equal(
      expectOk(await mine.scim('GET', `/Users?filter=${q(`id eq "${user.id}"`)}`)).totalResults,
      0,
    );
    const own = expectOk(await mine.scim('POST', '/Groups', { displayName: 'Mine' }), 201);
    const res = await mine.scim(
      'PATCH',
      `/Groups/${own.id}`,
      patchOp({ op: 'add', path: 'members', value: [{ value: user.id }] }),
    );
    expectScimError(res, 400, 'invalidValue');
    // Nothing of theirs changed.
    const still = expectOk(await theirs.scim('GET', `/Groups/${group.id}`));
    assert.equal(still.displayName, 'Theirs');
    assert.deepEqual(
      still.members.map((m: { value: string }) => m.value),
      [user.id],
    );
  });

  it('a PATCH path or key through __proto__, constructor or prototype is 400 invalidPath and pollutes nothing', async () => {
    const { scim } = await scimTenant(env, base);
    const user = await create(scim, 'proto@org.test');
    const group = expectOk(await scim('POST', '/Groups', { displayName: 'Proto' }), 201);
    const attempts = [
      { op: 'add', path: '__proto__.polluted', value: 'yes' },
      { op: 'replace', path: 'constructor.prototype.polluted', value: 'yes' },
      { op: 'add', value: { 'constructor.prototype.polluted': 'yes' } },
      { op: 'add', value: { '__proto__.polluted': 'yes' } },
      { op: 'Add', path: 'name.__proto__.polluted', value: 'yes' },
      { op: 'add', path: 'members', value: [{ value: 'x', prototype: { polluted: 'yes' } }] },
    ];
    for (const op of attempts) {
      for (const path of [`/Users/${user.id}`, `/Groups/${group.id}`]) {
        expectScimError(await scim('PATCH', path, patchOp(op)), 400, 'invalidPath');
        assert.equal(({} as Record<string, unknown>).polluted, undefined, JSON.stringify(op));
      }
    }
    // JSON bodies with __proto__ or constructor keys are refused by the parser.
    for (const key of ['__proto__', 'constructor']) {
      const raw = `{"schemas":["${USER_URN}"],"userName":"p2@org.test","${key}":{"prototype":{"polluted":"yes"}}}`;
      expectScimError(await scim('POST', '/Users', raw), 400, 'invalidSyntax');
      const op = `{"Operations":[{"op":"add","value":{"${key}":{"prototype":{"polluted":"yes"}}}}]}`;
      expectScimError(await scim('PATCH', `/Users/${user.id}`, op), 400, 'invalidSyntax');
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});

describe('SCIM discovery', () => {
  it('ServiceProviderConfig, ResourceTypes and Schemas are valid documents (no key needed)', async () => {
    const anon = scimClient(base, null);
    const spc = expectOk(await anon('GET', '/ServiceProviderConfig'));
    assert.deepEqual(spc.schemas, ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig']);
    assert.equal(spc.patch.supported, true);
    assert.equal(spc.filter.supported, true);
    assert.equal(typeof spc.filter.maxResults, 'number');
    assert.equal(spc.etag.supported, true);
    assert.equal(spc.bulk.supported, false);
    assert.equal(spc.authenticationSchemes[0].type, 'oauthbearertoken');
    const types = expectOk(await anon('GET', '/ResourceTypes'));
    assert.deepEqual(types.schemas, [LIST_URN]);
    assert.deepEqual(
      types.Resources.map((r: { id: string }) => r.id),
      ['User', 'Group'],
    );
    assert.equal(expectOk(await anon('GET', '/ResourceTypes/User')).schema, USER_URN);
    const schemas = expectOk(await anon('GET', '/Schemas'));
    const ids = schemas.Resources.map((s: { id: string }) => s.id);
    assert.deepEqual(ids, [USER_URN, ENTERPRISE_URN, ROSTER_URN, GROUP_URN]);
    const user = expectOk(await anon('GET', `/Schemas/${USER_URN}`));
    const userName = user.attributes.find((a: { name: string }) => a.name === 'userName');
    assert.equal(userName.uniqueness, 'server');
    assert.equal(userName.caseExact, false);
    expectScimError(await anon('GET', '/Schemas/urn:nope'), 404);
    expectScimError(await anon('GET', '/NoSuchEndpoint'), 404);
  });
});

describe('SCIM queries', () => {
  it('filters: eq ne co sw ew pr, gt/ge/lt/le on dates, and, or, not, value paths; bad filters are invalidFilter', async () => {
    const { scim } = await scimTenant(env, base);
    const ann = await create(scim, 'ann@alpha.test', {
      name: { givenName: 'Ann', familyName: 'Lee' },
      displayName: 'Ann Lee',
    });
    const bob = await create(scim, 'bob@beta.test', {
      name: { givenName: 'Bob', familyName: 'Ray' },
      displayName: 'Bob Ray',
      [ENTERPRISE_URN]: { department: 'Sales' },
    });
    expectOk(await scim('PATCH', `/Users/${bob.id}`, patchOp({ op: 'replace', value: { active: false } })));
    const idsOf = async (filter: string) =>
      expectOk(await scim('GET', `/Users?filter=${q(filter)}`))
        .Resources.map((u: { id: string }) => u.id)
        .sort();
    const both = [ann.id, bob.id].sort();
    const cases: [string, string[]][] = [
      ['userName eq "ANN@alpha.test"', [ann.id]],
      ['userName ne "ann@alpha.test"', [bob.id]],
      ['userName co "beta"', [bob.id]],
      ['userName sw "ann"', [ann.id]],
      ['userName ew ".test"', both],
      ['name.familyName eq "Ray"', [bob.id]],
      ['displayName co "lee"', [ann.id]],
      ['active eq true', [ann.id]],
      ['active eq false', [bob.id]],
      [`${ENTERPRISE_URN}:department eq "sales"`, [bob.id]],
      ['externalId pr', both],
      ['phoneNumbers pr', []],
      ['meta.created gt "2000-01-01T00:00:00Z"', both],
      ['meta.lastModified lt "2000-01-01T00:00:00Z"', []],
      [`meta.created ge "${ann.meta.created}"`, both],
      [`meta.created le "${ann.meta.created}"`, [ann.id]],
      ['userName eq "ann@alpha.test" or userName eq "bob@beta.test"', both],
      ['userName sw "a" and active eq true', [ann.id]],
      ['not (userName eq "ann@alpha.test")', [bob.id]],
      ['emails[type eq "work" and value co "alpha"]', [ann.id]],
      ['emails.value eq "bob@beta.test"', [bob.id]],
      ['userName eq "nobody@nowhere.test"', []],
    ];
    for (const [filter, expected] of cases) {
      assert.deepEqual(await idsOf(filter), expected.sort(), filter);
    }
    for (const bad of [
      'userName eq',
      'bogus',
      'nosuchattr eq "x"',
      'active gt true',
      'meta.created gt "yesterday"',
    ]) {
      expectScimError(await scim('GET', `/Users?filter=${q(bad)}`), 400, 'invalidFilter');
    }
  });

  it('paging: startIndex below 1 is 1, count 0 gives totals only, negative count is 0, count capped at maxResults', async () => {
    const { t, scim } = await scimTenant(env, base);
    for (let i = 0; i < 5; i++) {
      await create(scim, `p${i}@page.test`);
    }
    const zero = expectOk(await scim('GET', '/Users?startIndex=0&count=2'));
    assert.equal(zero.startIndex, 1);
    assert.equal(zero.itemsPerPage, 2);
    const totals = expectOk(await scim('GET', '/Users?count=0'));
    assert.equal(totals.totalResults, 5);
    assert.equal(totals.itemsPerPage, 0);
    assert.deepEqual(totals.Resources, []);
    assert.equal(expectOk(await scim('GET', '/Users?count=-3')).itemsPerPage, 0);
    const past = expectOk(await scim('GET', '/Users?startIndex=99'));
    assert.equal(past.totalResults, 5);
    assert.deepEqual(past.Resources, []);
    const spc = expectOk(await scim('GET', '/ServiceProviderConfig'));
    const capped = expectOk(await scim('GET', `/Users?count=${spc.filter.maxResults + 50}`));
    assert.equal(capped.itemsPerPage, 5);
    expectScimError(await scim('GET', '/Users?count=ten'), 400, 'invalidValue');
    assert.ok(t.orgId);
  });

  it('attributes and excludedAttributes shape users and groups; id and schemas always stay', async () => {
    const { scim } = await scimTenant(env, base);
    const user = await create(scim, 'shape@org.test', { [ENTERPRISE_URN]: { employeeNumber: '42' } });
    const only = expectOk(
      await scim(
        'GET',
        `/Users/${user.id}?attributes=userName,name.givenName,${ENTERPRISE_URN}:employeeNumber`,
      ),
    );
    assert.deepEqual(Object.keys(only).sort(), ['id', 'name', 'schemas', 'userName', ENTERPRISE_URN].sort());
    assert.deepEqual(only.name, { givenName: 'Test' });
    assert.deepEqual(only[ENTERPRISE_URN], { employeeNumber: '42' });
    const listed = expectOk(await scim('GET', '/Users?attributes=userName'));
    assert.deepEqual(Object.keys(listed.Resources[0]).sort(), ['id', 'schemas', 'userName']);
    const without = expectOk(
      await scim('GET', `/Users/${user.id}?excludedAttributes=emails,name.familyName,id`),
    );
    assert.equal(without.emails, undefined);
    assert.equal(without.name.familyName, undefined);
    assert.equal(without.name.givenName, 'Test');
    assert.equal(without.id, user.id);
    const group = expectOk(
      await scim('POST', '/Groups', { displayName: 'Shaped', members: [{ value: user.id }] }),
      201,
    );
    const g = expectOk(
      await scim('GET', `/Groups?attributes=displayName&filter=${q('displayName eq "Shaped"')}`),
    );
    assert.deepEqual(Object.keys(g.Resources[0]).sort(), ['displayName', 'id', 'schemas']);
    assert.equal(
      expectOk(await scim('GET', `/Groups/${group.id}?attributes=members`)).members[0].value,
      user.id,
    );
  });
});
