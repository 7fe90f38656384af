import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createPgDatabase, TEST_DB_KIND } from './harness.js';
import { request, until } from './load.js';
import { populate } from './ops-support.js';
import { killServers, type Server, startServer } from './server.js';

const MASTER = `roster_mk_tracing_${'t'.repeat(32)}`;

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: { stringValue?: string; intValue?: string | number } }[];
}

const SERVER = 2;
const CLIENT = 3;

const attr = (span: OtlpSpan, key: string) => {
  const value = span.attributes.find((a) => a.key === key)?.value;
  return value?.stringValue ?? value?.intValue;
};

/**
 * A real OTLP/HTTP receiver in the test process: the server exports its spans to it as the
 * OpenTelemetry exporter does (JSON over HTTP to /v1/traces).
 */
function otlpReceiver(): {
  server: HttpServer;
  spans: OtlpSpan[];
  hooks: Record<string, string | string[] | undefined>[];
  url: () => string;
} {
  const spans: OtlpSpan[] = [];
  /** Headers of the webhook deliveries it receives at /hook. */
  const hooks: Record<string, string | string[] | undefined>[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      if (req.url === '/hook') {
        hooks.push(req.headers);
      }
      if (req.url === '/v1/traces' && String(req.headers['content-type']).startsWith('application/json')) {
        const parsed = JSON.parse(body) as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] };
        for (const resource of parsed.resourceSpans) {
          for (const scope of resource.scopeSpans) {
            spans.push(...scope.spans);
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return {
    server,
    spans,
    hooks,
    url: () => {
      const address = server.address();
      assert.ok(address !== null && typeof address === 'object');
      return `http://127.0.0.1:${address.port}`;
    },
  };
}

/** Whether `span` descends from `ancestor` through the spans received. */
function descendsFrom(span: OtlpSpan, ancestor: OtlpSpan, spans: OtlpSpan[]): boolean {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  for (let parent = span.parentSpanId; parent; parent = byId.get(parent)?.parentSpanId) {
    if (parent === ancestor.spanId) {
      return true;
    }
  }
  return false;
}

describe(`tracing with an OTLP receiver (${TEST_DB_KIND})`, { timeout: 180_000 }, () => {
  const receiver = otlpReceiver();
  const dataDir = mkdtempSync(join(tmpdir(), 'roster-tracing-'));
  let drop = async () => {};
  let server: Server;
  let key: string;
  let orgId: string;

  before(async () => {
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    let env: Record<string, string> = {
      ROSTER_DATA_DIR: dataDir,
      ROSTER_MASTER_KEY: MASTER,
      DATABASE_URL: '',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url(),
      OTEL_BSP_SCHEDULE_DELAY: '100',
      OTEL_SERVICE_NAME: 'roster-under-test',
      ROSTER_WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
    };
    if (TEST_DB_KIND === 'postgres') {
      const database = await createPgDatabase();
      env = { ...env, DATABASE_URL: database.url };
      drop = database.drop;
    }
    server = await startServer(env);
    assert.match(server.stdout(), /"tracing":"on"/);
    const [org] = await populate(server.base, MASTER, 'tracing', 1);
    assert.ok(org);
    ({ key, orgId } = org);
  });
  after(async () => {
    killServers();
    receiver.server.close();
    rmSync(dataDir, { recursive: true, force: true });
    await drop();
  });

  it('gives a request through each dialect a server span with http.route and database spans under it', async () => {
    const teams = await request(server.base, 'GET', '/v1/teams', { key });
    const teamId = (teams.body as { id: string }[])[0]?.id;
    const agents = await request(server.base, 'GET', '/v1/agents?limit=1', { key });
    const agentId = (agents.body as { id: string }[])[0]?.id;
    const calls: { route: string; path: string; headers: Record<string, string> }[] = [
      { route: '/v1/teams/:id', path: `/v1/teams/${teamId}`, headers: { authorization: `Bearer ${key}` } },
      { route: '/beta/agents', path: '/beta/agents', headers: { authorization: key } },
      {
        route: '/v3/:project_id/project_users',
        path: `/v3/${orgId}/project_users`,
        headers: { authorization: `JWT ${key}` },
      },
      {
        route: '/v1/telephony/config/supervisors',
        path: '/v1/telephony/config/supervisors',
        headers: { authorization: `Bearer ${key}` },
      },
      {
        route: '/api/v1/livechat/department',
        path: '/api/v1/livechat/department',
        headers: { 'x-auth-token': key, 'x-user-id': String(agentId) },
      },
    ];
    for (const call of calls) {
      // A key of its own, never seen before: at the least, authenticating it reads the database.
      const minted = await request(server.base, 'POST', `/v1/api-keys?org_id=${orgId}`, {
        key: MASTER,
        body: { name: call.route, scopes: ['*'] },
      });
      assert.equal(minted.status, 201);
      const fresh = (minted.body as { key: string }).key;
      for (const [name, value] of Object.entries(call.headers)) {
        call.headers[name] = value.replace(key, fresh);
      }
      const traceId = randomBytes(16).toString('hex');
      const parentId = randomBytes(8).toString('hex');
      const res = await request(server.base, 'GET', call.path, {
        headers: { ...call.headers, traceparent: `00-${traceId}-${parentId}-01` },
      });
      assert.ok(res.status < 500, `${call.path}: ${res.status}`);
      // The incoming traceparent is continued: the server span is in its trace, under its span.
      const serverSpan = await until(`the server span of ${call.path}`, async () =>
        receiver.spans.find((s) => s.traceId === traceId && s.kind === SERVER),
      );
      assert.equal(serverSpan.parentSpanId, parentId);
      assert.equal(attr(serverSpan, 'http.route'), call.route);
      const dbSpan = await until(`a database span under ${call.path}`, async () =>
        receiver.spans.find(
          (s) =>
            s.traceId === traceId &&
            s.kind === CLIENT &&
            s.attributes.some((a) => a.key.startsWith('db.')) &&
            descendsFrom(s, serverSpan, receiver.spans),
        ),
      );
      assert.ok(dbSpan.name.length > 0);
      // The request's log lines carry the trace, next to the request id.
      const logged = await until(`a log line of ${call.path} with its trace`, async () => {
        const lines = server
          .stdout()
          .split('\n')
          .filter((line) => line.includes(`"trace_id":"${traceId}"`));
        return lines.length > 0 ? lines : undefined;
      });
      assert.ok(logged.every((line) => line.includes('"request_id"') && line.includes('"span_id"')));
    }
  });

  it('sends each webhook delivery with the traceparent of a client span of its own', async () => {
    const created = await request(server.base, 'POST', '/v1/webhooks', {
      key,
      body: { url: `${receiver.url()}/hook`, event_types: ['team.created'] },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const team = await request(server.base, 'POST', '/v1/teams', { key, body: { name: 'Traced hook' } });
    assert.equal(team.status, 201);
    const headers = await until('a delivery at the receiver', async () => receiver.hooks[0], 15_000);
    const [, traceId, spanId] =
      String(headers.traceparent).match(/^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/) ?? [];
    assert.ok(traceId && spanId, `a W3C traceparent: ${headers.traceparent}`);
    const span = await until('the delivery span', async () =>
      receiver.spans.find((s) => s.traceId === traceId && s.spanId === spanId),
    );
    assert.equal(span.name, 'POST webhook');
    assert.equal(span.kind, CLIENT);
    assert.equal(Number(attr(span, 'http.response.status_code')), 200);
    assert.equal(attr(span, 'roster.event.type'), 'team.created');
  });
});

describe('tracing off', () => {
  after(() => killServers());
  it('stays off when no OTLP endpoint is set', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'roster-tracing-off-'));
    try {
      const server = await startServer({
        ROSTER_DATA_DIR: dataDir,
        ROSTER_MASTER_KEY: MASTER,
        DATABASE_URL: '',
        OTEL_EXPORTER_OTLP_ENDPOINT: '',
      });
      assert.match(server.stdout(), /"tracing":"off"/);
      await server.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
