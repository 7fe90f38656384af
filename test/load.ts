import assert from 'node:assert/strict';

/** What a client saw of one request: status 0 when it got no HTTP answer at all. */
export interface Outcome {
  status: number;
  headers: Headers;
  body: unknown;
  /** The transport error when status is 0. */
  error?: string;
  startedAt: number;
  endedAt: number;
}

/** One request to a running server that never throws: a transport failure comes back as status 0. */
export async function request(
  base: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: unknown; key?: string } = {},
): Promise<Outcome> {
  const startedAt = Date.now();
  const headers: Record<string, string> = { ...options.headers };
  if (options.key !== undefined) {
    headers.authorization = `Bearer ${options.key}`;
  }
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  try {
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON: keep the text.
    }
    return { status: response.status, headers: response.headers, body, startedAt, endedAt: Date.now() };
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return {
      status: 0,
      headers: new Headers(),
      body: null,
      error: `${(err as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ''}`,
      startedAt,
      endedAt: Date.now(),
    };
  }
}

/** Calls `check` until it returns a value other than undefined; fails after `ms` naming `what`. */
export async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      assert.fail(`timed out after ${ms} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Creates `count` agents of the key's org in bulk (Dixa's bulk create) and returns their ids. */
export async function createAgents(
  base: string,
  key: string,
  label: string,
  count: number,
): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 1000) {
    const size = Math.min(1000, count - start);
    const data = Array.from({ length: size }, (_, i) => ({
      displayName: `${label} ${start + i}`,
      email: `${label}-${start + i}@load.test`,
    }));
    const created = await request(base, 'POST', '/beta/agents/bulk', { key, body: { data } });
    assert.equal(created.status, 201, JSON.stringify(created.body).slice(0, 500));
    for (const item of (created.body as { data: { data?: { id: string } }[] }).data) {
      assert.ok(item.data, 'every agent of the batch is created');
      ids.push(item.data.id);
    }
  }
  return ids;
}

/** A short summary of outcomes by status, for assertion messages. */
export function tally(outcomes: Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) {
    const label = o.status === 0 ? `0 ${o.error}` : String(o.status);
    counts[label] = (counts[label] ?? 0) + 1;
  }
  return counts;
}
