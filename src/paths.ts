import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The nearest directory at or above `from` that holds a `package.json`: the project's root,
 * whether this module runs from `src/` (through tsx) or inlined in the bundle `dist/roster.mjs`.
 * Throws when there is none, rather than guessing.
 */
export function findProjectRoot(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; ) {
    if (existsSync(join(dir, 'package.json'))) {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`no package.json at or above ${dirname(from)}`);
    }
    dir = parent;
  }
}

let root: string | null = null;

/** A path inside the project, e.g. `projectPath('drizzle')` for the migrations folder. */
export function projectPath(...segments: string[]): string {
  root ??= findProjectRoot();
  return join(root, ...segments);
}
