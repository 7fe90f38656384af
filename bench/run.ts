/**
 * `npm run bench [-- --quick] [-- --only=a,b]`: measures Roster against a baseline in the same run.
 *
 * Every scenario runs Roster as a real process (on a fresh PostgreSQL database, and for a' on
 * PGlite) and its baseline alternately, A B A B, for `pairs` pairs, and reports the median and the
 * min-max of each side and the ratio of the medians. Results go to stdout and to
 * bench/results/latest.json. `--quick` is a one-minute smoke of the harness, not a measurement.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { encodeCursor } from '../src/core/paging.js';
import { bareBulkAdd } from './baselines/bulk-sql.js';
import { bareClaimLoop } from './baselines/claim-sql.js';
import { pgliteLoop } from './baselines/pglite-loop.js';
import {
  api,
  type BenchDb,
  freePort,
  freshDatabase,
  load,
  MASTER_KEY,
  must,
  POOL_SIZE,
  percentile,
  pgVersion,
  ROOT,
  type Spread,
  spread,
  startProcess,
  startRoster,
} from './lib.js';

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const ONLY = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const PAIRS = QUICK ? 1 : 3;
const SECONDS = QUICK ? 2 : 10;
const BULK_ITERATIONS = QUICK ? 5 : 40;
const SEQUENTIAL_SAMPLES = QUICK ? 20 : 200;
const REDIS_URL = process.env.ROSTER_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/7';

interface Row {
  scenario: string;
  figure: string;
  unit: string;
  roster: Spread;
  baseline: Spread | null;
  /** roster / baseline medians (for latencies, >1 is slower). */
  ratio: number | null;
  goal: string;
  met: boolean | null;
}

const rows: Row[] = [];

function record(row: Omit<Row, 'ratio'> & { ratio?: number | null }) {
  const ratio =
    row.ratio !== undefined
      ? row.ratio
      : row.baseline && row.baseline.median > 0
        ? row.roster.median / row.baseline.median
        : null;
  const full = { ...row, ratio };
  rows.push(full);
  const fmt = (s: Spread | null) =>
    s === null ? '-' : `${round(s.median)} [${round(s.min)}-${round(s.max)}]`;
  console.log(
    `  ${row.scenario.padEnd(3)} ${row.figure.padEnd(44)} ${fmt(row.roster).padStart(24)} ${fmt(row.baseline).padStart(24)} ${
      ratio === null ? '-'.padStart(6) : ratio.toFixed(2).padStart(6)
    }  ${row.goal} ${row.met === null ? '' : row.met ? 'MET' : 'MISSED'}`,
  );
}

const round = (n: number) => (n >= 100 ? Math.round(n) : Math.round(n * 100) / 100);
const one = (n: number): Spread => ({ median: n, min: n, max: n });
const want = (name: string) => ONLY === undefined || ONLY.includes(name);

// ---------------------------------------------------------------------------------------------
// Data

interface Tenant {
  orgId: string;
  key: string;
}

async function tenant(base: string): Promise<Tenant> {
  const org = await must(
    api<{ id: string }>(base, MASTER_KEY, 'POST', '/v1/orgs', { name: `bench ${Date.now()}` }),
    201,
  );
  const key = await must(
    api<{ key: string }>(base, MASTER_KEY, 'POST', `/v1/api-keys?org_id=${org.id}`, {
      name: 'bench',
      scopes: ['*'],
    }),
    201,
  );
  return { orgId: org.id, key: key.key };
}

/** Inserts `n` agents (and their users) in one statement; returns their ids in id order. */
async function seedAgents(url: string, orgId: string, n: number, label: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `WITH u AS (
         INSERT INTO users (id, email, full_name, created_at)
         SELECT gen_random_uuid(), $2 || g || '@bench.test', 'Agent ' || g, now() FROM generate_series(1, $3::int) g
         RETURNING id, email, full_name
       )
       INSERT INTO agents (id, org_id, user_id, email, full_name, created_at, updated_at)
       SELECT gen_random_uuid(), $1, id, email, full_name, now(), now() FROM u
       RETURNING id`,
      [orgId, `${label}-${Date.now()}-`, n],
    );
    return rows.map((r) => r.id).sort();
  } finally {
    await client.end();
  }
}

async function createTeam(base: string, t: Tenant, name: string, members: string[]): Promise<string> {
  const team = await must(api<{ id: string }>(base, t.key, 'POST', '/v1/teams', { name }), 201);
  for (let i = 0; i < members.length; i += 1000) {
    await must(
      api(base, t.key, 'PATCH', `/v1/teams/${team.id}/members`, { add: members.slice(i, i + 1000) }),
      200,
    );
  }
  return team.id;
}

/** p50 of `samples` sequential requests (one connection): latency without queueing. */
async function sequentialP50(
  base: string,
  key: string,
  method: string,
  path: string,
  samples = SEQUENTIAL_SAMPLES,
) {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const res = await api(base, key, method, path);
    if (res.status !== 200) {
      throw new Error(`${method} ${path}: ${res.status}`);
    }
    times.push(res.ms);
  }
  return percentile(times, 50);
}

// ---------------------------------------------------------------------------------------------
// Scenarios

/** The baseline must answer what Roster answers, body and ETag, or the comparison means nothing. */
async function sameAnswer(rosterBase: string, baselineBase: string, path: string, key: string) {
  const get = async (base: string) => {
    const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${key}` } });
    return { status: res.status, etag: res.headers.get('etag'), body: await res.text() };
  };
  const [mine, bare] = [await get(rosterBase), await get(baselineBase)];
  if (JSON.stringify(mine) !== JSON.stringify(bare)) {
    throw new Error(
      `the baseline answers ${path} differently:\n${JSON.stringify(mine)}\n${JSON.stringify(bare)}`,
    );
  }
}

const databases: BenchDb[] = [];

async function scenarioA() {
  console.log('\na. GET /v1/teams/{id} (50 members), 50 connections, PostgreSQL');
  const db = await freshDatabase('a');
  databases.push(db);
  const freshStart = await startRoster({ DATABASE_URL: db.url, ROSTER_DB_POOL_SIZE: String(POOL_SIZE) });
  const startup = { fresh: freshStart.startedInMs, warm: [] as number[] };
  await freshStart.stop();
  for (let i = 0; i < 3; i++) {
    const p = await startRoster({ DATABASE_URL: db.url, ROSTER_DB_POOL_SIZE: String(POOL_SIZE) });
    startup.warm.push(p.startedInMs);
    await p.stop();
  }
  const roster = await startRoster({ DATABASE_URL: db.url, ROSTER_DB_POOL_SIZE: String(POOL_SIZE) });
  const baseline = await startProcess(
    'bench/baselines/http-pg.ts',
    { DATABASE_URL: db.url, POOL_SIZE: String(POOL_SIZE) },
    freePort(),
  );
  const t = await tenant(roster.base);
  const agents = await seedAgents(db.url, t.orgId, 50, 'a');
  const teamId = await createTeam(roster.base, t, 'fifty', agents);
  const path = `/v1/teams/${teamId}`;
  await sameAnswer(roster.base, baseline.base, path, t.key);
  const rssAtRest = roster.rssMiB();

  const drive = (base: string) =>
    load({ url: `${base}${path}`, key: t.key, seconds: SECONDS, connections: 50 });
  await drive(roster.base);
  await drive(baseline.base);
  const r = { rps: [] as number[], p99: [] as number[] };
  const b = { rps: [] as number[], p99: [] as number[] };
  let rssUnderLoad = 0;
  for (let i = 0; i < PAIRS; i++) {
    const sampler = setInterval(() => {
      rssUnderLoad = Math.max(rssUnderLoad, roster.rssMiB());
    }, 250);
    const A = await drive(roster.base);
    clearInterval(sampler);
    const B = await drive(baseline.base);
    if (A.errors > 0 || B.errors > 0) {
      throw new Error(`a: errors under load (roster ${A.errors}, baseline ${B.errors})`);
    }
    r.rps.push(A.rps);
    r.p99.push(A.p99);
    b.rps.push(B.rps);
    b.p99.push(B.p99);
  }
  const rps = { roster: spread(r.rps), baseline: spread(b.rps) };
  record({
    scenario: 'a',
    figure: 'requests/s',
    unit: 'req/s',
    ...rps,
    goal: '>= 0.85x',
    met: rps.roster.median >= 0.85 * rps.baseline.median,
  });
  const p99 = { roster: spread(r.p99), baseline: spread(b.p99) };
  record({
    scenario: 'a',
    figure: 'p99 latency (ms)',
    unit: 'ms',
    ...p99,
    goal: '<= 1.5x',
    met: p99.roster.median <= 1.5 * p99.baseline.median,
  });
  await baseline.stop();
  return {
    db,
    roster,
    t,
    startup,
    rssAtRest,
    rssUnderLoad,
  };
}

type A = Awaited<ReturnType<typeof scenarioA>>;

async function scenarioB(a: A) {
  console.log('\nb. PATCH /v1/teams/{id}/members adding 1,000 agents');
  const agents = await seedAgents(a.db.url, a.t.orgId, 1000, 'b');
  const teamId = await createTeam(a.roster.base, a.t, 'bulk', []);
  const path = `/v1/teams/${teamId}/members`;
  const rosterAdds = async (ids: string[]) => {
    const times: number[] = [];
    for (let i = 0; i < BULK_ITERATIONS; i++) {
      const added = await api(a.roster.base, a.t.key, 'PATCH', path, { add: ids });
      if (added.status !== 200) {
        throw new Error(`b: ${added.status}`);
      }
      times.push(added.ms);
      await must(api(a.roster.base, a.t.key, 'PATCH', path, { remove: ids }), 200);
    }
    return times;
  };
  const bare = (ids: string[]) =>
    bareBulkAdd({ url: a.db.url, orgId: a.t.orgId, teamId, ids, iterations: BULK_ITERATIONS });
  await rosterAdds(agents);
  await bare(agents);
  const r = { p50: [] as number[], p99: [] as number[], p50of100: [] as number[] };
  const b = { p50: [] as number[], p99: [] as number[] };
  for (let i = 0; i < PAIRS; i++) {
    const A = await rosterAdds(agents);
    const B = await bare(agents);
    r.p50.push(percentile(A, 50));
    r.p99.push(percentile(A, 99));
    b.p50.push(percentile(B, 50));
    b.p99.push(percentile(B, 99));
    r.p50of100.push(percentile(await rosterAdds(agents.slice(0, 100)), 50));
  }
  const p50 = { roster: spread(r.p50), baseline: spread(b.p50) };
  record({
    scenario: 'b',
    figure: 'p50 per call (ms)',
    unit: 'ms',
    ...p50,
    goal: '<= 1.5x',
    met: p50.roster.median <= 1.5 * p50.baseline.median,
  });
  record({
    scenario: 'b',
    figure: 'p99 per call (ms)',
    unit: 'ms',
    roster: spread(r.p99),
    baseline: spread(b.p99),
    goal: 'reported',
    met: null,
  });
  const scaling = spread(r.p50.map((t1000, i) => t1000 / (r.p50of100[i] ?? t1000)));
  record({
    scenario: 'b',
    figure: 't(1000)/t(100)',
    unit: 'x',
    roster: scaling,
    baseline: null,
    ratio: null,
    goal: '<= 6',
    met: scaling.median <= 6,
  });
  return { agents, smallBulkP50: p50.roster.median };
}

async function scenarioC(a: A, bulkAgents: string[]) {
  console.log('\nc. presence heartbeats, 50 connections, over 1,000 agents');
  const paths = bulkAgents.map((id) => `/v1/agents/${id}/presence/heartbeat`);
  const drive = (base: string, key: string) =>
    load({
      url: `${base}${paths[0]}`,
      key,
      seconds: SECONDS,
      connections: 50,
      method: 'POST',
      body: '{}',
      paths,
    });
  for (const store of ['in-process', 'redis'] as const) {
    const redis: Record<string, string> = store === 'redis' ? { REDIS_URL } : {};
    const roster =
      store === 'in-process'
        ? a.roster
        : await startRoster({ DATABASE_URL: a.db.url, ROSTER_DB_POOL_SIZE: String(POOL_SIZE), ...redis });
    const baseline = await startProcess(
      'bench/baselines/http-pg.ts',
      { DATABASE_URL: a.db.url, POOL_SIZE: String(POOL_SIZE), ...redis },
      freePort(),
    );
    await drive(roster.base, a.t.key);
    await drive(baseline.base, a.t.key);
    const r: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < PAIRS; i++) {
      const A = await drive(roster.base, a.t.key);
      const B = await drive(baseline.base, a.t.key);
      if (A.errors > 0 || B.errors > 0) {
        throw new Error(`c: errors (roster ${A.errors}, baseline ${B.errors})`);
      }
      r.push(A.rps);
      b.push(B.rps);
    }
    const hb = { roster: spread(r), baseline: spread(b) };
    record({
      scenario: 'c',
      figure: `heartbeats/s (${store} store)`,
      unit: 'req/s',
      ...hb,
      goal: '>= 5000/s and >= 0.7x',
      met: hb.roster.median >= 5000 && hb.roster.median >= 0.7 * hb.baseline.median,
    });
    await baseline.stop();
    if (roster !== a.roster) {
      await roster.stop();
    }
  }
}

/** One SSE subscriber: counts availability events and their delivery latency. */
function subscribe(base: string, key: string, latencies: number[], stopAt: () => boolean) {
  const controller = new AbortController();
  const done = (async () => {
    const res = await fetch(`${base}/v1/events`, {
      headers: { authorization: `Bearer ${key}` },
      signal: controller.signal,
    });
    const reader = res.body?.getReader();
    if (!reader) {
      throw new Error("c': no event stream");
    }
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done: ended } = await reader.read();
      if (ended || stopAt()) {
        break;
      }
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = frame.split('\n').find((line) => line.startsWith('data: '));
        if (data !== undefined && frame.includes('event: agent.availability_changed')) {
          const event = JSON.parse(data.slice(6)) as { occurred_at: string };
          latencies.push(Date.now() - Date.parse(event.occurred_at));
        }
        end = buffer.indexOf('\n\n');
      }
    }
  })().catch((err: unknown) => {
    if ((err as Error).name !== 'AbortError') {
      throw err;
    }
  });
  return { close: () => controller.abort(), done };
}

/** c'. Availability changes fanned out over SSE to 100 subscribers. */
async function scenarioCPrime(a: A, agents: string[]) {
  console.log("\nc'. event fan-out over SSE to 100 subscribers");
  const subscribers = 100;
  const toggle = new Map<string, boolean>();
  const change = async (i: number) => {
    const id = agents[i % agents.length] as string;
    const available = !(toggle.get(id) ?? true);
    toggle.set(id, available);
    const res = await api(a.roster.base, a.t.key, 'PUT', `/v1/agents/${id}/availability`, { available });
    if (res.status !== 200) {
      throw new Error(`c': availability ${res.status}`);
    }
  };
  const phase = async (ratePerSecond: number | null) => {
    const latencies: number[] = [];
    let stopping = false;
    const subs = Array.from({ length: subscribers }, () =>
      subscribe(a.roster.base, a.t.key, latencies, () => stopping),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    let sent = 0;
    const until = performance.now() + SECONDS * 1000;
    if (ratePerSecond === null) {
      // As fast as ten writers can go.
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          while (performance.now() < until) {
            await change(sent++);
          }
        }),
      );
    } else {
      const started = performance.now();
      while (performance.now() < until) {
        const due = started + (sent / ratePerSecond) * 1000;
        const wait = due - performance.now();
        if (wait > 0) {
          await new Promise((resolve) => setTimeout(resolve, wait));
        }
        await change(sent++);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    stopping = true;
    for (const sub of subs) {
      sub.close();
    }
    await Promise.all(subs.map((sub) => sub.done));
    return { sent, delivered: latencies.length, latencies };
  };
  const max = await phase(null);
  const lost = max.sent * subscribers - max.delivered;
  record({
    scenario: "c'",
    figure: 'events delivered/s (100 subscribers, max rate)',
    unit: 'events/s',
    roster: one(max.delivered / SECONDS),
    baseline: null,
    goal: `reported (${lost} lost)`,
    met: lost === 0,
  });
  const half = await phase(Math.max(1, max.sent / SECONDS / 2));
  const p99 = percentile(half.latencies, 99);
  record({
    scenario: "c'",
    figure: 'p99 delivery latency at half that rate (ms)',
    unit: 'ms',
    roster: one(p99),
    baseline: null,
    goal: '<= 250 ms',
    met: p99 <= 250,
  });
}

/** d. Routing decisions: conversations created into a team of 500 online agents. */
async function scenarioD(a: A) {
  console.log('\nd. routing: POST /v1/conversations into a team of 500');
  // Room for every decision of a run (500 x 100 slots, well above 10 s at either side's rate):
  // with 20 the team filled within a run on both sides, and the rest of it measured conversations
  // queued because nobody had room, not routing decisions.
  const CAPACITY = 100;
  /** The capacity of the run that fills the team, and how many conversations it offers beyond. */
  const TIGHT = 5;
  const OVERFLOW = 500;
  /** HTTP connections of the capacity runs. */
  const LOADED = 50;
  // Presence must outlive the run: heartbeats are sent once, at the start.
  const roster = await startRoster({
    DATABASE_URL: a.db.url,
    ROSTER_DB_POOL_SIZE: String(POOL_SIZE),
    ROSTER_PRESENCE_TTL_SECONDS: '86400',
  });
  const client = new pg.Client({ connectionString: a.db.url });
  await client.connect();
  try {
    const agents = await seedAgents(a.db.url, a.t.orgId, 500, 'd');
    const team = await must(
      api<{ id: string }>(roster.base, a.t.key, 'POST', '/v1/teams', {
        name: 'routing bench',
        routing: 'least_busy',
        default_max_concurrent: CAPACITY,
      }),
      201,
    );
    await must(api(roster.base, a.t.key, 'PATCH', `/v1/teams/${team.id}/members`, { add: agents }), 200);
    for (const id of agents) {
      await must(api(roster.base, a.t.key, 'POST', `/v1/agents/${id}/presence/heartbeat`, {}), 204);
    }
    // Every run starts from empty queues and free agents (one statement), and is checked after.
    const reset = () =>
      client.query(
        `UPDATE conversations SET status = 'closed', closed_at = now(), updated_at = now()
         WHERE org_id = $1 AND status <> 'closed'`,
        [a.t.orgId],
      );
    /** Agents above `capacity`, conversations assigned, and those left queued (nobody had room). */
    const tally = async (capacity: number) => {
      const { rows } = await client.query<{ over: string; assigned: string; queued: string }>(
        `SELECT count(*) FILTER (WHERE assignee_id IS NOT NULL AND n > $2) AS over,
           coalesce(sum(n) FILTER (WHERE assignee_id IS NOT NULL), 0) AS assigned,
           coalesce(sum(n) FILTER (WHERE assignee_id IS NULL), 0) AS queued FROM (
           SELECT assignee_id, count(*) AS n FROM conversations
           WHERE org_id = $1 AND status <> 'closed' GROUP BY assignee_id) per_agent`,
        [a.t.orgId, capacity],
      );
      return {
        over: Number(rows[0]?.over ?? 0),
        assigned: Number(rows[0]?.assigned ?? 0),
        queued: Number(rows[0]?.queued ?? 0),
      };
    };
    /** After a measured run: every decision assigned. */
    const allAssigned = async (side: string) => {
      const t = await tally(CAPACITY);
      if (t.queued > 0 || t.over > 0) {
        throw new Error(`d (${side}): ${t.queued} queued, ${t.over} agents over capacity: raise CAPACITY`);
      }
    };
    const body = JSON.stringify({ team_id: team.id });
    // Capacity is measured under enough offered load to keep Roster busy: 50 connections over its
    // pool of 10, as in scenario a. The bare loop has no HTTP side, so its 10 clients (one per pooled
    // connection, as Roster has) keep the database busy on their own; more clients did not make it
    // faster (measured once: 20 clients 2 % slower, 50 clients 7 % slower). With only as many
    // connections as pooled ones, each pooled connection sits idle while its request is in HTTP
    // and JavaScript: that run is reported too, with its p50, latency without queueing.
    /** Creates conversations for the run's duration, or `amount` of them. */
    const drive = (connections: number, amount?: number) =>
      load({
        url: `${roster.base}/v1/conversations`,
        key: a.t.key,
        seconds: SECONDS,
        amount,
        connections,
        method: 'POST',
        body,
      });
    const bare = () =>
      bareClaimLoop({
        url: a.db.url,
        orgId: a.t.orgId,
        teamId: team.id,
        clients: POOL_SIZE,
        seconds: SECONDS,
      });
    const measured = async (connections: number) => {
      await reset();
      const run = await drive(connections);
      if (run.errors > 0) {
        throw new Error(`d: ${run.errors} errors (${run.errorKinds})`);
      }
      await allAssigned(`Roster, ${connections} connections`);
      return run;
    };
    await reset();
    await drive(LOADED);
    await reset();
    await bare();
    // Planner statistics as autovacuum keeps them on a running system (it analyzes a table after
    // about a tenth of it changed). Without, both sides plan with what the tables held at creation:
    // PostgreSQL then counts an agent's conversations by scanning the whole table, which grows
    // through the run, and every figure measures that instead.
    await client.query('ANALYZE');
    const r = { rate: [] as number[], paced: [] as number[], p50: [] as number[] };
    const b = { rate: [] as number[], p50: [] as number[] };
    for (let i = 0; i < PAIRS; i++) {
      const A = await measured(LOADED);
      await reset();
      const B = await bare();
      await allAssigned('baseline');
      const paced = await measured(POOL_SIZE);
      r.rate.push(A.rps);
      r.paced.push(paced.rps);
      r.p50.push(paced.p50);
      b.rate.push(B.perSecond);
      b.p50.push(B.p50);
    }
    const rate = { roster: spread(r.rate), baseline: spread(b.rate) };
    record({
      scenario: 'd',
      figure: `routing decisions/s (${LOADED} connections)`,
      unit: 'decisions/s',
      ...rate,
      goal: '>= 0.7x',
      met: rate.roster.median >= 0.7 * rate.baseline.median,
    });
    record({
      scenario: 'd',
      figure: `routing decisions/s (${POOL_SIZE} connections)`,
      unit: 'decisions/s',
      roster: spread(r.paced),
      baseline: spread(b.rate),
      goal: 'reported',
      met: null,
    });
    record({
      scenario: 'd',
      figure: `p50 per decision (ms, ${POOL_SIZE} connections)`,
      unit: 'ms',
      roster: spread(r.p50),
      baseline: spread(b.p50),
      goal: 'reported',
      met: null,
    });
    // Capacity under pressure: a run offering more conversations than the team has room for,
    // which must fill every slot and none beyond. (The measured runs never come near capacity.)
    await reset();
    await must(
      api(roster.base, a.t.key, 'PATCH', `/v1/teams/${team.id}`, { default_max_concurrent: TIGHT }),
      200,
    );
    // A fixed offer, so that the check does not depend on the machine's speed. (autocannon may
    // send a few more than `amount` with many connections: 3,007 in one run.)
    const slots = agents.length * TIGHT;
    const pressed = await drive(LOADED, slots + OVERFLOW);
    const full = await tally(TIGHT);
    record({
      scenario: 'd',
      figure: `agents above capacity (${full.assigned} of ${slots} slots taken, ${full.queued} queued)`,
      unit: 'agents',
      roster: one(full.over),
      baseline: null,
      goal: '0, every slot taken',
      met: pressed.errors === 0 && full.over === 0 && full.assigned === slots && full.queued >= OVERFLOW,
    });
    await reset();
  } finally {
    await client.end();
    await roster.stop();
  }
}

/** a'. The same GET on PGlite; Roster and the bare loop take turns on one data directory. */
async function scenarioAPrime() {
  console.log("\na'. GET /v1/teams/{id} (50 members) on embedded PGlite");
  const dir = mkdtempSync(join(os.tmpdir(), 'roster-bench-pglite-'));
  const startup = { fresh: 0, warm: [] as number[] };
  try {
    let seeded: { key: string; teamId: string } | null = null;
    const r: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < PAIRS; i++) {
      const roster = await startRoster({ ROSTER_DATA_DIR: dir });
      if (seeded === null) {
        startup.fresh = roster.startedInMs;
        const t = await tenant(roster.base);
        const ids: string[] = [];
        for (let n = 0; n < 50; n++) {
          const agent = await must(
            api<{ id: string }>(roster.base, t.key, 'POST', '/v1/agents', {
              email: `p${n}@bench.test`,
              full_name: `P ${n}`,
            }),
            201,
          );
          ids.push(agent.id);
        }
        seeded = { key: t.key, teamId: await createTeam(roster.base, t, 'fifty', ids) };
      } else {
        startup.warm.push(roster.startedInMs);
      }
      const url = `${roster.base}/v1/teams/${seeded.teamId}`;
      await load({ url, key: seeded.key, seconds: 1, connections: 50 });
      const A = await load({ url, key: seeded.key, seconds: SECONDS, connections: 50 });
      if (A.errors > 0) {
        throw new Error(`a': ${A.errors} errors: ${A.errorKinds}`);
      }
      r.push(A.rps);
      await roster.stop();
      b.push(await pgliteLoop({ dataDir: dir, key: seeded.key, teamId: seeded.teamId, seconds: SECONDS }));
    }
    const rps = { roster: spread(r), baseline: spread(b) };
    record({
      scenario: "a'",
      figure: 'requests/s (PGlite)',
      unit: 'req/s',
      ...rps,
      goal: '>= 0.85x',
      met: rps.roster.median >= 0.85 * rps.baseline.median,
    });
    if (startup.warm.length === 0) {
      const again = await startRoster({ ROSTER_DATA_DIR: dir });
      startup.warm.push(again.startedInMs);
      await again.stop();
    }
    return startup;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** e. Scale: list pages, GET team and bulk add with 100,000 agents and 1,000,000 memberships. */
/** A team of the seeded ones (not the small-data team), for the GET at scale. */
async function scaleTeams(url: string, orgId: string, except: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query<{ id: string }>(
      'SELECT id FROM teams WHERE org_id = $1 AND id <> $2 ORDER BY id LIMIT 1',
      [orgId, except],
    );
  } finally {
    await client.end();
  }
}

async function scenarioE(small: { bulkP50: number }) {
  const agentsN = QUICK ? 10_000 : 100_000;
  const teamsN = QUICK ? 1_000 : 10_000;
  const perTeam = 100;
  console.log(`\ne. scale: ${agentsN} agents, ${teamsN} teams, ${teamsN * perTeam} memberships`);
  const db = await freshDatabase('e');
  databases.push(db);
  const roster = await startRoster({ DATABASE_URL: db.url, ROSTER_DB_POOL_SIZE: String(POOL_SIZE) });
  try {
    const t = await tenant(roster.base);
    // The small-data figure: a team of the same size, read in this process before the data grows.
    const smallIds = await seedAgents(db.url, t.orgId, perTeam, 'e-small');
    const smallTeamId = await createTeam(roster.base, t, 'small', smallIds);
    // Warm first (a new process, new prepared statements): the figure at scale is taken warm too.
    await sequentialP50(roster.base, t.key, 'GET', `/v1/teams/${smallTeamId}`);
    const smallTeamP50 = await sequentialP50(roster.base, t.key, 'GET', `/v1/teams/${smallTeamId}`);
    const ids = [...smallIds, ...(await seedAgents(db.url, t.orgId, agentsN - perTeam, 'e'))].sort();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(
        `INSERT INTO teams (id, org_id, name, created_at, updated_at)
         SELECT gen_random_uuid(), $1, 'team ' || g, now(), now() FROM generate_series(1, $2::int) g`,
        [t.orgId, teamsN],
      );
      await client.query(
        `WITH t AS (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM teams WHERE org_id = $1),
              a AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS rn FROM agents WHERE org_id = $1)
         INSERT INTO team_members (org_id, team_id, agent_id, created_at)
         SELECT $1, t.id, a.id, now() FROM t CROSS JOIN generate_series(0, $2::int - 1) k
         JOIN a ON a.rn = (t.rn * $2 + k) % $3
         ON CONFLICT DO NOTHING`,
        [t.orgId, perTeam, agentsN],
      );
      await client.query('ANALYZE');
    } finally {
      await client.end();
    }
    const { rows: seededTeams } = await scaleTeams(db.url, t.orgId, smallTeamId);
    const page = 1000;
    const pageNumber = Math.min(page, Math.floor(agentsN / 100) - 1);
    const cursor = encodeCursor(ids[pageNumber * 100 - 1] as string);
    const first = await sequentialP50(roster.base, t.key, 'GET', '/v1/agents?limit=100');
    const deep = await sequentialP50(roster.base, t.key, 'GET', `/v1/agents?limit=100&after=${cursor}`);
    record({
      scenario: 'e',
      figure: `list agents: page ${pageNumber + 1} vs page 1, p50 (ms)`,
      unit: 'ms',
      roster: one(deep),
      baseline: one(first),
      goal: '<= 1.5x',
      met: deep <= 1.5 * first,
    });
    await sequentialP50(roster.base, t.key, 'GET', `/v1/teams/${seededTeams[0]?.id}`);
    const teamP50 = await sequentialP50(roster.base, t.key, 'GET', `/v1/teams/${seededTeams[0]?.id}`);
    record({
      scenario: 'e',
      figure: `GET team (${perTeam} members) vs same size on small data, p50 (ms)`,
      unit: 'ms',
      roster: one(teamP50),
      baseline: one(smallTeamP50),
      goal: '<= 1.5x',
      met: teamP50 <= 1.5 * smallTeamP50,
    });
    const bulkTeam = await must(
      api<{ id: string }>(roster.base, t.key, 'POST', '/v1/teams', { name: 'bulk at scale' }),
      201,
    );
    const times: number[] = [];
    for (let i = 0; i < BULK_ITERATIONS; i++) {
      const batch = ids.slice((i * 1000) % (agentsN - 1000), ((i * 1000) % (agentsN - 1000)) + 1000);
      const res = await api(roster.base, t.key, 'PATCH', `/v1/teams/${bulkTeam.id}/members`, { add: batch });
      if (res.status !== 200) {
        throw new Error(`e bulk: ${res.status}`);
      }
      times.push(res.ms);
      await must(
        api(roster.base, t.key, 'PATCH', `/v1/teams/${bulkTeam.id}/members`, { remove: batch }),
        200,
      );
    }
    const bulk = percentile(times, 50);
    record({
      scenario: 'e',
      figure: 'bulk add 1,000 at scale vs small data, p50 (ms)',
      unit: 'ms',
      roster: one(bulk),
      baseline: one(small.bulkP50),
      goal: 'reported',
      met: null,
    });
  } finally {
    await roster.stop();
  }
}

// ---------------------------------------------------------------------------------------------

/** f. Start-up to /readyz on a fresh store and on existing data, against the goal in ms. */
function recordStartup(
  store: 'PGlite' | 'PostgreSQL',
  startup: { fresh: number; warm: number[] },
  goalMs: number,
) {
  const fresh = store === 'PGlite' ? 'fresh data directory' : 'fresh database';
  const existing = store === 'PGlite' ? 'existing data' : 'migrated database';
  const warm = spread(startup.warm);
  const goal = `<= ${goalMs} ms`;
  const base = { scenario: 'f', unit: 'ms', baseline: null, goal };
  record({
    ...base,
    figure: `${store}, ${fresh} (ms)`,
    roster: one(startup.fresh),
    met: startup.fresh <= goalMs,
  });
  record({ ...base, figure: `${store}, ${existing} (ms)`, roster: warm, met: warm.median <= goalMs });
}

async function main() {
  const started = Date.now();
  console.log(`Roster benchmarks${QUICK ? ' (--quick: a smoke run, not a measurement)' : ''}`);
  console.log(
    `  ${''.padEnd(3)} ${'figure'.padEnd(44)} ${'roster median [min-max]'.padStart(24)} ${'baseline median [min-max]'.padStart(24)} ${'ratio'.padStart(6)}  goal`,
  );
  let a: A | null = null;
  try {
    let small = { bulkP50: 0 };
    let startupPg: A['startup'] | null = null;
    let rss: { rest: number; load: number } | null = null;
    if (
      want('a') ||
      want('b') ||
      want('c') ||
      want("c'") ||
      want('d') ||
      want('e') ||
      want('f') ||
      want('g')
    ) {
      a = await scenarioA();
      startupPg = a.startup;
      rss = { rest: a.rssAtRest, load: a.rssUnderLoad };
      const b = await scenarioB(a);
      small = { bulkP50: b.smallBulkP50 };
      if (want('c')) {
        await scenarioC(a, b.agents);
      }
      if (want("c'")) {
        await scenarioCPrime(a, b.agents);
      }
      // Nothing later uses a's server. Left running, it would record the offline transitions of
      // c's agents (its presence sweeper) in the middle of the next scenario's runs.
      await a.roster.stop();
      if (want('d')) {
        await scenarioD(a);
      }
    }
    const startupLite = want("a'") || want('f') ? await scenarioAPrime() : null;
    if (want('e')) {
      await scenarioE(small);
    }
    console.log('\nf. start-up (process start to /readyz 200)');
    if (startupLite) {
      recordStartup('PGlite', startupLite, 5000);
    }
    if (startupPg) {
      recordStartup('PostgreSQL', startupPg, 2000);
    }
    if (rss) {
      console.log('\ng. memory');
      record({
        scenario: 'g',
        figure: 'RSS at rest (MiB)',
        unit: 'MiB',
        roster: one(rss.rest),
        baseline: null,
        goal: 'reported',
        met: null,
      });
      record({
        scenario: 'g',
        figure: 'RSS under scenario a, peak (MiB)',
        unit: 'MiB',
        roster: one(rss.load),
        baseline: null,
        goal: 'reported',
        met: null,
      });
    }
  } finally {
    await a?.roster.stop();
    for (const db of databases) {
      await db.drop().catch(() => {});
    }
  }
  const result = {
    date: new Date().toISOString(),
    quick: QUICK,
    pairs: PAIRS,
    secondsPerRun: SECONDS,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      platform: `${os.platform()} ${os.release()}`,
    },
    node: process.version,
    postgres: await pgVersion(),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    rows,
  };
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  const file = join(ROOT, 'bench/results', QUICK ? 'quick.json' : 'latest.json');
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\n${rows.length} figures in ${result.durationSeconds} s; written to ${file}`);
  const missed = rows.filter((r) => r.met === false);
  if (missed.length > 0) {
    console.log(`goals missed: ${missed.map((r) => `${r.scenario} ${r.figure}`).join('; ')}`);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
