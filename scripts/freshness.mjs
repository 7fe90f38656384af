// @ts-check
/**
 * Whether a build output is older than what it is built from, by modification times. Kept apart
 * from build.mjs so that bin/roster.mjs can ask without loading esbuild.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

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
 * Why `built` (a path under `root`) needs building, or null when it is newer than every input: it
 * is missing, or an input (a file, or any file under a directory, paths under `root`) was modified
 * at or after it.
 *
 * @param {string} root the project directory
 * @param {string} built
 * @param {string[]} inputs
 * @returns {string | null}
 */
export function staleAgainst(root, built, inputs) {
  let builtAt;
  try {
    builtAt = statSync(join(root, built)).mtimeMs;
  } catch {
    return `${built} does not exist`;
  }
  const changed = inputs.filter((input) => {
    const path = join(root, input);
    const mtime = statSync(path).isDirectory() ? newest(path) : statSync(path).mtimeMs;
    return mtime >= builtAt;
  });
  return changed.length === 0 ? null : `${changed.join(', ')} changed since ${basename(built)} was built`;
}

/**
 * Why dist/cli needs building, or null when it is newer than everything it is built from: the
 * sources (src/, the client package), package-lock.json and the build scripts.
 *
 * @param {string} root the project directory
 * @returns {string | null}
 */
export function cliStaleness(root) {
  return staleAgainst(root, 'dist/cli/main.mjs', [
    'src/',
    'packages/client/src/',
    'package-lock.json',
    'scripts/',
  ]);
}
