import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createPgDatabase, TEST_DB_KIND } from './harness.js';
import { request, until } from './load.js';
import { killServers, startServer } from './server.js';
import { connectSse } from './sse.js';

const MASTER = `roster_mk_shutdown_${'s'.repeat(32)}`;
const WRITES = 150;
const READS = 50;
/** What the test lets a shutdown take, from SIGTERM to the exit of the process. */
const EXIT_WITHIN_MS = 10_000;
/** The server keeps serving, with /readyz failing, for this long after SIGTERM. */
const DRAIN_MS = 1_000;

interface Answer {
  status: number;
  body: string;
  error?: string;
}

/**
 * A request on a connection of its own whose body is sent in two parts: the headers and the first
 * half now, the rest when `finish` is called. Until then it is in flight and cannot complete.
 */
function slowWrite(base: string, method: string, path: string, body: unknown) {
  const payload = Buffer.from(JSON.stringify(body));
  const half = Math.floor(payload.length / 2);
  let answered = false;
  const req = http.request(`${base}${path}`, {
    method,
    agent: false,
    headers: {
      authorization: `Bearer ${MASTER}`,
      'content-type': 'application/json',
      'content-length': String(payload.length),
    },
  });
  const answer = new Promise<Answer>((resolve) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk) => {
        text += chunk;
      });
      res.on('end', () => {
        answered = true;
        resolve({ status: res.statusCode ?? 0, body: text });
      });
    });
    req.on('error', (err) => {
      answered = true;
      resolve({ status: 0, body: '', error: err.message });
    });
  });
  req.write(payload.subarray(0, half));
  let finished = false;
  const finish = () => {
    if (!finished) {
      finished = true;
      req.end(payload.subarray(half));
    }
  };
  return { answer, answered: () => answered, finish };
}

/** A GET on a connection of its own. */
function read(base: string, path: string) {
  let answered = false;
  const answer = new Promise<Answer>((resolve) => {
    const req = http.get(
      `${base}${path}`,
      { agent: false, headers: { authorization: `Bearer ${MASTER}` } },
      (res) => {
        let text = '';
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => {
          answered = true;
          resolve({ status: res.statusCode ?? 0, body: text });
        });
      },
    );
    req.on('error', (err) => {
      answered = true;
      resolve({ status: 0, body: '', error: err.message });
    });
  });
  return { answer, answered: () => answered };
}

/**
 * SIGTERM to the real server while 200 requests are in flight: every one of them completes, the
 * readiness probe fails before the listener closes, event streams end cleanly, and the process
 * exits 0 within 10 s.
 */
describe('graceful shutdown under load', { timeout: 90_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'roster-shutdown-'));
  let env: Record<string, string> = {
    ROSTER_DATA_DIR: dataDir,
    ROSTER_MASTER_KEY: MASTER,
    ROSTER_SHUTDOWN_DRAIN_MS: String(DRAIN_MS),
  };
  let drop = async () => {};

  before(async () => {
    if (TEST_DB_KIND === 'postgres') {
      const database = await createPgDatabase();
      env = { ...env, DATABASE_URL: database.url };
      drop = database.drop;
    }
  });

  after(async () => {
    killServers();
    rmSync(dataDir, { recursive: true, force: true });
    await drop();
  });

  it('finishes 200 in-flight requests, fails /readyz first, ends streams, exits 0 within 10 s', async () => {
    const server = await startServer(env);
    const team = await request(server.base, 'POST', '/v1/teams', { key: MASTER, body: { name: 'Shutdown' } });
    assert.equal(team.status, 201);
    const teamId = (team.body as { id: string }).id;

    const streams = await Promise.all(
      [1, 2, 3].map(() => connectSse(`${server.base}/v1/events`, { authorization: `Bearer ${MASTER}` })),
    );
    for (const stream of streams) {
      assert.equal(stream.status, 200);
    }

    const writes = Array.from({ length: WRITES }, (_, i) =>
      i % 3 === 2
        ? slowWrite(server.base, 'PATCH', `/v1/teams/${teamId}`, { description: `write ${i}` })
        : slowWrite(server.base, 'POST', '/v1/agents', {
            email: `w${i}@shutdown.test`,
            full_name: `Writer ${i}`,
          }),
    );
    const reads = Array.from({ length: READS }, () => read(server.base, `/v1/teams/${teamId}`));
    // Every request has reached the server (the team, the 3 streams, the writes and reads).
    await until('the writes to reach the server', async () =>
      server.stdout().split('"msg":"incoming request"').length - 1 >= 4 + WRITES + READS ? true : undefined,
    );

    const exit = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
    const signalledAt = Date.now();
    server.child.kill('SIGTERM');
    const inFlight = writes.filter((w) => !w.answered()).length + reads.filter((r) => !r.answered()).length;

    // Readiness as a load balancer sees it: fresh connections until the listener is gone.
    const probes: { at: number; status: number; body: string }[] = [];
    for (;;) {
      const probe = await read(server.base, '/readyz').answer;
      probes.push({ at: Date.now() - signalledAt, status: probe.status, body: probe.body });
      if (probe.status === 0 || Date.now() - signalledAt > EXIT_WITHIN_MS) {
        break;
      }
      if (probe.status === 503) {
        // A little latency: the clients finish their bodies while the instance drains.
        for (const write of writes) {
          write.finish();
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    for (const write of writes) {
      write.finish();
    }

    const answers = await Promise.all([...writes, ...reads].map((r) => r.answer));
    const code = await exit;
    const tookMs = Date.now() - signalledAt;

    assert.ok(inFlight >= WRITES, `${inFlight} requests were in flight at SIGTERM`);
    const failed = answers.filter((a) => a.status < 200 || a.status >= 300);
    assert.deepEqual(
      failed.slice(0, 5),
      [],
      `${failed.length} of ${answers.length} requests failed; probes: ${JSON.stringify(probes)}`,
    );
    const draining = probes.findIndex((p) => p.status === 503);
    assert.ok(draining >= 0, `/readyz turned 503 before the listener closed: ${JSON.stringify(probes)}`);
    assert.deepEqual(JSON.parse(probes[draining]?.body ?? '{}'), { status: 'draining' });
    assert.ok(
      probes.slice(draining).every((p) => p.status === 503 || p.status === 0),
      'once draining, readiness never comes back',
    );
    for (const stream of streams) {
      await stream.ended(EXIT_WITHIN_MS);
    }
    assert.equal(code, 0, `exit code ${code}:\n${server.stdout().split('\n').slice(-5).join('\n')}`);
    assert.ok(tookMs <= EXIT_WITHIN_MS, `exited ${tookMs} ms after SIGTERM`);

    // Every acknowledged write is there after a restart.
    const again = await startServer(env);
    const kept: unknown[] = [];
    for (let skip = 0; ; skip += 100) {
      const page = await request(again.base, 'GET', `/v1/agents?limit=100&skip=${skip}`, { key: MASTER });
      assert.equal(page.status, 200);
      kept.push(...(page.body as unknown[]));
      if ((page.body as unknown[]).length < 100) {
        break;
      }
    }
    const created = writes.filter((_, i) => i % 3 !== 2).length;
    assert.equal(kept.length, created, 'every created agent was kept');
    assert.equal(await again.stop(), 0);
  });
});
