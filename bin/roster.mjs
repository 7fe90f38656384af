#!/usr/bin/env node
// The `roster` command (package.json "bin"). Runs the built command line (dist/cli, made by
// `npm run build`) when it is newer than its sources, and otherwise the TypeScript of src/cli
// through tsx, so it works straight after `npm ci` too, only slower to start.
import { fileURLToPath } from 'node:url';
import { cliStaleness } from '../scripts/freshness.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
let run;
if (process.env.ROSTER_CLI_FROM_SOURCE !== '1' && cliStaleness(root) === null) {
  ({ run } = await import('../dist/cli/main.mjs'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ run } = await import('../src/cli/main.ts'));
}
process.exitCode = await run(process.argv);
