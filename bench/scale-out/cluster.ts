/**
 * Several Roster instances on one PostgreSQL database (served as an ordinary role, so row-level
 * security is on) and one Redis, behind HAProxy: the topology of docs/scale-out.md, on 127.0.0.1.
 * Redis is a private `redis-server` on a port of its own, so that the Redis-restart check can stop
 * it without disturbing anything else on the machine.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { createPgDatabase } from '../../test/harness.js';
import { type Server, startServer } from '../../test/server.js';

export const CLUSTER_MASTER_KEY = `roster_mk_scale_out_${'s'.repeat(32)}`;

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitFor(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`);
}

const answers =
  (url: string, status = 200) =>
  async () =>
    (await fetch(url)).status === status;

/** A private Redis server that can be stopped and started again on the same port. */
class PrivateRedis {
  private child: ChildProcess | null = null;
  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    this.child = child;
    await waitFor(
      () =>
        new Promise((resolve) => {
          const socket = net.connect(this.port, '127.0.0.1', () => {
            socket.end();
            resolve(true);
          });
          socket.once('error', () => resolve(false));
        }),
      10_000,
      'redis-server to listen',
    );
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child === null || child.exitCode !== null) {
      return;
    }
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

/** HAProxy's configuration for `servers`: round robin, no stickiness, health checks on /readyz. */
export function haproxyConfig(frontendPort: number, servers: number[], statsPort: number): string {
  return [
    'global',
    '  maxconn 4096',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 60s',
    '  timeout server 60s',
    '  timeout tunnel 1h',
    '  option http-keep-alive',
    // A request whose connection to an instance failed before it was sent goes to another one.
    '  retries 3',
    '  option redispatch 1',
    '  retry-on conn-failure empty-response',
    'frontend roster',
    `  bind 127.0.0.1:${frontendPort}`,
    '  default_backend roster',
    'backend roster',
    '  balance roundrobin',
    '  option httpchk GET /readyz',
    '  http-check expect status 200',
    // Down after three failed checks half a second apart: an instance drains for longer than that.
    '  timeout check 3s',
    '  default-server inter 500ms fall 3 rise 2',
    ...servers.map((port, i) => `  server roster${i + 1} 127.0.0.1:${port} check`),
    'frontend stats',
    `  bind 127.0.0.1:${statsPort}`,
    '  stats enable',
    '  stats uri /stats',
    '',
  ].join('\n');
}

export interface ClusterOptions {
  instances: number;
  /** Presence TTL of every instance, in seconds. */
  presenceTtlSeconds?: number;
  /** How long an instance keeps serving after SIGTERM with /readyz failing (HAProxy's time to notice). */
  drainMs?: number;
}

/** One instance slot: its fixed port, and the process serving it (null while stopped). */
interface Slot {
  port: number;
  server: Server | null;
}

export class Cluster {
  readonly url: string;
  private haproxy: ChildProcess | null = null;
  private constructor(
    private readonly slots: Slot[],
    private readonly env: Record<string, string>,
    private readonly redis: PrivateRedis,
    readonly ownerUrl: string,
    private readonly dropDatabase: () => Promise<void>,
    private readonly dir: string,
    readonly frontendPort: number,
    readonly statsPort: number,
  ) {
    this.url = `http://127.0.0.1:${frontendPort}`;
  }

  static async start(options: ClusterOptions): Promise<Cluster> {
    const database = await createPgDatabase();
    const redis = new PrivateRedis(await freePort());
    await redis.start();
    const env = {
      DATABASE_URL: database.appUrl,
      ROSTER_MIGRATION_DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      ROSTER_MASTER_KEY: CLUSTER_MASTER_KEY,
      ROSTER_PRESENCE_TTL_SECONDS: String(options.presenceTtlSeconds ?? 30),
      ROSTER_SHUTDOWN_DRAIN_MS: String(options.drainMs ?? 2500),
      ROSTER_DB_POOL_SIZE: '8',
      LOG_LEVEL: 'warn',
    };
    const slots: Slot[] = [];
    for (let i = 0; i < options.instances; i++) {
      slots.push({ port: await freePort(), server: null });
    }
    const dir = mkdtempSync(join(os.tmpdir(), 'roster-scale-out-'));
    const cluster = new Cluster(
      slots,
      env,
      redis,
      database.url,
      database.drop,
      dir,
      await freePort(),
      await freePort(),
    );
    // The first migrates the fresh database; the others then find nothing to do.
    await cluster.startInstance(0);
    await Promise.all(slots.slice(1).map((_, i) => cluster.startInstance(i + 1)));
    await cluster.startHaproxy();
    return cluster;
  }

  get size(): number {
    return this.slots.length;
  }

  /** The instance's own address, bypassing the load balancer. */
  direct(i: number): string {
    return `http://127.0.0.1:${this.slot(i).port}`;
  }

  pid(i: number): number | undefined {
    return this.slot(i).server?.child.pid;
  }

  private slot(i: number): Slot {
    const slot = this.slots[i];
    if (slot === undefined) {
      throw new Error(`no instance ${i}`);
    }
    return slot;
  }

  async startInstance(i: number): Promise<void> {
    const slot = this.slot(i);
    slot.server = await startServer({ ...this.env, PORT: String(slot.port) });
  }

  /** SIGTERM: the instance drains (readiness fails, HAProxy stops sending) and exits. Resolves on exit. */
  async stopInstance(i: number): Promise<number | null> {
    const slot = this.slot(i);
    const server = slot.server;
    slot.server = null;
    return server === null ? null : server.stop();
  }

  /** SIGKILL: the instance vanishes mid-request. Resolves on exit. */
  async killInstance(i: number): Promise<void> {
    const slot = this.slot(i);
    const server = slot.server;
    slot.server = null;
    if (server !== null) {
      const exited = new Promise((resolve) => server.child.once('exit', resolve));
      server.child.kill('SIGKILL');
      await exited;
    }
  }

  /** Waits until HAProxy's health checks see instance `i` as up (or down). */
  async waitBalanced(i: number, up: boolean, ms = 10_000): Promise<void> {
    const name = `roster${i + 1}`;
    await waitFor(
      async () => {
        const csv = await (await fetch(`http://127.0.0.1:${this.statsPort}/stats;csv`)).text();
        const row = csv.split('\n').find((line) => line.startsWith(`roster,${name},`));
        const status = row?.split(',')[17] ?? '';
        return up ? status === 'UP' : status.startsWith('DOWN');
      },
      ms,
      `HAProxy to see ${name} ${up ? 'up' : 'down'}`,
    );
  }

  /** Stops Redis, waits `downMs`, starts it again (empty: it keeps nothing on disk). */
  async restartRedis(downMs: number): Promise<void> {
    await this.redis.stop();
    await new Promise((resolve) => setTimeout(resolve, downMs));
    await this.redis.start();
  }

  /** Whether every instance's process is still running. */
  alive(): boolean[] {
    return this.slots.map((slot) => slot.server !== null && slot.server.child.exitCode === null);
  }

  private async startHaproxy(): Promise<void> {
    const file = join(this.dir, 'haproxy.cfg');
    writeFileSync(
      file,
      haproxyConfig(
        this.frontendPort,
        this.slots.map((slot) => slot.port),
        this.statsPort,
      ),
    );
    const child = spawn('haproxy', ['-db', '-f', file], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    this.haproxy = child;
    await waitFor(answers(`${this.url}/readyz`), 10_000, `HAProxy to serve /readyz\n${stderr}`);
    await Promise.all(this.slots.map((_, i) => this.waitBalanced(i, true)));
  }

  async close(): Promise<void> {
    this.haproxy?.kill('SIGKILL');
    await Promise.all(this.slots.map((_, i) => this.stopInstance(i).catch(() => null)));
    await this.redis.stop();
    await this.dropDatabase();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
