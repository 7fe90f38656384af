/**
 * `npm run pglite:template`: writes assets/pglite-template-<version>.tgz, a fresh PGlite cluster
 * of the installed version, from which new embedded databases start (src/db/pglite-template.ts).
 * Run it after upgrading @electric-sql/pglite, and delete the old version's file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { templatePath } from '../src/db/pglite-template.js';

const client = new PGlite();
await client.waitReady;
const dump = await client.dumpDataDir('gzip');
await client.close();
const path = templatePath();
mkdirSync(dirname(path), { recursive: true });
writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
process.stdout.write(`wrote ${path} (${dump.size} bytes)\n`);
