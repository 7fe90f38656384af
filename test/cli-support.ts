/**
 * Running the `roster` command line as a user does: `node bin/roster.mjs` (what `npx roster`
 * runs) in a child process, against a real server, with a throwaway config directory.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { call } from './server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'roster.mjs');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of a CLI run: none of the caller's ROSTER_* settings, its own config directory. */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith('ROSTER_') && k !== 'XDG_CONFIG_HOME' && k !== 'DATABASE_URL') {
      env[k] = v;
    }
  }
  return { ...env, XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), 'roster-cli-config-')), ...extra };
}

/** Starts the CLI; the caller reads its output and ends it. */
export function spawnCli(
  args: string[],
  env: NodeJS.ProcessEnv,
): ChildProcess & { out: () => string; err: () => string } {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk) => {
    out += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    err += chunk;
  });
  return Object.assign(child, { out: () => out, err: () => err });
}

export function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Runs the CLI to its end. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  const child = spawnCli(args, env);
  const code = await exited(child);
  return { code, stdout: child.out(), stderr: child.err() };
}

/** Waits until `check` holds, polling every 20 ms; fails after `ms`. */
export async function until(
  check: () => boolean | Promise<boolean>,
  ms: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A new org with a `*` key, made with the master key. */
export async function newOrg(
  base: string,
  master: string,
  name: string,
): Promise<{ orgId: string; key: string }> {
  const org = await call(base, master, 'POST', '/v1/orgs', { name });
  const key = await call(base, master, 'POST', `/v1/api-keys?org_id=${org.body.id}`, {
    name: 'cli',
    scopes: ['*'],
  });
  if (org.status !== 201 || key.status !== 201) {
    throw new Error(`cannot create an org: ${JSON.stringify([org.body, key.body])}`);
  }
  return { orgId: org.body.id, key: key.body.key };
}

/**
 * An agents CSV of `count` rows in 50 teams, `;`-separated, with a BOM, CRLF line ends and
 * quoted fields (a comma and a `;` inside quotes); `bad` rows (every 1,000th, when asked) break
 * one rule each.
 */
export function agentsCsv(count: number, options: { prefix?: string; bad?: boolean } = {}): string {
  const prefix = options.prefix ?? 'agent';
  const lines = ['email;full_name;role;tags;teams;max_concurrent'];
  for (let i = 0; i < count; i++) {
    lines.push(`${prefix}${i}@example.com;"Agent ${i}, Jr";agent;"chat;voice";Team ${i % 50};3`);
  }
  if (options.bad) {
    lines[1001] = 'not-an-email;"Bad Email";agent;;Team 1;3';
    lines[2001] = `${prefix}x2001@example.com;"Bad Role";boss;;Team 1;3`;
    lines[3001] = `${prefix}x3001@example.com;"Bad Capacity";agent;;Team 1;lots`;
    lines[4001] = `${prefix}0@EXAMPLE.com;"Repeated";agent;;Team 1;3`;
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
