import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axe from 'axe-core';
import { type Browser, chromium, type Page } from 'playwright-core';
import { ensureConsole } from '../../scripts/build.mjs';
import { type Server, startServer } from '../../test/server.js';

export const CHROMIUM = '/usr/bin/chromium';
/** Why the end-to-end tests cannot run here, or false when they can. */
export const SKIP = existsSync(CHROMIUM)
  ? false
  : `${CHROMIUM} is missing: install Debian's chromium package (apt-get install -y chromium) to run the console's end-to-end tests`;

export const MASTER_KEY = `roster_mk_e2e_${'k'.repeat(40)}`;

/**
 * A real Roster (`node dist/roster.mjs`, console built) on a fresh embedded database, or on the
 * database that `env` names (`DATABASE_URL`).
 */
export async function startRoster(env: Record<string, string> = {}): Promise<Server> {
  await ensureConsole();
  return startServer({
    ROSTER_DATA_DIR: mkdtempSync(join(tmpdir(), 'roster-console-e2e-')),
    ROSTER_MASTER_KEY: MASTER_KEY,
    ...env,
  });
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-gpu',
    ],
  });
}

/** One JSON call to the API with a key; throws on an error status. */
export async function api<T = Record<string, unknown>>(
  base: string,
  key: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${path}: ${response.status} ${text}`);
  }
  return (text ? JSON.parse(text) : null) as T;
}

/** A new org with a `*` key: `{ orgId, key, keyId }`. */
export async function newOrg(base: string, name: string) {
  const org = await api<{ id: string }>(base, MASTER_KEY, 'POST', '/v1/orgs', { name });
  const key = await api<{ id: string; key: string }>(
    base,
    MASTER_KEY,
    'POST',
    `/v1/api-keys?org_id=${org.id}`,
    {
      name: 'console admin',
      scopes: ['*'],
    },
  );
  return { orgId: org.id, key: key.key, keyId: key.id };
}

/** Runs `fn` over `items` with at most `width` at once. */
export async function inParallel<T>(
  items: T[],
  width: number,
  fn: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const item = items[next++] as T;
        await fn(item);
      }
    }),
  );
}

/** Serious and critical accessibility violations axe-core finds on the page as it is. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Colours are judged as they end up: a dialog fading in or out is half transparent, and its
  // text fails the contrast rule. Endless animations (a spinner) are not waited for.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().endTime !== Number.POSITIVE_INFINITY)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  // Evaluated through the DevTools protocol, so the page's Content-Security-Policy does not apply.
  await page.evaluate(axe.source);
  const result = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

export async function signIn(page: Page, base: string, key: string): Promise<void> {
  await page.goto(`${base}/console/`);
  await page.getByLabel('API key', { exact: true }).fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Presence board' }).waitFor();
}
