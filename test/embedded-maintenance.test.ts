import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { request, until } from './load.js';
import { killServers, startServer } from './server.js';

const MESSAGE = "embedded database: tables vacuumed or analysed by autovacuum's rule";
const MASTER = `roster_mk_maintenance_${'m'.repeat(32)}`;

after(() => {
  killServers();
});

/** Starts the server on a new embedded database, creates 60 agents, and stops it after `wait`. */
async function serveAndCreateAgents(
  maintenanceSeconds: string,
  wait: (stdout: () => string) => Promise<void>,
) {
  const dir = mkdtempSync(join(tmpdir(), 'roster-maintenance-'));
  const server = await startServer({
    ROSTER_DATA_DIR: dir,
    // The embedded database even where the suite runs on PostgreSQL.
    DATABASE_URL: '',
    ROSTER_MASTER_KEY: MASTER,
    ROSTER_EMBEDDED_MAINTENANCE_SECONDS: maintenanceSeconds,
  });
  try {
    const org = await request(server.base, 'POST', '/v1/orgs', { key: MASTER, body: { name: 'upkeep' } });
    assert.equal(org.status, 201);
    const orgId = (org.body as { id: string }).id;
    const agents = Array.from({ length: 60 }, (_, i) => ({
      email: `u${i}@example.com`,
      full_name: `U ${i}`,
    }));
    const bulk = await request(server.base, 'POST', `/v1/agents/bulk?org_id=${orgId}`, {
      key: MASTER,
      body: { agents },
    });
    assert.equal(bulk.status, 200);
    await wait(server.stdout);
  } finally {
    assert.equal(await server.stop(), 0);
  }
  return dir;
}

/** The planner's row count of `agents` as stored in the data directory (-1: never counted). */
async function agentsCounted(dir: string): Promise<number> {
  const db = new PGlite(dir);
  try {
    const { rows } = await db.query<{ reltuples: number }>(
      `SELECT reltuples FROM pg_class WHERE oid = 'public.agents'::regclass`,
    );
    return Number(rows[0]?.reltuples);
  } finally {
    await db.close();
  }
}

describe('the embedded database is vacuumed and analysed by autovacuum rule', () => {
  it('analyses agents once 60 were added, and logs it', async () => {
    const dir = await serveAndCreateAgents('1', async (stdout) => {
      await until(
        'the maintenance log line naming public.agents',
        async () =>
          stdout()
            .split('\n')
            .some((line) => line.includes(MESSAGE) && line.includes('"table":"public.agents"'))
            ? true
            : undefined,
        20_000,
      );
    });
    try {
      // 60 agents and the org's own agent rows, whatever the template holds: counted, not -1.
      assert.ok((await agentsCounted(dir)) >= 60);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves agents never counted when turned off (ROSTER_EMBEDDED_MAINTENANCE_SECONDS=0)', async () => {
    const dir = await serveAndCreateAgents('0', async () => {
      await new Promise((resolve) => setTimeout(resolve, 2_500));
    });
    try {
      assert.equal(await agentsCounted(dir), -1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
