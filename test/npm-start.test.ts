import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ensureBundle } from '../scripts/build.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MASTER = `npm-start-test-${'k'.repeat(32)}`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * `npm start` as an operator runs it, stopped as a process manager or `kill` stops it: SIGTERM to
 * the npm process. The server must hear it and shut down gracefully, not be left running behind.
 * `--ignore-scripts` skips only the `prestart` build (the bundle is built here first), never the
 * start script itself.
 */
describe('npm start', { timeout: 120_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'roster-npm-start-'));
  let npm: ChildProcess | null = null;
  let serverPid = 0;

  after(() => {
    npm?.kill('SIGKILL');
    if (serverPid !== 0 && alive(serverPid)) {
      process.kill(serverPid, 'SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('passes SIGTERM sent to npm on to the server, which shuts down gracefully', async () => {
    await ensureBundle();
    const child = spawn('npm', ['start', '--ignore-scripts', '--silent'], {
      cwd: ROOT,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'info',
        ROSTER_DATA_DIR: dataDir,
        ROSTER_MASTER_KEY: MASTER,
        ROSTER_SHUTDOWN_DRAIN_MS: '100',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    npm = child;
    let out = '';
    child.stdout?.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      out += chunk;
    });
    const lines = () =>
      out
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    await until('the ready line', () => lines().some((l) => l.msg === 'roster ready'), 60_000);
    const ready = lines().find((l) => l.msg === 'roster ready') as { address: string; pid: number };
    serverPid = ready.pid;
    assert.notEqual(serverPid, child.pid, 'the server is a process of its own');
    assert.equal((await fetch(`${ready.address}/healthz`)).status, 200);

    assert.ok(child.pid !== undefined);
    process.kill(child.pid, 'SIGTERM');

    await until('the shutdown line', () =>
      lines().some((l) => l.msg === 'shutting down' && l.signal === 'SIGTERM'),
    );
    await until('the server process to exit', () => !alive(serverPid));
    await assert.rejects(fetch(`${ready.address}/healthz`), 'the port is closed');
  });
});
