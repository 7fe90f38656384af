import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createPgDatabase, TEST_DB_KIND } from './harness.js';
import { createAgents, type Outcome, request, until } from './load.js';
import { killServers, type Server, startServer } from './server.js';

const MASTER = `roster_mk_crash_${'c'.repeat(32)}`;
/** Ids in each bulk membership change: the most one call may name. */
const BATCH = 1000;
const TEAMS = 8;
/** Agents who take conversations, and how many each may hold. */
const ROUTED_AGENTS = 10;
const CAPACITY = 2;

/** Every item of a /v1 list, page by page. */
async function listAll<T>(base: string, path: string): Promise<T[]> {
  const items: T[] = [];
  for (let skip = 0; ; skip += 100) {
    const page = await request(
      base,
      'GET',
      `${path}${path.includes('?') ? '&' : '?'}limit=100&skip=${skip}`,
      {
        key: MASTER,
      },
    );
    assert.equal(page.status, 200, JSON.stringify(page.body));
    items.push(...(page.body as T[]));
    if ((page.body as T[]).length < 100) {
      return items;
    }
  }
}

/** SIGKILL, and the exit it causes. */
async function crash(server: Server): Promise<void> {
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGKILL');
  await exited;
}

/**
 * `kill -9` of the real server in the middle of bulk membership changes and of routing, then a
 * restart on the same database: every change is complete or absent, and no agent holds more
 * conversations than its capacity.
 */
describe('crash safety: kill -9 during writes, restart on the same data', { timeout: 150_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'roster-crash-'));
  let env: Record<string, string> = { ROSTER_DATA_DIR: dataDir, ROSTER_MASTER_KEY: MASTER };
  let drop = async () => {};
  let server: Server;
  let agentIds: string[] = [];

  before(async () => {
    if (TEST_DB_KIND === 'postgres') {
      const database = await createPgDatabase();
      env = { ...env, DATABASE_URL: database.url };
      drop = database.drop;
    }
    server = await startServer(env);
    agentIds = await createAgents(server.base, MASTER, 'crash', BATCH);
  });

  after(async () => {
    killServers();
    rmSync(dataDir, { recursive: true, force: true });
    await drop();
  });

  it('bulk membership changes of 1,000 ids are all or nothing', async () => {
    const teamIds: string[] = [];
    for (let i = 0; i < TEAMS; i++) {
      const team = await request(server.base, 'POST', '/v1/teams', {
        key: MASTER,
        body: { name: `bulk ${i}` },
      });
      assert.equal(team.status, 201);
      teamIds.push((team.body as { id: string }).id);
    }
    const answered = new Map<string, Outcome>();
    const sent = new Set<string>();
    // Two clients change team after team, back to back, until the process dies under them.
    const client = async (offset: number) => {
      for (let i = offset; i < TEAMS; i += 2) {
        const teamId = teamIds[i] as string;
        sent.add(teamId);
        const outcome = await request(server.base, 'PATCH', `/v1/teams/${teamId}/members`, {
          key: MASTER,
          body: { add: agentIds },
        });
        if (outcome.status === 0) {
          return;
        }
        answered.set(teamId, outcome);
      }
    };
    const clients = [client(0), client(1)];
    await until('two bulk changes to complete', async () => (answered.size >= 2 ? true : undefined), 60_000);
    const inFlight = [...sent].filter((id) => !answered.has(id));
    await crash(server);
    await Promise.all(clients);
    assert.ok(inFlight.length > 0, 'bulk changes were in flight when the process was killed');
    assert.ok(answered.size < TEAMS, 'the kill came before the last change');

    server = await startServer(env);
    for (const teamId of teamIds) {
      const members = await listAll<{ id: string }>(server.base, `/v1/teams/${teamId}/members`);
      assert.ok(members.length === 0 || members.length === BATCH, `team has ${members.length} of ${BATCH}`);
      const outcome = answered.get(teamId);
      if (outcome?.status === 200) {
        assert.equal(members.length, BATCH, 'an acknowledged change survives the crash');
      }
    }
  });

  it('routing never leaves an agent over its capacity', async () => {
    const team = await request(server.base, 'POST', '/v1/teams', {
      key: MASTER,
      body: { name: 'routed', routing: 'least_busy', default_max_concurrent: CAPACITY },
    });
    assert.equal(team.status, 201, JSON.stringify(team.body));
    const teamId = (team.body as { id: string }).id;
    const routed = agentIds.slice(0, ROUTED_AGENTS);
    const added = await request(server.base, 'PATCH', `/v1/teams/${teamId}/members`, {
      key: MASTER,
      body: { add: routed },
    });
    assert.equal(added.status, 200);
    for (const id of routed) {
      const beat = await request(server.base, 'POST', `/v1/agents/${id}/presence/heartbeat`, {
        key: MASTER,
        body: { device_id: 'crash' },
      });
      assert.equal(beat.status, 204);
    }

    let assigned = 0;
    let created = 0;
    let stop = false;
    // Creates conversations into the team and closes some of what it got, so that the queue drains
    // into freed capacity while the process dies.
    const client = async (c: number) => {
      for (let i = 0; !stop; i++) {
        const made = await request(server.base, 'POST', '/v1/conversations', {
          key: MASTER,
          body: { team_id: teamId, channel: 'chat', external_id: `crash-${c}-${i}` },
        });
        if (made.status === 0) {
          return;
        }
        assert.equal(made.status, 201, JSON.stringify(made.body));
        created++;
        const conversation = made.body as { id: string; status: string };
        if (conversation.status === 'assigned') {
          assigned++;
          if (i % 2 === 0) {
            const closed = await request(server.base, 'PATCH', `/v1/conversations/${conversation.id}`, {
              key: MASTER,
              body: { status: 'closed' },
            });
            if (closed.status === 0) {
              return;
            }
          }
        }
      }
    };
    const clients = Array.from({ length: 4 }, (_, c) => client(c));
    await until(
      'the team to fill up and queue',
      async () => (assigned >= ROUTED_AGENTS * CAPACITY && created > assigned + 20 ? true : undefined),
      60_000,
    );
    await crash(server);
    stop = true;
    await Promise.all(clients);

    server = await startServer(env);
    const open = await listAll<{ assignee_id: string | null; status: string }>(
      server.base,
      '/v1/conversations?status=assigned',
    );
    const load = new Map<string, number>();
    for (const conversation of open) {
      assert.ok(conversation.assignee_id, 'an assigned conversation has its agent');
      load.set(conversation.assignee_id, (load.get(conversation.assignee_id) ?? 0) + 1);
    }
    assert.ok(open.length > 0, 'conversations were assigned before the crash');
    for (const [agentId, count] of load) {
      assert.ok(count <= CAPACITY, `agent ${agentId} holds ${count} conversations, capacity ${CAPACITY}`);
    }
    const all = await listAll<{ id: string }>(server.base, `/v1/conversations?team_id=${teamId}`);
    assert.ok(all.length >= created, `${all.length} conversations kept, ${created} acknowledged`);
    assert.equal(await server.stop(), 0);
  });
});
