import assert from 'node:assert/strict';
import http, { type IncomingHttpHeaders } from 'node:http';
import {
  type EventBus,
  type EventListener,
  LocalEventBus,
  type PublishedEvent,
} from '../src/core/events/bus.js';

/**
 * How long a wait for a frame, a comment or the end lasts unless told: on PostgreSQL another
 * test file's open transaction can hold the feed back for a while on a loaded machine.
 */
const WAIT_MS = 5_000;

/** One frame as a client parses it, with the JSON of its `data` line. */
export interface SseFrame {
  id: string | null;
  event: string | null;
  data: { id: string; type: string; occurred_at: string; org_id: string; data: Record<string, unknown> };
}

/** A Server-Sent Events connection read over a real socket. */
export interface SseConnection {
  status: number;
  headers: IncomingHttpHeaders;
  /** The whole body of a response other than 200 (a problem); null for a stream. */
  body: string | null;
  /** Every frame received so far, in order. */
  frames: SseFrame[];
  /** Every comment line received so far (without the leading colon and space). */
  comments: string[];
  /** Resolves with the first frame the predicate accepts; fails after `ms`. */
  waitFor(predicate: (f: SseFrame) => boolean, ms?: number): Promise<SseFrame>;
  /** Resolves once a comment equal to `text` has arrived; fails after `ms`. */
  waitForComment(text: string, ms?: number): Promise<void>;
  /** Resolves when the server ends the stream; fails after `ms`. */
  ended(ms?: number): Promise<void>;
  /** Drops the connection, as a client going away does. */
  close(): void;
}

function parseBlock(block: string, frames: SseFrame[], comments: string[]): void {
  let id: string | null = null;
  let event: string | null = null;
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) {
      comments.push(line.slice(1).trim());
    } else if (line.startsWith('id: ')) {
      id = line.slice(4);
    } else if (line.startsWith('event: ')) {
      event = line.slice(7);
    } else if (line.startsWith('data: ')) {
      data.push(line.slice(6));
    }
  }
  if (data.length > 0) {
    frames.push({ id, event, data: JSON.parse(data.join('\n')) });
  }
}

/**
 * Opens `url` (absolute) on a connection of its own and parses the stream as it arrives.
 * node:http rather than fetch: after an abort, fetch opens a spare connection that the server's
 * shutdown would then wait on.
 */
export async function connectSse(
  url: string,
  headers: Record<string, string> = {},
  method: 'GET' | 'HEAD' = 'GET',
): Promise<SseConnection> {
  const frames: SseFrame[] = [];
  const comments: string[] = [];
  let done = false;
  const waiters = new Set<() => void>();
  const changed = () => {
    for (const waiter of waiters) {
      waiter();
    }
  };
  const request = http.request(url, {
    method,
    agent: false,
    headers: { accept: 'text/event-stream', ...headers },
  });
  const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
    request.once('response', resolve).once('error', reject).end();
  });
  res.setEncoding('utf8');
  let buffer = '';
  let body: string | null = null;
  if (res.statusCode !== 200) {
    body = '';
    for await (const chunk of res) {
      body += chunk;
    }
  } else {
    res.on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        parseBlock(buffer.slice(0, end), frames, comments);
        buffer = buffer.slice(end + 2);
      }
      changed();
    });
    res.once('close', () => {
      done = true;
      changed();
    });
  }

  const until = (check: () => boolean, ms: number, what: string) =>
    new Promise<void>((resolve, reject) => {
      const waiter = () => {
        if (check()) {
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve();
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
      }, ms);
      waiters.add(waiter);
      waiter();
    });

  return {
    status: res.statusCode ?? 0,
    headers: res.headers,
    body,
    frames,
    comments,
    async waitFor(predicate, ms = WAIT_MS) {
      await until(() => frames.some(predicate), ms, 'a matching event');
      const frame = frames.find(predicate);
      assert.ok(frame);
      return frame;
    },
    waitForComment: (text, ms = WAIT_MS) => until(() => comments.includes(text), ms, `comment "${text}"`),
    ended: (ms = WAIT_MS) => until(() => done, ms, 'the end of the stream'),
    close: () => {
      request.destroy();
    },
  };
}

/** An in-process bus that counts its subscribers, to see streams let go of it. */
export class CountingBus implements EventBus {
  private readonly inner = new LocalEventBus();
  active = 0;

  publish(events: PublishedEvent[]): Promise<void> {
    return this.inner.publish(events);
  }

  subscribe(listener: EventListener): () => void {
    this.active += 1;
    const unsubscribe = this.inner.subscribe(listener);
    let done = false;
    return () => {
      if (!done) {
        done = true;
        this.active -= 1;
        unsubscribe();
      }
    };
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/** Polls `check` until it holds; fails after `ms`. */
export async function eventually(check: () => boolean, ms = 1000, what = 'the condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    assert.ok(Date.now() < deadline, `timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
