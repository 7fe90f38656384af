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
    sql`SELECT type FROM outbox_events WHERE org_id = ${t.orgId} AND type LIKE 'agent.%' ORDER BY id`,
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

async function outbox(t: Tenant): Promise<{ type: string; payload: Record<string, unknown> }[]> {
  const stored = await t.ctx.db.execute(
    sql`SELECT type, payload FROM outbox_events WHERE org_id = ${t.orgId} ORDER BY xid, id`,
  );
  return (stored as unknown as { rows: { type: string; payload: Record<string, unknown> }[] }).rows;
}

async function members(t: Tenant, teamId: string): Promise<string[]> {
  const team = expectJson<{ members: { id: string }[] }>(await t.api.get(`/v1/teams/${teamId}`), 200);
  return team.members.map((m) => m.id).sort();
}

describe('POST /v1/agents/bulk with teams', () => {
  it('creates missing teams, matches existing ones by name case-insensitively, and adds memberships once', async () => {
    const t = await newTenant(env);
    const sales = expectJson<{ id: string }>(await t.api.post('/v1/teams', { name: 'Sales' }), 201);
    const known = await buildAgent(t.ctx, { email: 'known@example.com', fullName: 'Known' });
    const body = {
      agents: [
        { email: 'a@example.com', full_name: 'A', teams: ['sales', 'Support'] },
        { email: 'known@example.com', teams: ['SUPPORT'] },
        { email: 'b@example.com', full_name: 'B' },
      ],
    };
    const first = await bulk(t, body);
    assert.equal(first.teams_created.length, 1);
    const support = first.teams_created[0];
    assert.equal(support?.name, 'Support', 'spelt as first named');
    const a = first.results[0]?.id as string;
    assert.deepEqual(first.results[0]?.joined_team_ids.sort(), [sales.id, support?.id].sort());
    assert.deepEqual(first.results[1]?.joined_team_ids, [support?.id]);
    assert.deepEqual(first.results[2]?.joined_team_ids, []);
    assert.deepEqual(await members(t, sales.id), [a]);
    assert.deepEqual(await members(t, support?.id as string), [a, known.id].sort());

    const events = await outbox(t);
    const created = events.find((e) => e.type === 'agent.created' && e.payload.agent_id === a);
    assert.deepEqual(
      [...((created?.payload.team_ids as string[] | undefined) ?? [])].sort(),
      [sales.id, support?.id].sort(),
    );
    assert.deepEqual(
      events.filter((e) => e.type === 'agent.teams_changed').map((e) => e.payload),
      [{ agent_id: known.id, added_team_ids: [support?.id], removed_team_ids: [] }],
      'only the agent that existed tells of its teams this way; a new one in its agent.created',
    );
    assert.deepEqual(
      events
        .filter((e) => e.type === 'team.members_added')
        .map((e) => [e.payload.team_id, (e.payload.agent_ids as string[]).sort()])
        .sort(),
      [
        [sales.id, [a]],
        [support?.id, [a, known.id].sort()],
      ].sort(),
    );
    assert.equal(
      events.filter((e) => e.type === 'team.created').length,
      2,
      'Sales by POST, Support by the call',
    );

    const again = await bulk(t, body);
    assert.deepEqual(again.teams_created, []);
    assert.deepEqual(
      again.results.map((r) => r.joined_team_ids),
      [[], [], []],
    );
    assert.equal((await outbox(t)).length, events.length, 'a repeated call announces nothing');
  });

  it('answers in a dry run which teams it would create, and writes nothing', async () => {
    const t = await newTenant(env);
    const result = await bulk(t, {
      agents: [{ email: 'c@example.com', full_name: 'C', teams: ['Night', 'night', 'Day'] }],
      dry_run: true,
    });
    assert.deepEqual(
      result.teams_created.map((team) => [team.id, team.name]),
      [
        [null, 'Day'],
        [null, 'Night'],
      ],
    );
    assert.deepEqual(expectJson<unknown[]>(await t.api.get('/v1/teams'), 200), []);
  });

  it('needs the teams:write scope as well when an item names teams, and then changes nothing', async () => {
    const t = await newTenant(env);
    const { secret } = await buildKey(t.ctx, { scopes: ['agents:write', 'agents:read'] });
    const limited = { ...t, api: client(env.app, secret) };
    expectProblem(
      await limited.api.post('/v1/agents/bulk', {
        agents: [{ email: 'd@example.com', full_name: 'D', teams: ['Sales'] }],
      }),
      403,
    );
    assert.deepEqual(expectJson<unknown[]>(await t.api.get('/v1/agents'), 200), []);
    // Without teams the same key may create the agent.
    const ok = await bulk(limited, { agents: [{ email: 'd@example.com', full_name: 'D' }] });
    assert.equal(ok.created, 1);
  });

  it('refuses a team name that is empty or too long, naming the field', async () => {
    const t = await newTenant(env);
    const res = await t.api.post('/v1/agents/bulk', {
      agents: [{ email: 'e@example.com', full_name: 'E', teams: [''] }],
    });
    const problem = expectProblem(res, 400);
    assert.match(JSON.stringify(problem), /teams/);
  });
});
