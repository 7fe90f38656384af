import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import { buildAgent, buildKey } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { client, expectJson, expectProblem, newTenant, type Tenant } from '../../../test/http.js';
import type { Agent, BulkAgentsResult } from './agents.schemas.js';

type Result = Static<typeof BulkAgentsResult>;
type AgentJson = Static<typeof Agent>;

let env: TestApp;
before(async () => {
  env = await createTestApp();
});
after(async () => {
  await env.close();
});

const bulk = async (t: Tenant, body: unknown, status = 200) =>
  expectJson<Result>(await t.api.post('/v1/agents/bulk', body), status);

async function outboxTypes(t: Tenant): Promise<string[]> {
  const stored = await t.ctx.db.execute(
    sql`SELECT type FROM outbox WHERE org_id = ${t.orgId} AND type LIKE 'agent.%' ORDER BY id`,
  );
  return (stored as unknown as { rows: { type: string }[] }).rows.map((r) => r.type);
}

describe('POST /v1/agents/bulk', () => {
  it('creates new agents, matches existing ones by email case-insensitively, and repeats as unchanged', async () => {
    const t = await newTenant(env);
    const known = await buildAgent(t.ctx, { email: 'Known@Example.com', fullName: 'Known One' });
    const body = {
      agents: [
        { email: 'new1@example.com', full_name: 'New One', role: 'supervisor', tags: ['a', 'b'] },
        { email: 'known@example.COM', full_name: 'Known One' },
        { email: 'new2@example.com', full_name: 'New Two', username: 'new2', max_concurrent: 3 },
      ],
    };
    const first = await bulk(t, body);
    assert.deepEqual([first.created, first.updated, first.unchanged, first.failed], [2, 0, 1, 0]);
    assert.deepEqual(
      first.results.map((r) => [r.index, r.status]),
      [
        [0, 'created'],
        [1, 'unchanged'],
        [2, 'created'],
      ],
    );
    assert.equal(first.results[1]?.id, known.id);
    const created = expectJson<AgentJson>(await t.api.get(`/v1/agents/${first.results[0]?.id}`), 200);
    assert.equal(created.role, 'supervisor');
    assert.deepEqual(created.tags, ['a', 'b']);
    assert.equal(created.status, 'active');
    const second = await bulk(t, body);
    assert.deepEqual([second.created, second.updated, second.unchanged], [0, 0, 3]);
    assert.deepEqual(
      second.results.map((r) => r.id),
      first.results.map((r) => r.id),
    );
    const listed = expectJson<AgentJson[]>(await t.api.get('/v1/agents?limit=100'), 200);
    assert.equal(listed.length, 3);
  });

  it('writes only with update: true, and only the differing fields, with one agent.updated each', async () => {
    const t = await newTenant(env);
    await bulk(t, { agents: [{ email: 'a@example.com', full_name: 'A', phone_number: '+1 555' }] });
    const before = await outboxTypes(t);
    const changed = { agents: [{ email: 'A@example.com', full_name: 'A renamed', phone_number: '+1 555' }] };
    const skipped = await bulk(t, changed);
    assert.equal(skipped.results[0]?.status, 'unchanged');
    assert.deepEqual(skipped.results[0]?.fields, ['full_name']);
    assert.deepEqual(await outboxTypes(t), before);
    const written = await bulk(t, { ...changed, update: true });
    assert.equal(written.results[0]?.status, 'updated');
    assert.deepEqual(written.results[0]?.fields, ['full_name']);
    const agent = expectJson<AgentJson>(await t.api.get(`/v1/agents/${written.results[0]?.id}`), 200);
    assert.equal(agent.full_name, 'A renamed');
    assert.equal(agent.email, 'a@example.com');
    assert.deepEqual(await outboxTypes(t), [...before, 'agent.updated']);
    const again = await bulk(t, { ...changed, update: true });
    assert.equal(again.results[0]?.status, 'unchanged');
    assert.deepEqual(again.results[0]?.fields, []);
  });

  it('fails single items (repeated email, no name, taken username, owner) and applies the others', async () => {
    const t = await newTenant(env);
    await buildAgent(t.ctx, { email: 'holder@example.com', username: 'taken' });
    const adminAgent = await buildAgent(t.ctx, { email: 'admin@example.com', role: 'admin' });
    const { secret } = await buildKey(t.ctx, { scopes: ['agents:write'], agentId: adminAgent.id });
    const admin = { ...t, api: client(env.app, secret) };
    const result = await bulk(admin, {
      agents: [
        { email: 'ok@example.com', full_name: 'Ok' },
        { email: 'OK@example.com', full_name: 'Again' },
        { email: 'nameless@example.com' },
        { email: 'clash@example.com', full_name: 'Clash', username: 'TAKEN' },
        { email: 'boss@example.com', full_name: 'Boss', role: 'owner' },
      ],
    });
    assert.deepEqual(
      result.results.map((r) => [r.status, r.error?.field ?? null]),
      [
        ['created', null],
        ['failed', 'email'],
        ['failed', 'full_name'],
        ['failed', 'username'],
        ['failed', 'role'],
      ],
    );
    assert.equal(result.failed, 4);
    const listed = expectJson<AgentJson[]>(await t.api.get('/v1/agents?limit=100'), 200);
    assert.deepEqual(listed.map((a) => a.email).sort(), [
      'admin@example.com',
      'holder@example.com',
      'ok@example.com',
    ]);
  });

  it('refuses an invalid item as a whole with a 400 naming it, and more than 1,000 items', async () => {
    const t = await newTenant(env);
    expectProblem(
      await t.api.post('/v1/agents/bulk', {
        agents: [{ email: 'ok@example.com', full_name: 'Ok' }, { email: 'nope' }],
      }),
      400,
      { code: 'invalid_request' },
    );
    const many = Array.from({ length: 1001 }, (_, i) => ({ email: `a${i}@example.com`, full_name: 'A' }));
    expectProblem(await t.api.post('/v1/agents/bulk', { agents: many }), 400, { code: 'invalid_request' });
    assert.equal(expectJson<AgentJson[]>(await t.api.get('/v1/agents'), 200).length, 0);
  });

  it('creates 1,000 agents in one call, each with a user and an agent.created event', async () => {
    const t = await newTenant(env);
    const agents = Array.from({ length: 1000 }, (_, i) => ({
      email: `bulk${i}@example.com`,
      full_name: `Bulk ${i}`,
      tags: ['x'],
    }));
    const result = await bulk(t, { agents });
    assert.equal(result.created, 1000);
    assert.equal((await outboxTypes(t)).filter((type) => type === 'agent.created').length, 1000);
  });
});
