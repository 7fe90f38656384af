import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { metricSnapshots } from '../src/core/platform/metric-snapshots.js';
import { startMetricsServer, UNMATCHED_ROUTE } from '../src/observability/http-metrics.js';
import { configureMetrics } from '../src/observability/metrics.js';
import { buildAgent, buildTeam } from './factories.js';
import { createTestApp, type TestApp } from './harness.js';
import { expectJson, newTenant, send, type Tenant } from './http.js';

const TOKEN = `metrics-${randomBytes(16).toString('hex')}`;

/** The samples of a Prometheus text exposition: every line that is not a comment. */
function series(text: string): string[] {
  return text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
}

/** The value of the one sample whose line starts with `prefix` (name and labels). */
function sample(text: string, prefix: string): number {
  const line = series(text).find((l) => l.startsWith(prefix));
  assert.ok(line, `no sample ${prefix} in:\n${text.slice(0, 4000)}`);
  return Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('GET /metrics', () => {
  let env: TestApp;
  let tenant: Tenant;
  const scrape = async () => {
    const res = await send(env.app, {
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /^text\/plain; version=0\.0\.4/);
    return res.body;
  };

  before(async () => {
    env = await createTestApp({ metricsToken: TOKEN });
    tenant = await newTenant(env);
  });
  after(() => env.close());

  it('answers only with the metrics token', async () => {
    for (const authorization of [
      undefined,
      'Bearer wrong-token-of-some-length',
      TOKEN,
      `Bearer ${tenant.key}`,
    ]) {
      const res = await send(env.app, {
        method: 'GET',
        url: '/metrics',
        headers: authorization === undefined ? {} : { authorization },
      });
      assert.equal(res.statusCode, 401, String(authorization));
      assert.doesNotMatch(res.body, /http_server_request_duration_seconds/);
    }
  });

  it('is not on the public API when no token is configured', async () => {
    const plain = await createTestApp();
    try {
      const res = await send(plain.app, { method: 'GET', url: '/metrics' });
      assert.equal(res.statusCode, 404);
    } finally {
      await plain.close();
    }
  });

  it('labels request durations with the route template and dialect, never the raw path', async () => {
    const team = await buildTeam(tenant.ctx);
    expectJson(await tenant.api.get(`/v1/teams/${team.id}`), 200);
    const dixa = await send(env.app, {
      method: 'GET',
      url: '/beta/agents',
      headers: { authorization: tenant.key },
    });
    assert.equal(dixa.statusCode, 200, dixa.body);
    const text = await scrape();
    assert.ok(
      sample(
        text,
        'http_server_request_duration_seconds_count{method="GET",route="/v1/teams/:id",status_code="200",dialect="v1"}',
      ) >= 1,
    );
    assert.ok(
      sample(
        text,
        'http_server_request_duration_seconds_count{method="GET",route="/beta/agents",status_code="200",dialect="dixa"}',
      ) >= 1,
    );
    assert.ok(!text.includes(team.id), 'an id appears in a label');
    assert.ok(sample(text, 'http_server_active_requests') >= 1, 'the scrape itself is in flight');
    // The runtime defaults of the library: event-loop lag, heap, GC.
    for (const name of [
      'nodejs_eventloop_lag_seconds',
      'nodejs_heap_size_used_bytes',
      'process_cpu_seconds_total',
    ]) {
      assert.ok(text.includes(`\n${name}`), name);
    }
  });

  it('keeps the number of series bounded under 10,000 random unknown paths and ids', async () => {
    const random = () => randomBytes(6).toString('hex');
    const requests = [
      () => send(env.app, { method: 'GET', url: `/${random()}/${random()}` }),
      () => send(env.app, { method: 'POST', url: `/v1/${random()}`, body: {} }),
      () => send(env.app, { method: 'GET', url: `/v1/teams/${random()}` }),
      () => send(env.app, { method: 'GET', url: `/v1/agents/${randomUUID()}`, key: tenant.key }),
      () => send(env.app, { method: 'GET', url: `/beta/agents/${random()}/${random()}` }),
      () => send(env.app, { method: 'DELETE', url: `/api/v1/livechat/${random()}?x=${random()}` }),
      () => send(env.app, { method: 'GET', url: `/v3/${random()}/teams/${random()}` }),
      () => send(env.app, { method: 'GET', url: `/v1/telephony/config/${random()}` }),
    ];
    const burst = async (n: number, seen: string[]) => {
      for (let i = 0; i < n; i += 50) {
        await Promise.all(
          Array.from({ length: 50 }, async (_, j) => {
            const res = await (requests[(i + j) % requests.length] as () => ReturnType<typeof send>)();
            seen.push(res.statusCode.toString());
          }),
        );
      }
    };
    // Every kind of request once first, so that each (route, status) it can produce exists.
    await burst(400, []);
    const before = series(await scrape()).filter((l) => l.startsWith('http_server_')).length;
    const statuses: string[] = [];
    await burst(10_000, statuses);
    assert.equal(statuses.length, 10_000);
    const text = await scrape();
    const afterCount = series(text).filter((l) => l.startsWith('http_server_')).length;
    assert.equal(afterCount, before, 'series grew with the paths requested');
    assert.ok(
      sample(
        text,
        `http_server_request_duration_seconds_count{method="GET",route="${UNMATCHED_ROUTE}",status_code="404",dialect="none"}`,
      ) >= 1_000,
    );
  });

  it('counts heartbeats, routing decisions and idempotent replays, and gauges agents and queues', async () => {
    const team = await buildTeam(tenant.ctx);
    const agent = await buildAgent(tenant.ctx);
    configureMetrics(
      metricSnapshots(env.database.db, env.presence, () => new Date()),
      {
        teams: new Set([team.id]),
      },
    );
    const before = await scrape();
    const heartbeats = sample(before, 'roster_heartbeats_total');
    const online = sample(before, 'roster_presence_transitions_total{to="online"}');

    const hb = await tenant.api.post(`/v1/agents/${agent.id}/presence/heartbeat`, { device_id: 'd1' });
    assert.equal(hb.statusCode, 204, hb.body);
    const create = () =>
      tenant.api.post('/v1/conversations', { team_id: team.id }, { 'idempotency-key': `k-${team.id}` });
    expectJson(await create(), 201);
    const replay = await create();
    assert.equal(replay.headers['idempotent-replayed'], 'true');

    const text = await scrape();
    assert.equal(sample(text, 'roster_heartbeats_total'), heartbeats + 1);
    assert.equal(sample(text, 'roster_presence_transitions_total{to="online"}'), online + 1);
    assert.ok(sample(text, 'roster_routing_decisions_total{outcome="queued"}') >= 1);
    assert.ok(sample(text, 'roster_routing_duration_seconds_count') >= 1);
    assert.ok(sample(text, 'roster_idempotency_replays_total') >= 1);
    assert.equal(sample(text, `roster_conversations_queued{team="${team.id}"}`), 1);
    assert.ok(sample(text, `roster_queue_oldest_age_seconds{team="${team.id}"}`) >= 0);
    // The agent is online; without org labels, the gauge sums every org of the database.
    const byStatus = ['available', 'busy', 'away', 'offline'].map((s) =>
      sample(text, `roster_agents{status="${s}"}`),
    );
    assert.ok((byStatus[0] ?? 0) + (byStatus[1] ?? 0) + (byStatus[2] ?? 0) >= 1, byStatus.join(','));
    assert.ok(!/roster_agents\{[^}]*org=/.test(text), 'org labels without ROSTER_METRICS_PER_ORG');

    configureMetrics({}, { perOrg: true });
    const perOrg = await scrape();
    assert.equal(
      ['available', 'busy', 'away', 'offline']
        .map((s) => sample(perOrg, `roster_agents{status="${s}",org="${tenant.orgId}"}`))
        .reduce((a, b) => a + b, 0),
      1,
    );
    configureMetrics({}, { perOrg: false });
  });
});

describe('ROSTER_METRICS_PORT', () => {
  it('serves /metrics on a listener of its own, with the token when one is set', async () => {
    const server = await startMetricsServer({ host: '127.0.0.1', port: 0, token: TOKEN });
    try {
      const open = await fetch(`${server.address}/metrics`);
      assert.equal(open.status, 401);
      const res = await fetch(`${server.address}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal(res.status, 200);
      assert.match(await res.text(), /# TYPE http_server_request_duration_seconds histogram/);
      assert.equal((await fetch(`${server.address}/v1/teams`)).status, 404);
    } finally {
      await server.close();
    }
    const tokenless = await startMetricsServer({ host: '127.0.0.1', port: 0, token: null });
    try {
      assert.equal((await fetch(`${tokenless.address}/metrics`)).status, 200);
    } finally {
      await tokenless.close();
    }
  });
});
