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
  const settings = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    // Tests drive servers harder than a client would, on a busy machine: no limits unless asked.
    ROSTER_RATE_LIMIT_PER_MINUTE: '0',
    ROSTER_MAX_EVENT_LOOP_DELAY_MS: '0',
    ...env,
  };
  // Below info the ready line is not logged: such a server is ready when its /readyz answers 200,
  // which needs a port chosen in advance.
  const quiet = ['warn', 'error', 'fatal', 'silent'].includes(settings.LOG_LEVEL);
  if (quiet && settings.PORT === '0') {
    throw new Error(`startServer: LOG_LEVEL=${settings.LOG_LEVEL} needs a PORT of its own`);
  }
  const child = spawn(process.execPath, [bundle], {
    cwd: ROOT,
    env: settings,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let out = '';
  let err = '';
  let started = false;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}\n${err}`)), 60_000);
    const ready = (base: string) => {
      started = true;
      clearTimeout(timer);
      resolve({
        child,
        base,
        stdout: () => out,
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    };
    child.stderr?.on('data', (chunk) => {
      err += chunk;
    });
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      // Once started, only keep the output: scanning all of it on every chunk of a server logging
      // each request would cost the test's process time that grows with the square of the log.
      if (started || quiet) {
        return;
      }
      const line = out.split('\n').find((l) => l.includes('"msg":"roster ready"'));
      if (line) {
        ready(JSON.parse(line).address);
      }
    });
    if (quiet) {
      const base = `http://${settings.HOST}:${settings.PORT}`;
      const probe = async () => {
        while (!started && child.exitCode === null) {
          const status = await fetch(`${base}/readyz`).then(
            async (res) => {
              await res.arrayBuffer();
              return res.status;
            },
            () => 0,
          );
          if (status === 200) {
            ready(base);
            return;
          }
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      void probe();
    }
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${out}\n${err}`));
    });
  });
}

/** The master key a server printed when it generated one (`ROSTER_MASTER_KEY=...`), or null. */
export function printedMasterKey(server: Server): string | null {
  const line = server
    .stdout()
    .split('\n')
    .find((l) => l.startsWith('ROSTER_MASTER_KEY='));
  return line === undefined ? null : (line.slice('ROSTER_MASTER_KEY='.length).split(/\s/)[0] as string);
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
