import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { TcpProxy } from '../src/realtime/redis-test-support.js';
import { createPgDatabase, TEST_DB_KIND } from './harness.js';
import { createAgents, type Outcome, request, tally, until } from './load.js';
import { killServers, type Server, startServer } from './server.js';

const MASTER = `roster_mk_faults_${'f'.repeat(32)}`;
/** Agents named by each bulk membership change. */
const BATCH = 300;
/** How long the service may take to serve normally again once the database is back. */
const RECOVERY_MS = 5_000;

/** A 503 as every dialect must send it while the database is away: with a Retry-After. */
function assertRetryable(o: Outcome, what: string): void {
  assert.equal(o.status, 503, `${what}: ${o.status} ${JSON.stringify(o.body)}`);
  assert.ok(
    Number(o.headers.get('retry-after')) >= 1,
    `${what}: Retry-After is ${o.headers.get('retry-after')}`,
  );
}

/** Only a success or a retryable 503 is acceptable while faults are injected; never a 500 or a reset. */
function assertSuccessOrRetryable(outcomes: Outcome[]): void {
  for (const o of outcomes) {
    if (o.status === 503) {
      assertRetryable(o, 'a request hit by the fault');
      assert.equal((o.body as { code?: string }).code, 'unavailable');
    } else {
      assert.ok(
        o.status >= 200 && o.status < 300,
        `unexpected outcome ${o.status}: ${JSON.stringify(o.body)}`,
      );
    }
  }
}

/**
 * The real server on PostgreSQL, reached through a relay the test can cut: its database
 * connections are terminated under load (pg_terminate_backend) and the database becomes
 * unreachable for a while. The process must survive, answer 503 with Retry-After in each
 * dialect's shape, fail /readyz meanwhile, serve again within 5 s, and never keep half a change.
 */
describe('database faults under load', { timeout: 90_000 }, () => {
  const skip =
    TEST_DB_KIND !== 'postgres' && 'needs PostgreSQL: PGlite runs in process and has no connections to kill';
  let drop = async () => {};
  let proxy: TcpProxy;
  let server: Server;
  /** A connection of the test's own to the service's database, for the faults and the checks. */
  let admin: pg.Client;
  let key = '';
  let orgId = '';
  let agentIds: string[] = [];

  /** Terminates every connection the service holds to its database; returns how many. */
  const terminate = async (): Promise<number> => {
    const { rows } = await admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity, pg_terminate_backend(pid) AS done
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND done`,
    );
    return rows[0]?.n ?? 0;
  };

  /** Members of each team, from the database itself. */
  const memberCounts = async (teamIds: string[]): Promise<Map<string, number>> => {
    const { rows } = await admin.query<{ team_id: string; n: number }>(
      'SELECT team_id, count(*)::int AS n FROM team_members WHERE team_id = ANY($1::uuid[]) GROUP BY team_id',
      [teamIds],
    );
    return new Map(teamIds.map((id) => [id, rows.find((r) => r.team_id === id)?.n ?? 0]));
  };

  const newTeam = async (name: string): Promise<string> => {
    const team = await request(server.base, 'POST', '/v1/teams', { key, body: { name } });
    assert.equal(team.status, 201);
    return (team.body as { id: string }).id;
  };

  const addBatch = (teamId: string, headers: Record<string, string> = {}) =>
    request(server.base, 'PATCH', `/v1/teams/${teamId}/members`, { key, headers, body: { add: agentIds } });

  /** Time until /readyz and a write both succeed again. */
  const recovery = async (since: number): Promise<number> => {
    await until(
      'the service to serve again',
      async () => {
        const ready = await request(server.base, 'GET', '/readyz');
        if (ready.status !== 200) {
          return undefined;
        }
        const write = await request(server.base, 'POST', '/v1/teams', {
          key,
          body: { name: `probe ${Date.now()}` },
        });
        return write.status === 201 ? true : undefined;
      },
      RECOVERY_MS * 2,
    );
    return Date.now() - since;
  };

  before(async () => {
    if (skip) {
      return;
    }
    const database = await createPgDatabase();
    drop = database.drop;
    // Roster serves as the ordinary role, as a deployment with row-level security does: every
    // statement then runs in a scoped transaction, and the faults hit those too.
    proxy = new TcpProxy(new URL(database.appUrl));
    await proxy.open();
    admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    server = await startServer({
      DATABASE_URL: proxy.url,
      ROSTER_MIGRATION_DATABASE_URL: database.url,
      ROSTER_MASTER_KEY: MASTER,
      ROSTER_DB_POOL_SIZE: '8',
      // Faults of the database are the subject here, not overload: under CI's load the shedding of
      // requests on a slow event loop (ROSTER_MAX_EVENT_LOOP_DELAY_MS) could answer a change with
      // 503 before it reaches the locked rows.
      ROSTER_MAX_EVENT_LOOP_DELAY_MS: '0',
    });
    const created = await request(server.base, 'POST', '/v1/api-keys', {
      key: MASTER,
      body: { name: 'faults', scopes: ['*'] },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    key = (created.body as { key: string }).key;
    orgId = (created.body as { org_id: string }).org_id;
    agentIds = await createAgents(server.base, key, 'faults', BATCH);
  });

  after(async () => {
    killServers();
    await admin?.end().catch(() => {});
    await proxy?.cut();
    await drop();
  });

  it('requests caught in a terminated connection get 503 + Retry-After and change nothing', {
    skip,
  }, async () => {
    const teams = await Promise.all([1, 2, 3, 4].map((i) => newTeam(`caught ${i}`)));
    // The pool opens its connections before the teams are locked. Under CI's load one opened while
    // they were (a relayed connection that PostgreSQL never showed a backend for) left a change
    // short of the lock in 2 of 12 runs; warmed, none in 12. Why that connection stalled is not
    // known (see the closing note of 2026-12-05); it is not what this test is about.
    const warm = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map((i) => newTeam(`warm ${i}`)));
    await Promise.all(warm.map((id) => addBatch(id)));
    // Hold the teams' rows so that each bulk change is surely mid-transaction when its connection dies.
    await admin.query('BEGIN');
    let pending: Promise<Outcome>[] = [];
    let killed = 0;
    let killedAt = 0;
    // What the service's connections were doing when last looked at, for the failure message.
    let seen = '';
    const settled = new Map<number, string>();
    try {
      await admin.query('SELECT id FROM teams WHERE id = ANY($1::uuid[]) FOR UPDATE', [teams]);
      pending = teams.map((id, i) => {
        const outcome = addBatch(id, i % 2 === 0 ? { 'idempotency-key': `caught-${id}` } : {});
        // Which changes were answered before the kill (and how), for the failure message.
        void outcome.then(
          (o) => settled.set(i, `answered ${o.status}: ${JSON.stringify(o.body).slice(0, 200)}`),
          (err: Error) => settled.set(i, `failed: ${err.message}`),
        );
        return outcome;
      });
      await until(
        'the four bulk changes to wait on the locked teams',
        async () => {
          const { rows } = await admin.query<{ state: string; n: number }>(
            `SELECT concat_ws('/', state, wait_event_type, wait_event) AS state, count(*)::int AS n
             FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
            GROUP BY 1 ORDER BY 1`,
          );
          seen = `${rows.map((r) => `${r.n} ${r.state}`).join(', ')} (${proxy.relayed} relayed)`;
          const waiting = rows.filter((r) => r.state.includes('/Lock/')).reduce((n, r) => n + r.n, 0);
          return waiting >= teams.length ? true : undefined;
        },
        // Generous: in CI's PostgreSQL run other test files load the same server meanwhile.
        30_000,
      ).catch((err: Error) => {
        const answers = [...settled].map(([i, what]) => `change ${i + 1} ${what}`).join('; ');
        throw new Error(
          `${err.message}; the service's connections: ${seen || 'none'}; ${answers || 'no change answered yet'}`,
        );
      });
      killedAt = Date.now();
      killed = await terminate();
    } finally {
      // Never leave the teams locked (nor this transaction holding back every snapshot's xmin).
      await admin.query('ROLLBACK');
    }
    assert.ok(killed >= teams.length, `terminated ${killed} connections, at least one per waiting change`);

    const outcomes = await Promise.all(pending);
    for (const o of outcomes) {
      assertRetryable(o, 'a bulk change whose connection was terminated');
      assert.match(o.headers.get('content-type') ?? '', /^application\/problem\+json/);
      assert.equal((o.body as { code: string }).code, 'unavailable');
    }
    assert.deepEqual(
      [...(await memberCounts(teams)).values()],
      [0, 0, 0, 0],
      'no member of a failed batch stays',
    );

    const recoveredIn = await recovery(killedAt);
    assert.ok(recoveredIn <= RECOVERY_MS, `serving again after ${recoveredIn} ms`);
    // The retries (the same idempotency keys included) now apply the whole batch.
    for (const [i, id] of teams.entries()) {
      const retried = await addBatch(id, i % 2 === 0 ? { 'idempotency-key': `caught-${id}` } : {});
      assert.equal(retried.status, 200, JSON.stringify(retried.body).slice(0, 300));
      assert.equal(retried.headers.get('idempotent-replayed'), null, 'a failed request stored no response');
    }
    assert.deepEqual([...(await memberCounts(teams)).values()], [BATCH, BATCH, BATCH, BATCH]);
  });

  it('survives repeated terminations during mixed load, with every batch all or nothing', {
    skip,
  }, async () => {
    const outcomes: Outcome[] = [];
    const batches: { teamId: string; outcome: Outcome }[] = [];
    let stop = false;
    const worker = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const kind = (w + i) % 4;
        if (kind === 0) {
          const team = await request(server.base, 'POST', '/v1/teams', {
            key,
            body: { name: `load ${w}-${i}` },
          });
          outcomes.push(team);
          if (team.status === 201) {
            const teamId = (team.body as { id: string }).id;
            const outcome = await addBatch(teamId);
            outcomes.push(outcome);
            batches.push({ teamId, outcome });
          }
        } else if (kind === 1) {
          outcomes.push(
            await request(server.base, 'POST', '/v1/agents', {
              key,
              body: { email: `load-${w}-${i}@faults.test`, full_name: `Load ${w} ${i}` },
            }),
          );
        } else if (kind === 2) {
          outcomes.push(await request(server.base, 'GET', '/v1/teams?limit=50', { key }));
        } else {
          outcomes.push(await request(server.base, 'GET', `/v1/agents/${agentIds[i % BATCH]}`, { key }));
        }
      }
    };
    const workers = Array.from({ length: 8 }, (_, w) => worker(w));
    let rounds = 0;
    let killed = 0;
    // Keep killing until the load has felt it a few times, a bulk change among them (or 20 s have
    // passed: then say so below). On a slow machine the first rounds may pass before any team exists.
    const deadline = Date.now() + 20_000;
    const felt = () =>
      rounds >= 10 &&
      outcomes.filter((o) => o.status === 503).length >= 5 &&
      batches.some((b) => b.outcome.status === 503);
    while (Date.now() < deadline && !felt()) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      killed += await terminate();
      rounds++;
    }
    const lastKill = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 300));
    stop = true;
    await Promise.all(workers);
    // Recovery counts from here: how long the workers took to wind down is the machine's, not
    // the service's (they finish bulk changes begun under the faults).
    const settled = Date.now();

    const hit = outcomes.filter((o) => o.status === 503).length;
    assert.ok(killed >= rounds, `terminated ${killed} connections in ${rounds} rounds`);
    assert.ok(hit > 0, `some requests hit a terminated connection (${JSON.stringify(tally(outcomes))})`);
    assertSuccessOrRetryable(outcomes);
    assert.ok(
      outcomes.some((o) => o.status >= 200 && o.status < 300),
      `requests succeed between faults (${JSON.stringify(tally(outcomes))})`,
    );
    assert.equal(server.child.exitCode, null, 'the process is still running');

    const counts = await memberCounts(batches.map((b) => b.teamId));
    for (const { teamId, outcome } of batches) {
      const n = counts.get(teamId);
      if (outcome.status === 200) {
        assert.equal(n, BATCH, 'an acknowledged batch is complete');
      } else {
        assert.ok(n === 0 || n === BATCH, `a failed batch is all or nothing, found ${n} of ${BATCH}`);
      }
    }
    assert.ok(
      batches.some((b) => b.outcome.status === 503),
      `at least one bulk change was caught by a fault (${batches.length} ran)`,
    );
    const recoveredIn = await recovery(settled);
    assert.ok(
      recoveredIn <= RECOVERY_MS,
      `serving again ${recoveredIn} ms after the load stopped (${settled - lastKill} ms after the last fault)`,
    );
  });

  it('while the database is unreachable: /readyz 503, every dialect 503 + Retry-After, back within 5 s', {
    skip,
  }, async () => {
    await proxy.cut();
    const cutAt = Date.now();
    const ready = await until('/readyz to fail', async () => {
      const r = await request(server.base, 'GET', '/readyz');
      return r.status === 503 ? r : undefined;
    });
    assert.deepEqual(ready.body, { status: 'unavailable', reason: 'database unreachable' });

    const v1 = await request(server.base, 'GET', '/v1/teams', { key });
    assertRetryable(v1, '/v1');
    assert.match(v1.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.equal((v1.body as { code: string }).code, 'unavailable');
    assert.equal((v1.body as { status: number }).status, 503);

    const write = await request(server.base, 'POST', '/v1/agents', {
      key,
      body: { email: 'during-outage@faults.test', full_name: 'During Outage' },
    });
    assertRetryable(write, '/v1 write');

    const dixa = await request(server.base, 'GET', '/beta/teams', { headers: { authorization: key } });
    assertRetryable(dixa, 'Dixa');
    assert.deepEqual(Object.keys(dixa.body as object), ['message']);

    const tiledesk = await request(server.base, 'GET', `/v3/${orgId}/project_users`, {
      headers: { authorization: `JWT ${key}` },
    });
    assertRetryable(tiledesk, 'Tiledesk');
    assert.equal((tiledesk.body as { success: boolean }).success, false);
    assert.equal(typeof (tiledesk.body as { msg: string }).msg, 'string');

    const webex = await request(server.base, 'GET', '/v1/telephony/config/supervisors', { key });
    assertRetryable(webex, 'Webex');
    assert.equal(typeof (webex.body as { trackingId: string }).trackingId, 'string');
    assert.ok(Array.isArray((webex.body as { errors: unknown[] }).errors));

    const rocketchat = await request(server.base, 'GET', '/api/v1/livechat/department', {
      headers: { 'x-auth-token': key, 'x-user-id': agentIds[0] as string },
    });
    assertRetryable(rocketchat, 'Rocket.Chat');
    assert.equal((rocketchat.body as { success: boolean }).success, false);

    // Still unreachable after the probes: readiness has not recovered by accident.
    assert.equal((await request(server.base, 'GET', '/readyz')).status, 503);
    assert.ok(Date.now() - cutAt > 0);

    await proxy.open();
    const reopenedAt = Date.now();
    const recoveredIn = await recovery(reopenedAt);
    assert.ok(recoveredIn <= RECOVERY_MS, `serving again ${recoveredIn} ms after the database came back`);
    const { rows } = await admin.query("SELECT 1 FROM agents WHERE email = 'during-outage@faults.test'");
    assert.equal(rows.length, 0, 'the refused write left nothing behind');
    assert.equal(server.child.exitCode, null, 'the process is still running');
    const code = await server.stop();
    assert.equal(
      code,
      0,
      `and it still shuts down cleanly:\n${server.stdout().split('\n').slice(-12).join('\n')}`,
    );
  });
});
