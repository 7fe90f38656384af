/**
 * h. A day in a contact center: 2,000 agents in 50 teams sending heartbeats every 10 s, 5 % of
 * them changing availability a minute, conversations arriving at 50/s and closed after a random
 * 1-60 s, a supervisor per team polling the team's presence every 2 s, and 20 SSE subscribers;
 * for 60 s (a few in --quick). The load is open-loop (requests go out on schedule, whether or not
 * earlier ones have been answered), as a contact center's traffic does. The mix runs twice with
 * Roster as superuser and twice as an ordinary role under row-level security, in the order
 * superuser, RLS, RLS, superuser, each day on an org of its own in one database: every day leaves
 * the database larger for the next, and this order gives both modes the same share of that. The
 * RLS days together are compared with the superuser days together.
 */
import pg from 'pg';
import { seedAgents, tenant } from '../data.js';
import {
  api,
  type BenchDb,
  databaseEnv,
  freshDatabase,
  type Mode,
  must,
  percentile,
  spread,
  startRoster,
} from '../lib.js';
import { one, record, recordRls } from '../report.js';
import type { Bench, Scenario, Tenant } from '../scenario.js';
import { QUICK } from '../settings.js';

const AGENTS = 2000;
const TEAMS = 50;
const CAPACITY = 5;
const SECONDS = QUICK ? 5 : 60;
/** Longest a conversation stays open (s); shortened in --quick so that some close within the run. */
const LONGEST = QUICK ? 3 : 60;
const SUBSCRIBERS = 20;
/** Requests per second of each kind. */
const RATES = {
  heartbeat: AGENTS / 10,
  availability: (AGENTS * 0.05) / 60,
  create: 50,
  teamPresence: TEAMS / 2,
} as const;
/** In flight at once at most: beyond, a request due is counted as shed by the load generator. */
const MAX_IN_FLIGHT = 400;

type Kind = keyof typeof RATES | 'close';
const KINDS: Kind[] = ['heartbeat', 'availability', 'create', 'close', 'teamPresence'];

interface Day {
  latencies: Record<Kind, number[]>;
  errors: number;
  shed: number;
  events: number;
  queueWaitP99: number;
  overCapacity: number;
  conversations: number;
}

/** Counts the frames of one SSE subscription until aborted. */
function subscribe(base: string, key: string, seen: { events: number }) {
  const controller = new AbortController();
  const done = (async () => {
    const res = await fetch(`${base}/v1/events`, {
      headers: { authorization: `Bearer ${key}` },
      signal: controller.signal,
    });
    const reader = res.body?.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const chunk = await reader?.read();
      if (chunk === undefined || chunk.done) {
        break;
      }
      buffer += decoder.decode(chunk.value, { stream: true });
      const frames = buffer.split('\n\n');
      buffer = frames.pop() ?? '';
      seen.events += frames.filter((frame) => /^event: /m.test(frame)).length;
    }
  })().catch((err: unknown) => {
    if ((err as Error).name !== 'AbortError') {
      throw err;
    }
  });
  return { close: () => controller.abort(), done };
}

/** An org of 2,000 agents in 50 teams, all online. */
async function setUp(base: string, db: BenchDb): Promise<{ t: Tenant; agents: string[]; teams: string[] }> {
  const t = await tenant(base);
  const agents = await seedAgents(db.url, t.orgId, AGENTS, 'h');
  const teams: string[] = [];
  const size = AGENTS / TEAMS;
  for (let i = 0; i < TEAMS; i++) {
    const team = await must(
      api<{ id: string }>(base, t.key, 'POST', '/v1/teams', {
        name: `team ${i}`,
        routing: 'least_busy',
        default_max_concurrent: CAPACITY,
      }),
      201,
    );
    const add = agents.slice(i * size, (i + 1) * size);
    await must(api(base, t.key, 'PATCH', `/v1/teams/${team.id}/members`, { add }), 200);
    teams.push(team.id);
  }
  for (let i = 0; i < agents.length; i += 50) {
    await Promise.all(
      agents
        .slice(i, i + 50)
        .map((id) => must(api(base, t.key, 'POST', `/v1/agents/${id}/presence/heartbeat`, {}), 204)),
    );
  }
  return { t, agents, teams };
}

/** Agents holding more open conversations than their capacity. */
async function overCapacity(client: pg.Client, orgId: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (
       SELECT assignee_id FROM conversations WHERE org_id = $1 AND status = 'assigned'
       GROUP BY assignee_id HAVING count(*) > $2) over`,
    [orgId, CAPACITY],
  );
  return rows[0]?.n ?? 0;
}

async function day(base: string, db: BenchDb): Promise<Day> {
  const { t, agents, teams } = await setUp(base, db);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const latencies = Object.fromEntries(KINDS.map((k) => [k, [] as number[]])) as Record<Kind, number[]>;
  let errors = 0;
  let shed = 0;
  let inFlight = 0;
  const pending = new Set<Promise<void>>();
  const closes = new Set<NodeJS.Timeout>();
  const send = (
    kind: Kind,
    method: string,
    path: string,
    body: unknown,
    expected: number,
    then?: (b: unknown) => void,
  ) => {
    if (inFlight >= MAX_IN_FLIGHT) {
      shed++;
      return;
    }
    inFlight++;
    const p = api(base, t.key, method, path, body)
      .then((res) => {
        if (res.status !== expected) {
          errors++;
          return;
        }
        latencies[kind].push(res.ms);
        then?.(res.body);
      })
      .catch(() => {
        errors++;
      })
      .finally(() => {
        inFlight--;
        pending.delete(p);
      });
    pending.add(p);
  };
  const available = new Map<string, boolean>();
  const seen = { events: 0 };
  const subs = Array.from({ length: SUBSCRIBERS }, () => subscribe(base, t.key, seen));
  const sent = Object.fromEntries(Object.keys(RATES).map((k) => [k, 0])) as Record<
    keyof typeof RATES,
    number
  >;
  let over = 0;
  const started = performance.now();
  const fire = (kind: keyof typeof RATES, n: number) => {
    switch (kind) {
      case 'heartbeat':
        return send(kind, 'POST', `/v1/agents/${agents[n % AGENTS]}/presence/heartbeat`, {}, 204);
      case 'availability': {
        const id = agents[Math.floor(Math.random() * AGENTS)] as string;
        const next = !(available.get(id) ?? true);
        available.set(id, next);
        return send(kind, 'PUT', `/v1/agents/${id}/availability`, { available: next }, 200);
      }
      case 'teamPresence':
        return send(kind, 'GET', `/v1/teams/${teams[n % TEAMS]}/presence`, undefined, 200);
      case 'create':
        return send(kind, 'POST', '/v1/conversations', { team_id: teams[n % TEAMS] }, 201, (b) => {
          const id = (b as { id: string }).id;
          const timer = setTimeout(
            () => {
              closes.delete(timer);
              send('close', 'PATCH', `/v1/conversations/${id}`, { status: 'closed' }, 200);
            },
            1000 + Math.random() * (LONGEST - 1) * 1000,
          );
          closes.add(timer);
        });
    }
  };
  let ticks = 0;
  while (performance.now() - started < SECONDS * 1000) {
    const elapsed = (performance.now() - started) / 1000;
    for (const kind of Object.keys(RATES) as (keyof typeof RATES)[]) {
      while (sent[kind] < RATES[kind] * elapsed) {
        fire(kind, sent[kind]++);
      }
    }
    if (++ticks % 40 === 0) {
      over = Math.max(over, await overCapacity(client, t.orgId));
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  for (const timer of closes) {
    clearTimeout(timer);
  }
  await Promise.all([...pending]);
  over = Math.max(over, await overCapacity(client, t.orgId));
  for (const sub of subs) {
    sub.close();
  }
  await Promise.all(subs.map((s) => s.done));
  // Queue wait: creation to assignment, or to now for one still queued.
  const { rows } = await client.query<{ p99: number | null; n: number }>(
    `SELECT percentile_cont(0.99) WITHIN GROUP (
         ORDER BY extract(epoch FROM coalesce(assigned_at, now()) - created_at) * 1000) AS p99,
       count(*)::int AS n
     FROM conversations WHERE org_id = $1`,
    [t.orgId],
  );
  await client.end();
  return {
    latencies,
    errors,
    shed,
    events: seen.events,
    queueWaitP99: Number(rows[0]?.p99 ?? 0),
    overCapacity: over,
    conversations: rows[0]?.n ?? 0,
  };
}

/** Several days of one mode as one: every latency, the sums, and the worst queue wait. */
function together(days: Day[]): Day {
  const sum = (f: (d: Day) => number) => days.reduce((total, d) => total + f(d), 0);
  return {
    latencies: Object.fromEntries(
      KINDS.map((k) => [k, days.flatMap((d) => d.latencies[k])]),
    ) as Day['latencies'],
    errors: sum((d) => d.errors),
    shed: sum((d) => d.shed),
    events: sum((d) => d.events),
    queueWaitP99: Math.max(...days.map((d) => d.queueWaitP99)),
    overCapacity: Math.max(...days.map((d) => d.overCapacity)),
    conversations: sum((d) => d.conversations),
  };
}

async function run(bench: Bench): Promise<void> {
  console.log(`\nh. a day in a contact center: ${AGENTS} agents, ${TEAMS} teams, ${SECONDS} s`);
  const db = await freshDatabase('h');
  bench.databases.push(db);
  const byMode: Record<Mode, Day[]> = { superuser: [], rls: [] };
  for (const mode of ['superuser', 'rls', 'rls', 'superuser'] as const) {
    const roster = await startRoster(databaseEnv(db, mode));
    try {
      byMode[mode].push(await day(roster.base, db));
    } finally {
      await roster.stop();
    }
  }
  const days = { superuser: together(byMode.superuser), rls: together(byMode.rls) };
  const { superuser: su, rls } = days;
  for (const kind of KINDS) {
    const [p50, p99] = [50, 99].map((p) => ({
      rls: one(percentile(rls.latencies[kind], p)),
      su: one(percentile(su.latencies[kind], p)),
    }));
    if (p50 === undefined || p99 === undefined) {
      continue;
    }
    const n = `${rls.latencies[kind].length}/${su.latencies[kind].length}`;
    recordRls({ scenario: 'h', figure: `${kind} (${n}) p50 (ms)`, unit: 'ms' }, p50.rls, p50.su, 'lower');
    recordRls({ scenario: 'h', figure: `${kind} p99 (ms)`, unit: 'ms' }, p99.rls, p99.su, 'lower');
  }
  const answered = (d: Day) =>
    spread([KINDS.reduce((sum, k) => sum + d.latencies[k].length, 0) / (SECONDS * byMode.rls.length)]);
  recordRls(
    { scenario: 'h', figure: 'requests answered/s', unit: 'req/s' },
    answered(rls),
    answered(su),
    'higher',
  );
  recordRls(
    { scenario: 'h', figure: 'queue wait p99 (ms)', unit: 'ms' },
    one(rls.queueWaitP99),
    one(su.queueWaitP99),
    'lower',
  );
  for (const [mode, d] of Object.entries(days)) {
    record({
      scenario: 'h',
      figure: `${mode}: agents above capacity (${d.conversations} conversations, ${d.events} SSE events)`,
      unit: 'agents',
      roster: one(d.overCapacity),
      baseline: null,
      goal: `0, no error (${d.errors} errors, ${d.shed} shed)`,
      met: d.overCapacity === 0 && d.errors === 0,
    });
  }
}

export const scenarioH: Scenario = { name: 'h', run };
