/**
 * What the scale-out run verifies while the load runs: presence crossing instances, an event
 * stream that keeps dropping and resuming through the load balancer, and key revocation; and,
 * at the end, capacity and durability straight from the database.
 */
import pg from 'pg';
import { connectSse, type SseConnection, type SseFrame } from '../../test/sse.js';
import type { Cluster } from './cluster.js';
import { send } from './load.js';

/**
 * An SSE client on the load balancer that drops its connection every `dropEveryMs` and resumes
 * with Last-Event-ID on whichever instance it lands: it must see every event once, in one order.
 */
export class ResumingFollower {
  readonly ids: string[] = [];
  reconnects = 0;
  errors: string[] = [];
  private connection: SseConnection | null = null;
  private stopped = false;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly base: string,
    private readonly key: string,
    private readonly dropEveryMs: number,
  ) {}

  /** Resolves once the first connection is open. */
  async start(): Promise<void> {
    this.connection = await this.connect();
    this.loop = this.run();
  }

  private async connect(): Promise<SseConnection> {
    const last = this.ids.at(-1);
    const connection = await connectSse(`${this.base}/v1/events`, {
      authorization: `Bearer ${this.key}`,
      ...(last === undefined ? {} : { 'last-event-id': last }),
    });
    if (connection.status !== 200) {
      throw new Error(`stream answered ${connection.status}: ${connection.body}`);
    }
    return connection;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const connection = this.connection;
      if (connection !== null) {
        await connection.ended(this.dropEveryMs).catch(() => undefined);
        if (this.connection !== connection) {
          // stop() took this connection's frames meanwhile.
          return;
        }
        connection.close();
        this.take(connection.frames);
        this.connection = null;
      }
      if (this.stopped) {
        return;
      }
      try {
        this.connection = await this.connect();
        this.reconnects++;
      } catch (err) {
        // An instance shutting down or the balancer between checks: try again shortly.
        this.errors.push(String(err));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  private take(frames: SseFrame[]): void {
    for (const frame of frames) {
      if (frame.id !== null) {
        this.ids.push(frame.id);
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const connection = this.connection;
    if (connection !== null) {
      connection.close();
      this.take(connection.frames);
      this.connection = null;
    }
    await this.loop;
  }
}

/**
 * The first `count` events the stream holds after `afterId`, read on one connection; fewer if
 * that many have not come within `withinMs` (the caller's comparison then reports the shortfall).
 */
export async function replayAfter(
  base: string,
  key: string,
  afterId: string,
  count: number,
  withinMs = 30_000,
): Promise<string[]> {
  const connection = await connectSse(`${base}/v1/events`, {
    authorization: `Bearer ${key}`,
    'last-event-id': afterId,
  });
  const deadline = Date.now() + withinMs;
  while (connection.frames.length < count && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  connection.close();
  return connection.frames.slice(0, count).map((frame) => frame.id ?? '');
}

/** How long the probe waits for a transition before it counts it as never reported. */
const MISS_AFTER_MS = 10_000;

/**
 * Presence across instances: an agent no load touches comes online through a heartbeat on one
 * instance (and goes offline by closing its device there), and a stream held on another instance
 * must report each transition. Every transition's delay is recorded; one never reported counts as
 * a miss.
 */
export class PresenceProbe {
  readonly delaysMs: number[] = [];
  misses: string[] = [];
  private streams: (SseConnection | null)[] = [];
  private stopped = false;
  private loop: Promise<void> | null = null;
  private generation = 0;
  private disruptions = 0;

  constructor(
    private readonly cluster: Cluster,
    private readonly key: string,
    private readonly agents: string[],
    /** Instances that are up right now: the probe only uses those. */
    private readonly up: () => boolean[],
  ) {}

  start(): void {
    this.loop = this.run();
  }

  /**
   * Moves on to agents the probe has not touched yet. After Redis comes back empty, the devices
   * that only instances restarted since had recorded are gone (the others re-seed theirs): such an
   * agent reads offline at once, but no one announces its going (docs/scale-out.md), so an agent
   * the probe holds online then cannot be followed to its next transition.
   */
  freshAgents(): void {
    this.generation++;
  }

  /**
   * Marks a disruption (an instance or Redis about to go): a transition in flight across it may go
   * unannounced by design (while Redis is away each instance knows only the devices it saw), so
   * such a transition is not counted as a miss.
   */
  disrupt(): void {
    this.disruptions++;
  }

  private async stream(i: number): Promise<SseConnection | null> {
    const current = this.streams[i] ?? null;
    if (
      current !== null &&
      !(await current.ended(1).then(
        () => true,
        () => false,
      ))
    ) {
      return current;
    }
    current?.close();
    try {
      const next = await connectSse(`${this.cluster.direct(i)}/v1/events?types=agent.presence_changed`, {
        authorization: `Bearer ${this.key}`,
      });
      this.streams[i] = next.status === 200 ? next : null;
    } catch {
      this.streams[i] = null;
    }
    return this.streams[i] ?? null;
  }

  private async run(): Promise<void> {
    let turn = 0;
    const online = new Set<string>();
    while (!this.stopped) {
      // Each generation has its own half of the agents.
      const half = Math.floor(this.agents.length / 2);
      const agent = this.agents[(this.generation % 2) * half + (turn % half)] as string;
      const up = this.up();
      const sender = turn % up.length;
      const observer = (turn + 1) % up.length;
      turn++;
      if (!up[sender] || !up[observer]) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        continue;
      }
      const stream = await this.stream(observer);
      if (stream === null) {
        continue;
      }
      const goingOnline = !online.has(agent);
      const connection = goingOnline ? 'online' : 'offline';
      const seenBefore = stream.frames.length;
      const disruptionsBefore = this.disruptions;
      const started = performance.now();
      const path = goingOnline
        ? `/v1/agents/${agent}/presence/heartbeat`
        : `/v1/agents/${agent}/presence/devices/probe`;
      const res = await send(
        this.cluster.direct(sender),
        this.key,
        goingOnline ? 'POST' : 'DELETE',
        path,
        goingOnline ? { device_id: 'probe' } : undefined,
      ).catch(() => null);
      if (res === null || res.status !== 204) {
        // The sender went away under us (a restart): not a presence delay, try another turn.
        continue;
      }
      if (goingOnline) {
        online.add(agent);
      } else {
        online.delete(agent);
      }
      try {
        await stream.waitFor(
          (frame) =>
            stream.frames.indexOf(frame) >= seenBefore &&
            frame.data.data.agent_id === agent &&
            frame.data.data.connection === connection,
          // A miss is a transition never reported; a slow one is a delay (p99, judged by the benchmark).
          MISS_AFTER_MS,
        );
        this.delaysMs.push(performance.now() - started);
      } catch {
        if (this.up()[observer] && this.disruptions === disruptionsBefore) {
          this.misses.push(
            `${agent} ${connection} via ${sender} not seen on ${observer} (${stream.frames.length - seenBefore} other frames in ${MISS_AFTER_MS / 1000} s, at ${new Date().toISOString()})`,
          );
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
    for (const stream of this.streams) {
      stream?.close();
    }
  }
}

/**
 * Deletes a key through one instance after every instance has verified (and cached) it, then asks
 * each instance directly until it answers 401. Returns each instance's delay in ms.
 */
export async function revocationDelays(
  cluster: Cluster,
  masterKey: string,
  orgId: string,
): Promise<number[]> {
  const created = await send(cluster.url, masterKey, 'POST', `/v1/api-keys?org_id=${orgId}`, {
    name: `revoked-${Date.now()}`,
    scopes: ['teams:read'],
  });
  if (created.status !== 201) {
    throw new Error(`key creation answered ${created.status}`);
  }
  const { id, key } = created.body as { id: string; key: string };
  for (let i = 0; i < cluster.size; i++) {
    const warm = await send(cluster.direct(i), key, 'GET', '/v1/teams?limit=1');
    if (warm.status !== 200) {
      throw new Error(`instance ${i} did not accept the new key: ${warm.status}`);
    }
  }
  const deleted = await send(cluster.direct(0), masterKey, 'DELETE', `/v1/api-keys/${id}?org_id=${orgId}`);
  if (deleted.status !== 204) {
    throw new Error(`key deletion answered ${deleted.status}`);
  }
  const started = performance.now();
  return Promise.all(
    Array.from({ length: cluster.size }, async (_, i) => {
      for (;;) {
        const res = await send(cluster.direct(i), key, 'GET', '/v1/teams?limit=1');
        if (res.status === 401) {
          return performance.now() - started;
        }
        if (performance.now() - started > 5000) {
          return Number.POSITIVE_INFINITY;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }),
  );
}

export interface DatabaseFindings {
  /** Agents holding more open conversations than their capacity. */
  overCapacity: { agent_id: string; open: number; capacity: number }[];
  /** Conversations the API created (201) that the database does not have. */
  lost: string[];
  /** Conversations assigned but without an agent, or in a state other than queued/assigned/closed. */
  inconsistent: string[];
  /** The org's stored event ids. */
  eventIds: Set<string>;
}

/** Reads, as the owner (no row-level security), what the run left behind. */
export async function inspectDatabase(
  ownerUrl: string,
  orgId: string,
  conversations: string[],
): Promise<DatabaseFindings> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    // Every agent of the run has a capacity of its own (max_concurrent), set when it was created.
    const over = await client.query(
      `SELECT a.id::text AS agent_id, count(c.id)::int AS open, a.max_concurrent AS capacity
         FROM agents a
         JOIN conversations c ON c.org_id = a.org_id AND c.assignee_id = a.id AND c.status = 'assigned'
        WHERE a.org_id = $1
        GROUP BY a.id, a.max_concurrent
       HAVING count(c.id) > a.max_concurrent`,
      [orgId],
    );
    const found = await client.query(
      `SELECT id::text, status, assignee_id FROM conversations WHERE org_id = $1 AND id = ANY($2::uuid[])`,
      [orgId, conversations],
    );
    const have = new Set(found.rows.map((row) => row.id as string));
    const inconsistent = found.rows
      .filter(
        (row) =>
          !['queued', 'assigned', 'closed'].includes(row.status) ||
          (row.status === 'assigned' && row.assignee_id === null),
      )
      .map((row) => `${row.id} ${row.status}`);
    const events = await client.query(`SELECT id::text FROM outbox WHERE org_id = $1`, [orgId]);
    return {
      overCapacity: over.rows,
      lost: conversations.filter((id) => !have.has(id)),
      inconsistent,
      eventIds: new Set(events.rows.map((row) => row.id as string)),
    };
  } finally {
    await client.end();
  }
}
