/**
 * The benchmark's table: every figure a scenario records is printed as it comes and kept for
 * bench/results/*.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { pgVersion, ROOT, type Spread } from './lib.js';
import { PAIRS, QUICK, SECONDS } from './settings.js';

export interface Row {
  scenario: string;
  figure: string;
  unit: string;
  roster: Spread;
  baseline: Spread | null;
  /** roster / baseline medians (for latencies, >1 is slower). */
  ratio: number | null;
  goal: string;
  met: boolean | null;
}

export const rows: Row[] = [];

export const round = (n: number) => (n >= 100 ? Math.round(n) : Math.round(n * 100) / 100);
/** A figure measured once. */
export const one = (n: number): Spread => ({ median: n, min: n, max: n });

const fmt = (s: Spread | null) => (s === null ? '-' : `${round(s.median)} [${round(s.min)}-${round(s.max)}]`);

export function printHeader(): void {
  console.log(`Roster benchmarks${QUICK ? ' (--quick: a smoke run, not a measurement)' : ''}`);
  console.log(
    `  ${''.padEnd(3)} ${'figure'.padEnd(44)} ${'roster median [min-max]'.padStart(24)} ${'baseline median [min-max]'.padStart(24)} ${'ratio'.padStart(6)}  goal`,
  );
  console.log(
    '  (rows "RLS vs superuser": roster = Roster as an ordinary role under row-level security, baseline = Roster as superuser)',
  );
  console.log(
    '  (rows "events + audit vs none": roster = Roster as it runs, baseline = Roster writing no events and no audit records)',
  );
}

/** Adds a figure to the table; `ratio` defaults to roster / baseline medians. */
export function record(row: Omit<Row, 'ratio'> & { ratio?: number | null }): Row {
  const ratio =
    row.ratio !== undefined
      ? row.ratio
      : row.baseline && row.baseline.median > 0
        ? row.roster.median / row.baseline.median
        : null;
  const full = { ...row, ratio };
  rows.push(full);
  console.log(
    `  ${row.scenario.padEnd(3)} ${row.figure.padEnd(44)} ${fmt(row.roster).padStart(24)} ${fmt(row.baseline).padStart(24)} ${
      ratio === null ? '-'.padStart(6) : ratio.toFixed(2).padStart(6)
    }  ${row.goal} ${row.met === null ? '' : row.met ? 'MET' : 'MISSED'}`,
  );
  return full;
}

/** Writes the table with the machine's description; prints where, and the goals missed. */
export async function writeResults(startedAt: number): Promise<void> {
  const result = {
    date: new Date().toISOString(),
    quick: QUICK,
    pairs: PAIRS,
    secondsPerRun: SECONDS,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      platform: `${os.platform()} ${os.release()}`,
    },
    node: process.version,
    postgres: await pgVersion(),
    durationSeconds: Math.round((Date.now() - startedAt) / 1000),
    rows,
  };
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  const file = join(ROOT, 'bench/results', QUICK ? 'quick.json' : 'latest.json');
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\n${rows.length} figures in ${result.durationSeconds} s; written to ${file}`);
  const missed = rows.filter((r) => r.met === false);
  if (missed.length > 0) {
    console.log(`goals missed: ${missed.map((r) => `${r.scenario} ${r.figure}`).join('; ')}`);
  }
}

/**
 * Roster's figure in one setting against its own in another, measured in the same run (the ratio
 * is measured / reference), where the setting may cost at most 10 %: throughput >= 0.9x, latency
 * <= 1.1x.
 */
export function recordCost(
  row: { scenario: string; figure: string; unit: string },
  setting: string,
  measured: Spread,
  reference: Spread,
  better: 'higher' | 'lower',
): Row {
  const ratio = reference.median > 0 ? measured.median / reference.median : null;
  const met = ratio === null ? null : better === 'higher' ? ratio >= 0.9 : ratio <= 1.1;
  return record({
    ...row,
    figure: `${row.figure}, ${setting}`,
    roster: measured,
    baseline: reference,
    ratio,
    goal: better === 'higher' ? '>= 0.9x' : '<= 1.1x',
    met,
  });
}

/** The RLS mode's figure against the superuser mode's (see `recordCost`). */
export const recordRls = (
  row: { scenario: string; figure: string; unit: string },
  rls: Spread,
  superuser: Spread,
  better: 'higher' | 'lower',
): Row => recordCost(row, 'RLS vs superuser', rls, superuser, better);

/**
 * Roster as it runs against Roster writing no events and no audit records (ROSTER_RECORD_EVENTS=off),
 * on the same database (see `recordCost`).
 */
export const recordEventsCost = (
  row: { scenario: string; figure: string; unit: string },
  withEvents: Spread,
  without: Spread,
  better: 'higher' | 'lower',
): Row => recordCost(row, 'events + audit vs none', withEvents, without, better);
