import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureBundle } from '../scripts/build.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface Server {
  child: ChildProcess;
  base: string;
  stdout: () => string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop: () => Promise<number | null>;
}

/** Every child started, so that a failing test never leaves a server running behind it. */
const children = new Set<ChildProcess>();

/** Kills every server a test file started and has not stopped (call it in `after`). */
export function killServers(): void {
  for (const child of children) {
    child.kill('SIGKILL');
  }
}

/**
 * Starts the server as `npm start` runs it, `node dist/roster.mjs` (rebuilt first when anything
 * under src/ changed since the bundle was built), on a free port, and waits for its ready log line.
 */
export async function startServer(env: Record<string, string>): Promise<Server> {
  const bundle = await ensureBundle();
  const child = spawn(process.execPath, [bundle], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      // Tests drive servers harder than a client would, on a busy machine: no limits unless asked.
      ROSTER_RATE_LIMIT_PER_MINUTE: '0',
      ROSTER_MAX_EVENT_LOOP_DELAY_MS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}\n${err}`)), 60_000);
    child.stderr?.on('data', (chunk) => {
      err += chunk;
    });
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      const ready = out.split('\n').find((line) => line.includes('"msg":"roster ready"'));
      if (ready) {
        clearTimeout(timer);
        resolve({
          child,
          base: JSON.parse(ready).address,
          stdout: () => out,
          stop: () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${out}\n${err}`));
    });
  });
}

/** One JSON request to a running server. */
export async function call(base: string, key: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}
