// @ts-check
/**
 * Whether a build output is older than what it is built from, by modification times. Kept apart
 * from build.mjs so that bin/roster.mjs can ask without loading esbuild.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Newest modification time (ms) of a file under `dir`, recursively; 0 when there is none.
 *
 * @param {string} dir
 * @returns {number}
 */
export function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const mtime = entry.isDirectory() ? newest(path) : statSync(path).mtimeMs;
    latest = Math.max(latest, mtime);
  }
  return latest;
}

/**
 * Why dist/cli needs building, or null when it is newer than everything it is built from: the
 * sources (src/, the client package), package-lock.json and the build scripts.
 *
 * @param {string} root the project directory
 * @returns {string | null}
 */
export function cliStaleness(root) {
  let built;
  try {
    built = statSync(join(root, 'dist', 'cli', 'main.mjs')).mtimeMs;
  } catch {
    return 'dist/cli does not exist';
  }
  const inputs = [
    newest(join(root, 'src')),
    newest(join(root, 'packages', 'client', 'src')),
    statSync(join(root, 'package-lock.json')).mtimeMs,
    newest(join(root, 'scripts')),
  ];
  return Math.max(...inputs) >= built ? 'sources changed since dist/cli was built' : null;
}
