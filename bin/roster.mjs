#!/usr/bin/env node
// The `roster` command (package.json "bin"): runs the TypeScript of src/cli through tsx, so it
// works straight after `npm ci`, without a build.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli/main.ts');
process.exitCode = await run(process.argv);
