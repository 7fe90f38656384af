// The npm registry mirror on our build machines serves only the Linux builds of Biome's
// platform binaries, so `npm install` leaves the other optional platform packages out of
// package-lock.json, and `npm ci` then rejects the lock as out of sync with package.json.
// This adds the missing entries with their os/cpu/libc constraints, exactly as npm writes
// them when it can see the packages; npm skips them on platforms they do not match.
// Run it after any `npm install` that rewrites the lock: node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const parent = lock.packages['node_modules/@biomejs/biome'];
let added = 0;
for (const [name, version] of Object.entries(parent?.optionalDependencies ?? {})) {
  const key = `node_modules/${name}`;
  if (lock.packages[key]) {
    continue;
  }
  const [, os, cpu, libc] = name.match(/cli-(\w+)-(x64|arm64)(?:-(musl))?$/) ?? [];
  lock.packages[key] = {
    version,
    cpu: [cpu],
    dev: true,
    ...(os === 'linux' ? { libc: [libc ?? 'glibc'] } : {}),
    license: parent.license,
    optional: true,
    os: [os],
    engines: parent.engines,
  };
  added++;
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} lock entries`);
