import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import type { Redis } from 'ioredis';
import { createRedisClient } from './redis-client.js';

/** Redis the tests run against: `ROSTER_TEST_REDIS_URL`, else the machine's own server. */
export const TEST_REDIS_URL = process.env.ROSTER_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A key prefix no other test run uses, so files can run in parallel on one Redis. */
export function uniquePrefix(label: string): string {
  return `roster-test:${label}:${randomBytes(6).toString('hex')}:`;
}

/** A fail-fast client (as the service uses) that has finished connecting. */
export async function connectRedis(url: string = TEST_REDIS_URL): Promise<Redis> {
  const client = createRedisClient(url);
  if (client.status !== 'ready') {
    await new Promise<void>((resolve) => client.once('ready', () => resolve()));
  }
  return client;
}

/** Deletes every key under `prefix`. */
export async function deleteKeys(client: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) {
      await client.del(...keys);
    }
  } while (cursor !== '0');
}

/** Polls `check` until it returns true or `timeoutMs` passes; returns the last answer. */
export async function eventually(
  check: () => Promise<boolean> | boolean,
  timeoutMs = 2_000,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) {
      return true;
    }
    if (Date.now() > deadline) {
      return false;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Ports below the kernel's ephemeral range (which it hands to outgoing connections and to
 * listeners on port 0), from 10,000 up: [low, high).
 */
function belowEphemeral(): [number, number] {
  let first = 32_768;
  try {
    first = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
  } catch {
    // Not Linux: its usual range starts at 32,768 (49,152 elsewhere), so this stays below it.
  }
  return first > 11_000 ? [10_000, first] : [1_024, first];
}

/**
 * A TCP relay between a client and Redis that a test can cut and restore, to play Redis going away
 * (connections reset, new ones refused) and coming back on the same address.
 */
export class TcpProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(private readonly target: URL) {}

  /**
   * Starts listening; on a later call, on the same port as before. The port is drawn below the
   * kernel's ephemeral range: one drawn from it (port 0) could be taken, while the proxy is cut,
   * by one of the many outgoing connections (the client reconnecting, other test files), and the
   * proxy could then not come back on its address.
   */
  async open(): Promise<void> {
    if (this.port !== 0) {
      this.server = await this.#listen(this.port);
      return;
    }
    const [low, high] = belowEphemeral();
    for (let attempt = 0; ; attempt++) {
      const port = low + Math.floor(Math.random() * (high - low));
      try {
        this.server = await this.#listen(port);
        this.port = port;
        return;
      } catch (err) {
        // Another test's proxy (or any listener) holds it: draw again.
        if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 50) {
          throw err;
        }
      }
    }
  }

  async #listen(port: number): Promise<net.Server> {
    const server = net.createServer((inbound) => {
      const outbound = net.connect(Number(this.target.port || 6379), this.target.hostname);
      for (const socket of [inbound, outbound]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        // A reset on either side just ends the pair; the client sees its connection drop.
        socket.on('error', () => {
          inbound.destroy();
          outbound.destroy();
        });
      }
      inbound.pipe(outbound);
      outbound.pipe(inbound);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    return server;
  }

  /** Stops accepting and drops every relayed connection. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) {
      socket.destroy();
    }
    if (server) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  /** Connections relayed right now. */
  get relayed(): number {
    return this.sockets.size / 2;
  }

  /** The target's URL (credentials, database) with the proxy's address. */
  get url(): string {
    const url = new URL(this.target);
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    return url.toString();
  }
}
