import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectPath } from '../paths.js';

/**
 * A freshly initialised PGlite cluster, as `dumpDataDir` writes it, shipped in `assets/` and
 * named after the PGlite version that made it. A new embedded database starts from it instead of
 * running initdb, which takes about 3 of the 5 seconds of a first start (and of every in-memory
 * database the tests open). Made by `npm run pglite:template`; a test fails when the installed
 * PGlite has none, and without one Roster simply runs initdb.
 */
const assets = projectPath('assets');

/** The version of the installed PGlite, from its package.json. */
export function pgliteVersion(): string {
  const entry = fileURLToPath(import.meta.resolve('@electric-sql/pglite'));
  const manifest = join(entry, '..', '..', 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

export function templatePath(version: string = pgliteVersion()): string {
  return join(assets, `pglite-template-${version}.tgz`);
}

/** The template for the installed PGlite, or null when there is none. */
export function loadTemplate(): Blob | null {
  const path = templatePath();
  return existsSync(path) ? new Blob([readFileSync(path)]) : null;
}

/** True when `dataDir` already holds a cluster (PostgreSQL writes PG_VERSION at initdb). */
export function holdsCluster(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION'));
}
