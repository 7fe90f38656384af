/**
 * ROSTER_RECORD_EVENTS=off, the switch `npm run bench` measures the cost of events and audit
 * records with: the same changes succeed and write neither; with it on (every other test), they do.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../src/db/client.js';
import { createTestApp, type TestApp } from './harness.js';
import { expectJson, newTenant } from './http.js';

const apps: TestApp[] = [];
before(async () => {
  const hosts = { webhookAllowHosts: ['127.0.0.1'] };
  apps.push(await createTestApp({ ...hosts, recordEvents: false }), await createTestApp(hosts));
});
after(async () => {
  await Promise.all(apps.map((app) => app.close()));
});

/** Outbox events and audit records of the org. */
async function written(env: TestApp, orgId: string): Promise<{ events: number; audit: number }> {
  const result = await env.database.db.execute(sql`
    SELECT (SELECT count(*) FROM outbox_events WHERE org_id = ${orgId})::int AS events,
           (SELECT count(*) FROM audit_log WHERE org_id = ${orgId})::int AS audit`);
  return rowsOf<{ events: number; audit: number }>(result)[0] as { events: number; audit: number };
}

/** A team, agents added to it in bulk, a conversation routed, a webhook: four kinds of write path. */
async function changes(env: TestApp): Promise<string> {
  const t = await newTenant(env);
  const team = expectJson<{ id: string }>(await t.api.post('/v1/teams', { name: 'Measured' }), 201);
  const bulk = expectJson<{ created: number }>(
    await t.api.post('/v1/agents/bulk', {
      agents: [
        { email: 'a@measure.test', full_name: 'A', teams: ['Measured'] },
        { email: 'b@measure.test', full_name: 'B', teams: ['Measured'] },
      ],
    }),
    200,
  );
  assert.equal(bulk.created, 2);
  expectJson(await t.api.post('/v1/conversations', { team_id: team.id }), 201);
  expectJson(
    await t.api.post('/v1/webhooks', { url: 'http://127.0.0.1:9/measure', event_types: ['*'] }),
    201,
  );
  return t.orgId;
}

describe('ROSTER_RECORD_EVENTS', () => {
  it('off: changes succeed and write no event and no audit record', async () => {
    const env = apps[0] as TestApp;
    const before = await written(env, (await newTenant(env)).orgId);
    const orgId = await changes(env);
    const after = await written(env, orgId);
    // The org and its key are made by the test factories before any request: what they wrote is
    // the floor (the same in a fresh org as in this one).
    assert.deepEqual(after, before);
  });

  it('on: the same changes write their events and audit records', async () => {
    const env = apps[1] as TestApp;
    const before = await written(env, (await newTenant(env)).orgId);
    const orgId = await changes(env);
    const after = await written(env, orgId);
    assert.ok(after.events >= before.events + 6, `events: ${JSON.stringify(after)}`);
    assert.ok(after.audit >= before.audit + 5, `audit: ${JSON.stringify(after)}`);
  });
});
