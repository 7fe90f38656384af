import pg from 'pg';
import { bareClaimLoop } from '../baselines/claim-sql.js';
import { seedAgents } from '../data.js';
import { api, databaseEnv, inSlices, type Load, load, must, POOL_SIZE, spread, startRoster } from '../lib.js';
import { one, record, recordEventsCost, recordRls } from '../report.js';
import { type Bench, from, type Scenario } from '../scenario.js';
import { PAIRS, SECONDS } from '../settings.js';

/**
 * d. Routing decisions: conversations created into a team of 500 online agents, against the bare
 * claim loop (bench/baselines/claim-sql.ts); under row-level security against superuser; and with
 * its events and audit records against a server of the same database writing none
 * (ROSTER_RECORD_EVENTS=off), what they cost the routing path.
 */
async function run(bench: Bench): Promise<void> {
  const a = from(bench, 'a');
  // Nothing from here on uses a's server. Left running, it would record the offline transitions
  // of c's agents (its presence sweeper) in the middle of this scenario's runs.
  await a.roster.stop();
  await a.rls.stop();
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
  const ttl = { ROSTER_PRESENCE_TTL_SECONDS: '86400' };
  const roster = await startRoster({ ...databaseEnv(a.db, 'superuser'), ...ttl });
  const rls = await startRoster({ ...databaseEnv(a.db, 'rls'), ...ttl });
  const quiet = await startRoster({ ...databaseEnv(a.db, 'superuser'), ...ttl, ROSTER_RECORD_EVENTS: 'off' });
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
    // Each process keeps presence of its own (in-process store): both hear every agent.
    for (const id of agents) {
      await must(api(roster.base, a.t.key, 'POST', `/v1/agents/${id}/presence/heartbeat`, {}), 204);
      await must(api(rls.base, a.t.key, 'POST', `/v1/agents/${id}/presence/heartbeat`, {}), 204);
      await must(api(quiet.base, a.t.key, 'POST', `/v1/agents/${id}/presence/heartbeat`, {}), 204);
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
    const drive = (connections: number, amount?: number, base = roster.base, seconds = SECONDS) =>
      load({
        url: `${base}/v1/conversations`,
        key: a.t.key,
        seconds,
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
    /** A run (or a slice of one) from empty queues, checked after. */
    const measured = (connections: number) => async (base: string, seconds: number) => {
      await reset();
      const run = await drive(connections, undefined, base, seconds);
      if (run.errors > 0) {
        throw new Error(`d: ${run.errors} errors (${run.errorKinds})`);
      }
      const side = base === rls.base ? ' (RLS)' : base === quiet.base ? ' (no events)' : '';
      await allAssigned(`Roster${side}, ${connections} connections`);
      return run;
    };
    await reset();
    await drive(LOADED);
    await reset();
    await drive(LOADED, undefined, rls.base);
    await reset();
    await drive(LOADED, undefined, quiet.base);
    await reset();
    await bare();
    // Planner statistics as autovacuum keeps them on a running system (it analyzes a table after
    // about a tenth of it changed). Without, both sides plan with what the tables held at creation:
    // PostgreSQL then counts an agent's conversations by scanning the whole table, which grows
    // through the run, and every figure measures that instead.
    await client.query('ANALYZE');
    const r = { rate: [] as number[], paced: [] as number[], p50: [] as number[] };
    const l = { rate: [] as number[], paced: [] as number[], p50: [] as number[] };
    const b = { rate: [] as number[], p50: [] as number[] };
    const q = { rate: [] as number[] };
    // Every run leaves its conversations (closed) behind, so each meets a larger table than the
    // one before. The three servers take turns every 2 s (`inSlices`), each slice starting from
    // empty queues, and so do the two of the paced runs: each side meets the same tables and the
    // same seconds of the machine. The bare loop runs whole, between them.
    const sides = [roster.base, rls.base, quiet.base];
    for (let i = 0; i < PAIRS; i++) {
      const loaded = await inSlices(sides, SECONDS, i, measured(LOADED));
      const A = loaded.get(roster.base) as Load;
      const L = loaded.get(rls.base) as Load;
      q.rate.push(loaded.get(quiet.base)?.rps ?? 0);
      await reset();
      const B = await bare();
      await allAssigned('baseline');
      const pacedRuns = await inSlices([roster.base, rls.base], SECONDS, i, measured(POOL_SIZE));
      const paced = pacedRuns.get(roster.base) as Load;
      const pacedRls = pacedRuns.get(rls.base) as Load;
      l.rate.push(L.rps);
      l.paced.push(pacedRls.rps);
      l.p50.push(pacedRls.p50);
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
    const paced = { roster: spread(r.paced), baseline: spread(b.rate) };
    record({
      scenario: 'd',
      figure: `routing decisions/s (${POOL_SIZE} connections)`,
      unit: 'decisions/s',
      ...paced,
      goal: '>= 1.0x',
      met: paced.roster.median >= paced.baseline.median,
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
    const figure = (what: string) => ({ scenario: 'd', figure: what, unit: 'decisions/s' });
    recordRls(figure(`routing decisions/s (${LOADED} connections)`), spread(l.rate), rate.roster, 'higher');
    recordEventsCost(
      figure(`routing decisions/s (${LOADED} connections)`),
      rate.roster,
      spread(q.rate),
      'higher',
    );
    recordRls(
      figure(`routing decisions/s (${POOL_SIZE} connections)`),
      spread(l.paced),
      paced.roster,
      'higher',
    );
    recordRls(
      { ...figure(`p50 per decision (ms, ${POOL_SIZE} connections)`), unit: 'ms' },
      spread(l.p50),
      spread(r.p50),
      'lower',
    );
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
    await rls.stop();
    await quiet.stop();
  }
}

export const scenarioD: Scenario = { name: 'd', needs: ['a'], run };
