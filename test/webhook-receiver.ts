import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FeedTailer } from '../src/realtime/feed-tailer.js';
import { WebhookDispatcher } from '../src/realtime/webhook-dispatcher.js';
import { createSender, EgressPolicy } from '../src/realtime/webhook-egress.js';
import type { TestApp } from './harness.js';

/** One request as the receiver got it: raw body, lower-case headers, when. */
export interface Received {
  path: string;
  headers: Record<string, string>;
  body: string;
  at: number;
}

export interface Receiver {
  /** http://127.0.0.1:<port> */
  base: string;
  port: number;
  received: Received[];
  /** How to answer the next requests: a status (and headers, a body), after `delayMs`. */
  answer: (req: Received) => {
    status: number;
    headers?: Record<string, string>;
    body?: string;
    delayMs?: number;
  };
  close(): Promise<void>;
}

/** A webhook receiver on 127.0.0.1 (the only kind of address a test may use), answering 204 by default. */
export async function startReceiver(): Promise<Receiver> {
  const receiver: Receiver = {
    base: '',
    port: 0,
    received: [],
    answer: () => ({ status: 204 }),
    close: async () => {},
  };
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
      }
      const got: Received = { path: req.url ?? '/', headers, body, at: Date.now() };
      receiver.received.push(got);
      const { status, headers: out = {}, body: text, delayMs = 0 } = receiver.answer(got);
      setTimeout(() => {
        res.writeHead(status, out);
        res.end(status === 204 ? undefined : (text ?? `answer ${status}`));
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.port = (server.address() as AddressInfo).port;
  receiver.base = `http://127.0.0.1:${receiver.port}`;
  receiver.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}

/**
 * A webhook sender for `env`'s endpoints, as the server runs one, sending to 127.0.0.1: the
 * feed's tailer and a dispatcher on the clock `now`, holding its endpoints for 1,000 hours and
 * claiming only when a test calls `runDue`. A failure inside it shows in the test's output,
 * where a failed assertion needs it.
 */
export function startTestSender(env: TestApp, now: () => Date): TestSender {
  const feed = new FeedTailer(env.database.db, env.events);
  const dispatcher = new WebhookDispatcher({
    db: env.database.db,
    feed,
    events: env.events,
    presence: env.presence,
    now,
    send: createSender(new EgressPolicy(['127.0.0.1'])),
    timeoutMs: 2_000,
    // Far beyond what a test moves its clock by (days), so a lease never runs out under one.
    leaseMs: 1_000 * 3_600_000,
    tickMs: 60_000,
    log: { warn: (details, message) => console.error(message, details) },
  });
  return {
    dispatcher,
    stop: async () => {
      await dispatcher.stop();
      await feed.close();
    },
  };
}

export interface TestSender {
  dispatcher: WebhookDispatcher;
  stop(): Promise<void>;
}
