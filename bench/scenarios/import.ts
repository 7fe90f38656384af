/**
 * import. `roster agents import` of 10,000 agents in 50 teams (a `;`-separated CSV with a BOM),
 * the CLI run as a user runs it, against the same rows written by bare statements
 * (bench/baselines/import-sql.ts). Each run gets a new org of the same database and server.
 * Then the same import against Roster on its embedded database (`npm start`'s), which has no bare
 * baseline: its goal is a time.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCli } from '../../scripts/build.mjs';
import { bareImport, type ImportRow } from '../baselines/import-sql.js';
import { tenant } from '../data.js';
import { freshDatabase, POOL_SIZE, ROOT, spread, startRoster } from '../lib.js';
import { record } from '../report.js';
import type { Bench, Scenario } from '../scenario.js';
import { PAIRS, QUICK } from '../settings.js';

const ROWS = 10_000;

function rowsOf(prefix: string): ImportRow[] {
  return Array.from({ length: ROWS }, (_, n) => ({
    email: `${prefix}-agent${n}@bench.test`,
    fullName: `Agent ${n}`,
    tags: ['chat', 'voice'],
    team: `Team ${n % 50}`,
    maxConcurrent: 3,
  }));
}

function csvOf(rows: ImportRow[]): string {
  const lines = rows.map(
    (r) => `${r.email};"${r.fullName}";agent;"${r.tags.join(';')}";${r.team};${r.maxConcurrent}`,
  );
  return `\uFEFFemail;full_name;role;tags;teams;max_concurrent\r\n${lines.join('\r\n')}\r\n`;
}

/** Wall time (ms) of one `roster agents import` run, start of the process to its exit. */
function runImport(base: string, key: string, file: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin', 'roster.mjs'), '--url', base, '--key', key, '--json', 'agents', 'import', file],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.once('exit', (code) => {
      const report = code === 0 ? JSON.parse(out) : null;
      if (report?.created !== ROWS) {
        reject(new Error(`import: exit ${code}: ${out.slice(0, 500)}`));
        return;
      }
      resolve(performance.now() - started);
    });
  });
}

async function run(bench: Bench): Promise<void> {
  console.log(`\nimport. roster agents import: ${ROWS} agents, 50 teams, against bare statements`);
  // As a user runs it after `npm run build`: the built command line, not tsx over the sources.
  await ensureCli();
  const db = await freshDatabase('import');
  bench.databases.push(db);
  const roster = await startRoster({ DATABASE_URL: db.url, ROSTER_DB_POOL_SIZE: String(POOL_SIZE) });
  bench.processes.push(roster);
  const dir = mkdtempSync(join(tmpdir(), 'roster-bench-import-'));
  try {
    const cli: number[] = [];
    const bare: number[] = [];
    const pairs = QUICK ? 1 : PAIRS;
    // A warm-up pair first, as every scenario has: a fresh server's first import also pays for
    // compiling its code paths (about 1.2 s against 0.9 s for the next ones here).
    for (let i = QUICK ? 0 : -1; i < pairs; i++) {
      const rows = rowsOf(`p${i}`);
      const file = join(dir, `agents-${i}.csv`);
      writeFileSync(file, csvOf(rows));
      const viaCli = await tenant(roster.base);
      const cliMs = await runImport(roster.base, viaCli.key, file);
      const viaSql = await tenant(roster.base);
      const bareMs = await bareImport(db.url, viaSql.orgId, rows);
      if (i >= 0) {
        cli.push(cliMs);
        bare.push(bareMs);
      }
    }
    const r = spread(cli);
    const b = spread(bare);
    record({
      scenario: 'import',
      figure: `${ROWS} agents + 50 teams (ms)`,
      unit: 'ms',
      roster: r,
      baseline: b,
      goal: '<= 1.5x',
      met: r.median <= 1.5 * b.median,
    });
    record({
      scenario: 'import',
      figure: `${ROWS} agents on PostgreSQL (ms)`,
      unit: 'ms',
      roster: r,
      baseline: null,
      ratio: null,
      goal: '<= 5000',
      met: r.median <= 5000,
    });
  } finally {
    await roster.stop();
  }
  try {
    await embedded(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same import against Roster on a fresh embedded database (PGlite), one org per run. */
async function embedded(dir: string): Promise<void> {
  const roster = await startRoster({ ROSTER_DATA_DIR: join(dir, 'data') });
  try {
    const times: number[] = [];
    for (let i = 0; i < (QUICK ? 1 : PAIRS); i++) {
      const file = join(dir, `embedded-${i}.csv`);
      writeFileSync(file, csvOf(rowsOf(`e${i}`)));
      const org = await tenant(roster.base);
      times.push(await runImport(roster.base, org.key, file));
    }
    const r = spread(times);
    record({
      scenario: 'import',
      figure: `${ROWS} agents on the embedded database (ms)`,
      unit: 'ms',
      roster: r,
      baseline: null,
      ratio: null,
      goal: '<= 15000',
      met: r.median <= 15000,
    });
  } finally {
    await roster.stop();
  }
}

export const scenarioImport: Scenario = { name: 'import', run };
