/**
 * scim. Provisioning through SCIM as an identity provider does it (one user per request, 4 at a
 * time; then groups created empty and filled by one PATCH each), against the same through /v1
 * (POST /v1/agents, 4 at a time, no bulk create exists; POST /v1/teams plus one bulk PATCH of its
 * members); and `GET /scim/v2/Users?filter=userName eq "..."` latency with 100,000 agents in the org.
 */
import { seedAgents, tenant } from '../data.js';
import { api, freshDatabase, must, POOL_SIZE, percentile, startRoster } from '../lib.js';
import { one, record } from '../report.js';
import type { Bench, Scenario, Tenant } from '../scenario.js';
import { QUICK, SEQUENTIAL_SAMPLES } from '../settings.js';

const USERS = QUICK ? 400 : 10_000;
const GROUPS = QUICK ? 4 : 100;
const GROUP_SIZE = 100;
const AGENTS_FOR_FILTER = QUICK ? 5_000 : 100_000;
const CONCURRENCY = 4;

/** Runs `task(i)` for i in [0, n) with `concurrency` in flight; returns the wall time (s). */
async function inParallel(
  n: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        await task(i);
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

/** A key holding only the scope `scim`, for the tenant's org. */
async function scimKey(base: string, t: Tenant): Promise<string> {
  const key = await must(
    api<{ key: string }>(base, t.key, 'POST', '/v1/api-keys', { name: 'idp', scopes: ['scim'] }),
    201,
  );
  return key.key;
}

async function viaScim(base: string, t: Tenant) {
  const key = await scimKey(base, t);
  const ids: string[] = [];
  const users = await inParallel(USERS, CONCURRENCY, async (i) => {
    const login = `scim${i}@idp.test`;
    const body = {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: login,
      externalId: `00u${i}`,
      name: { givenName: 'Idp', familyName: `User ${i}` },
      emails: [{ primary: true, value: login, type: 'work' }],
      active: true,
    };
    ids[i] = (await must(api<{ id: string }>(base, key, 'POST', '/scim/v2/Users', body), 201)).id;
  });
  const groups = await inParallel(GROUPS, CONCURRENCY, async (g) => {
    const group = await must(
      api<{ id: string }>(base, key, 'POST', '/scim/v2/Groups', {
        displayName: `scim group ${g}`,
        members: [],
      }),
      201,
    );
    const members = ids.slice(g * GROUP_SIZE, (g + 1) * GROUP_SIZE).map((value) => ({ value }));
    const patch = {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'add', path: 'members', value: members }],
    };
    await must(api(base, key, 'PATCH', `/scim/v2/Groups/${group.id}`, patch), 204);
  });
  return { users, groups, key };
}

async function viaV1(base: string, t: Tenant) {
  const ids: string[] = [];
  const users = await inParallel(USERS, CONCURRENCY, async (i) => {
    const body = { email: `v1-${i}@idp.test`, full_name: `V1 User ${i}`, username: `v1-${i}@idp.test` };
    ids[i] = (await must(api<{ id: string }>(base, t.key, 'POST', '/v1/agents', body), 201)).id;
  });
  const groups = await inParallel(GROUPS, CONCURRENCY, async (g) => {
    const team = await must(
      api<{ id: string }>(base, t.key, 'POST', '/v1/teams', { name: `v1 group ${g}` }),
      201,
    );
    const add = ids.slice(g * GROUP_SIZE, (g + 1) * GROUP_SIZE);
    await must(api(base, t.key, 'PATCH', `/v1/teams/${team.id}/members`, { add }), 200);
  });
  return { users, groups };
}

async function run(bench: Bench): Promise<void> {
  console.log(`\nscim. ${USERS} users then ${GROUPS} groups of ${GROUP_SIZE}: SCIM (4 at a time) vs /v1`);
  const db = await freshDatabase('scim');
  bench.databases.push(db);
  const roster = await startRoster({ DATABASE_URL: db.url, ROSTER_DB_POOL_SIZE: String(POOL_SIZE) });
  bench.processes.push(roster);
  const scimTenant = await tenant(roster.base);
  const v1Tenant = await tenant(roster.base);
  const scim = await viaScim(roster.base, scimTenant);
  const v1 = await viaV1(roster.base, v1Tenant);
  const base = { scenario: 'scim', unit: 's', goal: 'reported (baseline: /v1)', met: null };
  record({
    ...base,
    figure: `${USERS} users, one per request (s)`,
    roster: one(scim.users),
    baseline: one(v1.users),
  });
  record({
    ...base,
    figure: `${GROUPS} groups of ${GROUP_SIZE} members (s)`,
    roster: one(scim.groups),
    baseline: one(v1.groups),
  });

  // The filter IdPs send before every create, with the org grown to AGENTS_FOR_FILTER agents.
  await seedAgents(db.url, scimTenant.orgId, AGENTS_FOR_FILTER - USERS, 'scim');
  const times: number[] = [];
  for (let i = 0; i < SEQUENTIAL_SAMPLES * 2; i++) {
    const login = `SCIM${(i * 7919) % USERS}@idp.test`;
    const path = `/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${login}"`)}&startIndex=1&count=100`;
    const res = await api<{ totalResults: number }>(roster.base, scim.key, 'GET', path);
    if (res.status !== 200 || res.body.totalResults !== 1) {
      throw new Error(`scim: filter by userName answered ${res.status} ${JSON.stringify(res.body)}`);
    }
    times.push(res.ms);
  }
  const p99 = percentile(times.slice(SEQUENTIAL_SAMPLES / 2), 99);
  record({
    scenario: 'scim',
    figure: `userName eq filter p99, ${AGENTS_FOR_FILTER / 1000}k agents (ms)`,
    unit: 'ms',
    roster: one(p99),
    baseline: null,
    goal: '<= 10 ms (client-observed, loopback)',
    met: p99 <= 10,
  });
}

export const scenarioScim: Scenario = { name: 'scim', run };
