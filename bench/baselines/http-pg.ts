/**
 * Baseline for scenarios a and c: the least a Node.js process must do to answer the same requests
 * as Roster. A bare `node:http` server, the same SQL statements as Roster's route (authenticate
 * the key, then read) as named prepared statements through a `pg` pool of the same size, and
 * `JSON.stringify`. No framework, no validation, no logging.
 *
 * Env: PORT, DATABASE_URL, POOL_SIZE, REDIS_URL (optional: heartbeats go to the Redis store).
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { PresenceStore } from '../../src/core/presence/presence-store.js';
import { MemoryPresenceStore } from '../../src/realtime/memory-presence-store.js';
import { RedisPresenceStore } from '../../src/realtime/redis-presence-store.js';
import { TEAM_WITH_MEMBERS_SQL, teamBody } from './team-statement.js';

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.POOL_SIZE ?? 10),
});
const store: PresenceStore = process.env.REDIS_URL
  ? new RedisPresenceStore(
      // Auto-pipelining, as Roster's own client has it (src/realtime/redis-client.ts).
      new Redis(process.env.REDIS_URL, { enableAutoPipelining: true }),
      60_000,
      { prefix: 'bench-baseline:' },
    )
  : new MemoryPresenceStore(60_000);

const AUTH = {
  name: 'auth',
  text: `SELECT k.id, k.org_id, k.scopes, k.agent_id, k.expires_at, a.role, a.status, a.trashed_at IS NOT NULL AS trashed
         FROM api_keys k LEFT JOIN agents a ON a.org_id = k.org_id AND a.id = k.agent_id
         WHERE k.key_hash = $1`,
};
const TEAM = { name: 'team', text: TEAM_WITH_MEMBERS_SQL };

const AGENT = { name: 'agent', text: 'SELECT id FROM agents WHERE org_id = $1 AND id = $2' };

async function orgOf(authorization: string | undefined): Promise<string | null> {
  const secret = authorization?.slice('Bearer '.length) ?? '';
  const hash = createHash('sha256').update(secret).digest('hex');
  const { rows } = await pool.query<{ org_id: string }>({ ...AUTH, values: [hash] });
  return rows[0]?.org_id ?? null;
}

const TEAM_PATH = /^\/v1\/teams\/([0-9a-f-]{36})$/;
const HEARTBEAT_PATH = /^\/v1\/agents\/([0-9a-f-]{36})\/presence\/heartbeat$/;

createServer(async (req, res) => {
  try {
    if (req.url === '/readyz') {
      res.end('{}');
      return;
    }
    const orgId = await orgOf(req.headers.authorization);
    if (orgId === null) {
      res.writeHead(401).end();
      return;
    }
    const team = TEAM_PATH.exec(req.url ?? '');
    if (req.method === 'GET' && team) {
      const found = await pool.query({ ...TEAM, values: [orgId, team[1]] });
      res.writeHead(200, { 'content-type': 'application/json', etag: `"${found.rows[0].version}"` });
      res.end(teamBody(found.rows[0]));
      return;
    }
    const beat = HEARTBEAT_PATH.exec(req.url ?? '');
    if (req.method === 'POST' && beat) {
      for await (const _ of req) {
        // drain the body
      }
      const agentId = beat[1] as string;
      const { rows } = await pool.query({ ...AGENT, values: [orgId, agentId] });
      if (rows.length === 0) {
        res.writeHead(404).end();
        return;
      }
      await store.heartbeat(orgId, agentId, 'default', [], new Date());
      res.writeHead(204).end();
      return;
    }
    res.writeHead(404).end();
  } catch (err) {
    res.writeHead(500).end(String(err));
  }
}).listen(Number(process.env.PORT), '127.0.0.1');
