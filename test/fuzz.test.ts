import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { Ctx } from '../src/core/context.js';
import { createOrg } from '../src/core/orgs/orgs.js';
import { createPresenceStatus } from '../src/core/presence/presence-statuses.js';
import { updateSupervisorAgents } from '../src/core/supervisors/supervisors.js';
import { addTeamMember } from '../src/core/teams/team-members.js';
import { fromWebexId } from '../src/http/compat/webex/ids.js';
import { buildAgent, buildKey, buildOrg, buildTeam } from './factories.js';
import { excusals, ResponseChecker, type ResponseLike } from './fuzz/checks.js';
import type { IdKind, Pools } from './fuzz/generate.js';
import { KNOWN_BUGS } from './fuzz/known-bugs.js';
import { type Operation, operationsOf } from './fuzz/openapi.js';
import { type FuzzRequest, fuzzerFor } from './fuzz/requests.js';
import { createTestApp, TEST_DB_KIND, TEST_MASTER_KEY, type TestApp } from './harness.js';

/**
 * API fuzzing from the OpenAPI document the app serves: for every operation, requests drawn from
 * its schemas, half of them then broken (wrong types, missing or unknown fields, huge strings,
 * odd unicode, bad UUIDs, deeply nested JSON, empty or non-JSON bodies). Every response must be
 * below 500 and match the schema documented for its status; a request the schemas forbid must get
 * a 4xx in the operation's documented error shape.
 *
 * ROSTER_FUZZ_RUNS cases per operation (200; `npm run fuzz` runs 2000), from ROSTER_FUZZ_SEED
 * (logged). A failure prints the seed and fast-check's path; rerun with both to replay it.
 */

const RUNS = Number(process.env.ROSTER_FUZZ_RUNS ?? 200);
/** ROSTER_FUZZ_COLLECT=1 runs every case and lists each distinct violation instead of failing. */
const COLLECT = process.env.ROSTER_FUZZ_COLLECT === '1';
const SEED = Number(process.env.ROSTER_FUZZ_SEED ?? 20_240_610);

/** Routes only the master key may call; everything else is called with an org's `*` key. */
const MASTER_ONLY = /^\/v1\/orgs(\/|$)/;

let env: TestApp;
let home: Ctx;
let orgKey: string;
/** A `*` key bound to an owner outside the pools, for dialects that name the key's agent (X-User-Id). */
let bound: { secret: string; agentId: string };
let baseUrl: string;
const pools: Record<Exclude<IdKind, 'any'>, string[]> = {
  agent: [],
  team: [],
  org: [],
  key: [],
  status: [],
  actingOrg: [],
};
const poolsView: Pools = {
  values: (kind) => (kind === 'any' ? [...pools.agent, ...pools.team] : pools[kind]),
};

let serial = 0;
const refill: Record<Exclude<IdKind, 'any' | 'actingOrg'>, () => Promise<string>> = {
  agent: async () => (await buildAgent(home)).id,
  team: async () => (await buildTeam(home)).id,
  org: async () => (await createOrg(env.masterCtx, { name: `Fuzz spare ${serial++}` })).id,
  key: async () => (await buildKey(home, { scopes: ['agents:read'] })).row.id,
  status: async () =>
    (
      await createPresenceStatus(home, {
        key: `fuzz-${serial++}`,
        label: 'Fuzz',
        available: serial % 2 === 0,
      })
    ).key,
};

/** Rows the fuzz acts on: agents of every role in teams, supervisors, custom statuses, spare keys and orgs. */
async function seed(): Promise<void> {
  home = await buildOrg(env, 'Fuzz org');
  orgKey = (await buildKey(home, { scopes: ['*'] })).secret;
  const owner = await buildAgent(home, { role: 'owner' });
  bound = { secret: (await buildKey(home, { scopes: ['*'], agentId: owner.id })).secret, agentId: owner.id };
  pools.actingOrg.push(home.actor.orgId);
  const roles = ['owner', 'admin', 'supervisor', 'agent'] as const;
  for (let i = 0; i < 12; i++) {
    pools.agent.push((await buildAgent(home, { role: roles[i % roles.length] })).id);
  }
  for (let i = 0; i < 5; i++) {
    const team = (await buildTeam(home)).id;
    pools.team.push(team);
    for (const agent of pools.agent.slice(i, i + 4)) {
      await addTeamMember(home, team, agent);
    }
  }
  await updateSupervisorAgents(home, pools.agent[2] as string, {
    add: pools.agent.slice(6, 9),
    remove: [],
  });
  for (let i = 0; i < 4; i++) {
    pools.status.push(await refill.status());
    pools.key.push(await refill.key());
    pools.org.push(await refill.org());
  }
}

/** After a successful DELETE of a pooled row, another takes its place so later cases find rows. */
async function replace(op: Operation, request: FuzzRequest, status: number): Promise<void> {
  if (op.method !== 'DELETE' || status >= 300 || !/\}$/.test(op.path)) {
    return;
  }
  const last = decodeURIComponent(request.url.split('?')[0]?.split('/').pop() ?? '').toLowerCase();
  const id = fromWebexId(last, 'PEOPLE') ?? last.replace(/^urn:uuid:/, '');
  for (const kind of Object.keys(refill) as (keyof typeof refill)[]) {
    const at = pools[kind].indexOf(id);
    if (at >= 0) {
      pools[kind][at] = await refill[kind]();
    }
  }
}

/** Sends over a socket: a successful stream answers with headers only, so the request is dropped then. */
interface Sent extends ResponseLike {
  streamed: boolean;
  /** Answered by the HTTP server below the app: no check applies. */
  transport?: boolean;
}

async function sendStreaming(request: FuzzRequest): Promise<Sent> {
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}${request.url}`, {
    method: request.method,
    headers: request.headers,
    ...(request.payload === undefined ? {} : { body: request.payload }),
    signal: controller.signal,
  });
  const headers = Object.fromEntries(res.headers.entries());
  if (res.status === 431) {
    // Node's HTTP parser refused the request line (a query of tens of kilobytes) before the app saw it.
    await res.text();
    return { statusCode: 431, headers, body: '', streamed: false, transport: true };
  }
  if (String(headers['content-type']).startsWith('text/event-stream')) {
    controller.abort();
    return { statusCode: res.status, headers, body: '', streamed: true };
  }
  return { statusCode: res.status, headers, body: await res.text(), streamed: false };
}

async function sendInjected(request: FuzzRequest): Promise<Sent> {
  const res = await env.app.inject({
    method: request.method,
    url: request.url,
    headers: request.headers,
    ...(request.payload === undefined ? {} : { payload: request.payload }),
  });
  return { statusCode: res.statusCode, headers: res.headers, body: res.body, streamed: false };
}

function describeExchange(request: FuzzRequest, res: ResponseLike): string {
  const payload = request.payload ?? '(none)';
  return [
    `${request.method} ${request.url.slice(0, 300)}`,
    `  headers: ${JSON.stringify(request.headers).replace(/roster_[a-z]+_[A-Za-z0-9_-]+/g, '<key>')}`,
    `  body: ${payload.slice(0, 300)}${payload.length > 300 ? `…(${payload.length} chars)` : ''}`,
    `  mutation: ${request.mutation}; schemas forbid it: ${request.invalid ?? 'no'}`,
    `  -> ${res.statusCode} ${String(res.headers['content-type'] ?? '')} ${res.body.slice(0, 400)}`,
  ].join('\n');
}

interface Tally {
  cases: number;
  invalid: number;
  statuses: Map<number, number>;
}
const tallies = new Map<string, Tally>();
const collected = new Map<string, string>();

describe(`API fuzzing from openapi.json (seed ${SEED}, ${RUNS} cases per operation, ${TEST_DB_KIND})`, () => {
  let operations: Operation[] = [];

  before(async () => {
    env = await createTestApp();
    await seed();
    const address = await env.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = address.startsWith('http')
      ? address
      : `http://127.0.0.1:${(env.app.server.address() as AddressInfo).port}`;
    const res = await env.app.inject({ method: 'GET', url: '/openapi.json' });
    // Writes first, DELETEs last, so deletes never starve the other operations of rows.
    operations = operationsOf(res.json()).sort(
      (a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'),
    );
    console.log(
      `fuzz: seed ${SEED} (ROSTER_FUZZ_SEED), ${RUNS} cases per operation (ROSTER_FUZZ_RUNS), ` +
        `${operations.length} operations, ${TEST_DB_KIND}`,
    );
  });

  after(async () => {
    let total = 0;
    let invalid = 0;
    for (const [id, tally] of tallies) {
      total += tally.cases;
      invalid += tally.invalid;
      const statuses = [...tally.statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
      console.log(`fuzz: ${id}: ${tally.cases} cases (${tally.invalid} invalid) ${statuses.join(' ')}`);
    }
    console.log(`fuzz: ${total} cases (${invalid} invalid) over ${tallies.size} operations, seed ${SEED}`);
    for (const [bug, ops] of excusals) {
      console.log(
        `fuzz: known bug excused (${bug.check} ${bug.status}) on ${[...ops].join(', ')}: ${bug.bug}`,
      );
    }
    for (const [key, example] of collected) {
      console.log(`fuzz violation: ${key}\n${example}\n`);
    }
    await env.close();
  });

  it('covers every documented operation', () => {
    assert.ok(operations.length > 0);
  });

  it('fuzzes every operation', async (t) => {
    for (const op of operations) {
      await t.test(op.id, async () => {
        const fuzzer = fuzzerFor(op, poolsView);
        const checker = new ResponseChecker(op, KNOWN_BUGS);
        const needsAgent = op.credentials.some((c) => c.value === 'userId');
        const key = MASTER_ONLY.test(op.path) ? TEST_MASTER_KEY : needsAgent ? bound.secret : orgKey;
        const credentials = Object.fromEntries(
          op.credentials.map((c) => [c.header, `${c.prefix}${c.value === 'userId' ? bound.agentId : key}`]),
        );
        const tally: Tally = { cases: 0, invalid: 0, statuses: new Map() };
        tallies.set(op.id, tally);
        await fc.assert(
          fc.asyncProperty(fuzzer.cases, async (c) => {
            const request = fuzzer.build(c, credentials);
            const res = op.stream ? await sendStreaming(request) : await sendInjected(request);
            tally.cases++;
            tally.invalid += request.invalid === null ? 0 : 1;
            tally.statuses.set(res.statusCode, (tally.statuses.get(res.statusCode) ?? 0) + 1);
            await replace(op, request, res.statusCode);
            const violations = res.transport ? [] : checker.check(request, res, { streamed: res.streamed });
            if (COLLECT) {
              for (const v of violations) {
                const key = `${op.id} | ${v.check} | ${res.statusCode}`;
                if (!collected.has(key)) {
                  collected.set(key, `${v.message}\n${describeExchange(request, res)}`);
                }
              }
            } else if (violations.length > 0) {
              throw new Error(
                `${op.id}: ${violations.map((v) => `[${v.check}] ${v.message}`).join('; ')}\n${describeExchange(request, res)}`,
              );
            }
          }),
          {
            numRuns: RUNS,
            seed: SEED,
            endOnFailure: process.env.ROSTER_FUZZ_SHRINK !== '1',
            includeErrorInReport: true,
          },
        );
      });
    }
  });
});
