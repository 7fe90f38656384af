import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { secretKey, sign } from './baselines/webhook-loop.js';
import { sleep } from './lib.js';

/** A run fails when nothing arrives for this long while deliveries are missing. */
const STALL_MS = 30_000;
/** A run ends once nothing has arrived for this long after its last event. */
const QUIET_MS = 300;

export interface Delivery {
  path: string;
  secret: string;
}

/** What one endpoint's path received in a run. */
export interface PathLog {
  /** Event ids in the order they first arrived. */
  order: string[];
  seen: Set<string>;
  /** Deliveries of an event already received. */
  duplicates: number;
}

/** What the receiver saw of one run. Latencies and times count each event's first delivery. */
export interface Received {
  paths: Map<string, PathLog>;
  /** Bodies received on the run's first path, by event id. */
  bodies: Map<string, string>;
  latencies: number[];
  /** First deliveries. */
  count: number;
  first: number | null;
  /** When the last first delivery arrived. */
  last: number;
  /** When anything (a duplicate too) last arrived. */
  lastAny: number;
  problems: string[];
}

export class Receiver {
  readonly #server: http.Server;
  #keys = new Map<string, { key: Buffer; library: Webhook; checked: boolean }>();
  #firstPath = '';
  #run: Received = Receiver.#empty();
  /** Deliveries to paths of no current run (an endpoint of an earlier run). */
  strays = 0;
  base = '';

  static #empty(): Received {
    return {
      paths: new Map(),
      bodies: new Map(),
      latencies: [],
      count: 0,
      first: null,
      last: 0,
      lastAny: 0,
      problems: [],
    };
  }

  constructor() {
    this.#server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const receivedAt = Date.now();
        const at = performance.now();
        this.#receive(req, Buffer.concat(chunks).toString('utf8'), receivedAt, at);
        res.writeHead(204).end();
      });
    });
    this.#server.keepAliveTimeout = 60_000;
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  /** Starts a run: from now on only `deliveries`' paths count. */
  expect(deliveries: Delivery[]): Received {
    this.#keys = new Map(
      deliveries.map((d) => [
        d.path,
        { key: secretKey(d.secret), library: new Webhook(d.secret), checked: false },
      ]),
    );
    this.#firstPath = deliveries[0]?.path ?? '';
    this.#run = Receiver.#empty();
    for (const d of deliveries) {
      this.#run.paths.set(d.path, { order: [], seen: new Set(), duplicates: 0 });
    }
    return this.#run;
  }

  #receive(req: http.IncomingMessage, body: string, receivedAt: number, at: number): void {
    const path = req.url ?? '';
    const endpoint = this.#keys.get(path);
    const log = this.#run.paths.get(path);
    if (endpoint === undefined || log === undefined) {
      this.strays++;
      return;
    }
    const run = this.#run;
    run.lastAny = at;
    const id = String(req.headers['webhook-id']);
    const timestamp = Number(req.headers['webhook-timestamp']);
    const signatures = String(req.headers['webhook-signature']).split(' ');
    if (!signatures.includes(sign(endpoint.key, id, timestamp, body))) {
      run.problems.push(`${path}: a bad signature for ${id}`);
    }
    if (!endpoint.checked) {
      endpoint.checked = true;
      try {
        endpoint.library.verify(body, req.headers as Record<string, string>);
      } catch (err) {
        run.problems.push(`${path}: standardwebhooks refuses ${id}: ${(err as Error).message}`);
      }
    }
    const event = JSON.parse(body) as { id: string; occurred_at: string };
    if (event.id !== id) {
      run.problems.push(`${path}: webhook-id ${id} on the body of ${event.id}`);
    }
    if (log.seen.has(id)) {
      log.duplicates++;
      return;
    }
    log.seen.add(id);
    log.order.push(id);
    if (path === this.#firstPath) {
      run.bodies.set(id, body);
    }
    run.latencies.push(receivedAt - Date.parse(event.occurred_at));
    run.count++;
    run.first ??= at;
    run.last = at;
  }
}

/**
 * Waits until every endpoint of `run` has received `perEndpoint` events, and then until nothing
 * has arrived for a moment (duplicates still under way count in this run); fails when they stall.
 */
export async function allReceived(run: Received, perEndpoint: number, label: string): Promise<void> {
  const done = () => [...run.paths.values()].every((log) => log.seen.size >= perEndpoint);
  let seen = run.count;
  let progressAt = performance.now();
  while (!done()) {
    await sleep(10);
    if (run.count !== seen) {
      seen = run.count;
      progressAt = performance.now();
    } else if (performance.now() - progressAt > STALL_MS) {
      throw new Error(
        `webhooks (${label}): ${run.count} of ${perEndpoint * run.paths.size} deliveries, none for ${STALL_MS} ms`,
      );
    }
  }
  while (performance.now() - run.lastAny < QUIET_MS) {
    await sleep(QUIET_MS / 4);
  }
}

/** How far a run strayed from "each event once, in feed order" (summed over its endpoints). */
export interface Anomalies {
  duplicates: number;
  /** First deliveries that came after a delivery of a later event of the feed. */
  outOfOrder: number;
}

/**
 * Checks that every endpoint of the run received the events `ids` and nothing else, with good
 * signatures (else throws); returns its duplicates and deliveries out of feed order.
 */
export function checkRun(run: Received, ids: string[], label: string): Anomalies {
  const wrong = [...run.problems];
  const index = new Map(ids.map((id, i) => [id, i]));
  const found: Anomalies = { duplicates: 0, outOfOrder: 0 };
  for (const [path, log] of run.paths) {
    const foreign = log.order.filter((id) => !index.has(id));
    if (foreign.length > 0 || log.seen.size !== ids.length) {
      wrong.push(`${path}: ${log.seen.size} events of ${ids.length}, ${foreign.length} not of the run`);
    }
    found.duplicates += log.duplicates;
    let highest = -1;
    for (const id of log.order) {
      const i = index.get(id) ?? -1;
      if (i < highest) {
        found.outOfOrder++;
      }
      highest = Math.max(highest, i);
    }
  }
  if (wrong.length > 0) {
    throw new Error(`webhooks (${label}):\n  ${wrong.slice(0, 10).join('\n  ')}`);
  }
  return found;
}

/** The bare loop is the reference: it must deliver each event once, in order. */
export function checkBare(run: Received, ids: string[], label: string): void {
  const found = checkRun(run, ids, label);
  if (found.duplicates > 0 || found.outOfOrder > 0) {
    throw new Error(`webhooks (${label}): ${found.duplicates} duplicates, ${found.outOfOrder} out of order`);
  }
}
