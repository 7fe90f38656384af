import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import { buildKey, buildTeam } from '../../../test/factories.js';
import { createTestApp, TEST_MASTER_KEY, type TestApp } from '../../../test/harness.js';
import {
  allPages,
  type Client,
  client,
  expectJson,
  expectNoContent,
  expectProblem,
  ISO_UTC,
  ids,
  newTenant,
  sleep,
  UNKNOWN_ID,
  UUID_V7,
} from '../../../test/http.js';
import { agents, apiKeys, teamMembers, teams } from '../../db/schema.js';
import type { TeamSummary } from './teams.schemas.js';

interface OrgJson {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
}
type SummaryJson = Static<typeof TeamSummary>;

let env: TestApp;
let master: Client;
before(async () => {
  env = await createTestApp();
  master = client(env.app, TEST_MASTER_KEY);
});
after(async () => {
  await env.close();
});

async function createOrg(name: string): Promise<OrgJson> {
  return expectJson<OrgJson>(await master.post('/v1/orgs', { name }), 201);
}

describe('/v1/orgs (master key only)', () => {
  it('creates, lists, gets, renames and deletes an org', async () => {
    const org = await createOrg('Acme Support');
    assert.deepEqual(Object.keys(org).sort(), [
      'created_at',
      'default_max_concurrent',
      'id',
      'name',
      'updated_at',
    ]);
    assert.match(org.id, UUID_V7);
    assert.equal(org.name, 'Acme Support');
    assert.match(org.created_at, ISO_UTC);
    assert.equal(org.updated_at, org.created_at);

    const listed = (await allPages<OrgJson>(master, '/v1/orgs?limit=2')).flat();
    assert.deepEqual(
      listed.find((o) => o.id === org.id),
      org,
    );
    assert.ok(
      listed.some((o) => o.id === env.platform.defaultOrgId),
      'the default org is listed',
    );
    assert.equal(new Set(ids(listed)).size, listed.length, 'no org is listed twice');

    assert.deepEqual(expectJson<OrgJson>(await master.get(`/v1/orgs/${org.id}`), 200), org);
    await sleep(5);
    const renamed = expectJson<OrgJson>(await master.patch(`/v1/orgs/${org.id}`, { name: 'Acme Help' }), 200);
    assert.equal(renamed.name, 'Acme Help');
    assert.equal(renamed.created_at, org.created_at);
    assert.ok(renamed.updated_at > org.updated_at);
    assert.deepEqual(expectJson<OrgJson>(await master.get(`/v1/orgs/${org.id}`), 200), renamed);

    expectNoContent(await master.delete(`/v1/orgs/${org.id}`));
    expectProblem(await master.get(`/v1/orgs/${org.id}`), 404, { code: 'org_not_found' });
    expectProblem(await master.patch(`/v1/orgs/${org.id}`, { name: 'x' }), 404, { code: 'org_not_found' });
    expectProblem(await master.delete(`/v1/orgs/${org.id}`), 404, { code: 'org_not_found' });
    const remaining = (await allPages<OrgJson>(master, '/v1/orgs')).flat();
    assert.ok(!remaining.some((o) => o.id === org.id));
  });

  it('validates the name', async () => {
    expectProblem(await master.post('/v1/orgs', {}), 400, { paths: ['body.name'] });
    expectProblem(await master.post('/v1/orgs', { name: '' }), 400, { paths: ['body.name'] });
    expectProblem(await master.post('/v1/orgs', { name: 'n'.repeat(256) }), 400, { paths: ['body.name'] });
    expectProblem(await master.post('/v1/orgs', { name: 'A', plan: 'pro' }), 400, { paths: ['body.plan'] });
    expectProblem(await master.get('/v1/orgs/acme'), 400, { paths: ['path.id'] });
    expectProblem(await master.get(`/v1/orgs/${UNKNOWN_ID}`), 404, { code: 'org_not_found' });
  });

  it('deleting an org removes everything in it: its keys get 401 at once', async () => {
    const org = await createOrg('Short-lived');
    const keyRes = await master.post(`/v1/api-keys?org_id=${org.id}`, { name: 'admin', scopes: ['*'] });
    const orgKey = expectJson<{ key: string }>(keyRes, 201).key;
    const api = client(env.app, orgKey);
    const agent = expectJson<{ id: string }>(
      await api.post('/v1/agents', { email: 'gone@company.com', full_name: 'Gone' }),
      201,
    );
    const team = expectJson<{ id: string }>(await api.post('/v1/teams', { name: 'Gone team' }), 201);
    expectJson(await api.post(`/v1/teams/${team.id}/members`, { user_id: agent.id }), 201);
    const { secret: boundKey } = await buildKey(
      { ...env.masterCtx, actor: { ...env.masterCtx.actor, orgId: org.id } },
      { agentId: agent.id },
    );
    expectJson(await client(env.app, boundKey).get('/v1/teams'), 200);

    expectNoContent(await master.delete(`/v1/orgs/${org.id}`));
    expectProblem(await api.get('/v1/teams'), 401, { code: 'unauthenticated' });
    expectProblem(await client(env.app, boundKey).get('/v1/teams'), 401, { code: 'unauthenticated' });
    expectProblem(await master.get(`/v1/teams?org_id=${org.id}`), 404, { code: 'org_not_found' });

    const { db } = env.database;
    assert.deepEqual(await db.select().from(agents).where(eq(agents.orgId, org.id)), []);
    assert.deepEqual(await db.select().from(teams).where(eq(teams.orgId, org.id)), []);
    assert.deepEqual(await db.select().from(teamMembers).where(eq(teamMembers.orgId, org.id)), []);
    assert.deepEqual(await db.select().from(apiKeys).where(eq(apiKeys.orgId, org.id)), []);
  });

  it('the default org cannot be deleted', async () => {
    expectProblem(await master.delete(`/v1/orgs/${env.platform.defaultOrgId}`), 409, { code: 'conflict' });
    expectJson(await master.get(`/v1/orgs/${env.platform.defaultOrgId}`), 200);
  });

  it('answers 403 to a key that is not the master key, even one holding every scope', async () => {
    const t = await newTenant(env);
    expectProblem(await t.api.get('/v1/orgs'), 403, { code: 'forbidden' });
    expectProblem(await t.api.post('/v1/orgs', { name: 'Mine' }), 403, { code: 'forbidden' });
    expectProblem(await t.api.get(`/v1/orgs/${t.orgId}`), 403, { code: 'forbidden' });
    expectProblem(await t.api.patch(`/v1/orgs/${t.orgId}`, { name: 'Mine' }), 403, { code: 'forbidden' });
    expectProblem(await t.api.delete(`/v1/orgs/${t.orgId}`), 403, { code: 'forbidden' });
    expectJson(await master.get(`/v1/orgs/${t.orgId}`), 200);
    expectProblem(await client(env.app, `${TEST_MASTER_KEY}y`).get('/v1/orgs'), 401, {
      code: 'unauthenticated',
    });
  });
});

describe('the master key on org-scoped routes', () => {
  it('acts on the default org, or on the org named by org_id or orgId', async () => {
    const t = await newTenant(env);
    const inDefault = await buildTeam(env.masterCtx);

    const created = expectJson<SummaryJson>(
      await master.post(`/v1/teams?org_id=${t.orgId}`, { name: 'Made by master' }),
      201,
    );
    assert.deepEqual(ids(expectJson<SummaryJson[]>(await t.api.get('/v1/teams'), 200)), [created.id]);
    assert.deepEqual(ids(expectJson<SummaryJson[]>(await master.get(`/v1/teams?orgId=${t.orgId}`), 200)), [
      created.id,
    ]);
    expectJson(await master.get(`/v1/teams/${created.id}?orgId=${t.orgId}`), 200);
    expectProblem(await master.get(`/v1/teams/${created.id}`), 404, { code: 'team_not_found' });

    const defaults = ids(expectJson<SummaryJson[]>(await master.get('/v1/teams?limit=100'), 200));
    assert.ok(defaults.includes(inDefault.id));
    assert.ok(!defaults.includes(created.id));

    expectNoContent(await master.delete(`/v1/teams/${created.id}?orgId=${t.orgId}`));
    assert.deepEqual(expectJson(await t.api.get('/v1/teams'), 200), []);
  });

  it('answers 404 for an unknown org and 400 for an org id that is not a UUID', async () => {
    expectProblem(await master.get(`/v1/teams?org_id=${UNKNOWN_ID}`), 404, { code: 'org_not_found' });
    expectProblem(await master.get(`/v1/teams?orgId=${UNKNOWN_ID}`), 404, { code: 'org_not_found' });
    expectProblem(await master.get('/v1/teams?org_id=acme'), 400, { paths: ['query.org_id'] });
  });

  it('an org key may name its own org but never another one', async () => {
    const t = await newTenant(env);
    const other = await newTenant(env);
    const team = await buildTeam(other.ctx);
    expectJson(await t.api.get(`/v1/teams?org_id=${t.orgId}`), 200);
    expectProblem(await t.api.get(`/v1/teams?org_id=${other.orgId}`), 404, { code: 'org_not_found' });
    expectProblem(await t.api.get(`/v1/teams/${team.id}?orgId=${other.orgId}`), 404);
    expectProblem(await t.api.delete(`/v1/teams/${team.id}?org_id=${other.orgId}`), 404);
    expectJson(await other.api.get(`/v1/teams/${team.id}`), 200);
  });
});
