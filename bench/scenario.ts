/**
 * What a scenario is, and what scenarios hand on to the ones that build on them. To add one,
 * write bench/scenarios/<name>.ts exporting a `Scenario` and list it in bench/scenarios/index.ts.
 */
import type { BenchDb, Proc } from './lib.js';

export interface Tenant {
  orgId: string;
  key: string;
}

/** Process start to /readyz 200, on a fresh store and on existing data (ms). */
export interface Startup {
  fresh: number;
  warm: number[];
}

/** Scenario a's database, tenant and server, which b, c, c' and d go on with. */
export interface ScenarioA {
  db: BenchDb;
  /** Roster as superuser (the quick start). */
  roster: Proc;
  /** Roster as an ordinary role under row-level security, on the same database. */
  rls: Proc;
  t: Tenant;
  startup: Startup;
  rssAtRest: number;
  rssUnderLoad: number;
}

/** What the scenarios of one run share. A scenario that hands something on adds a field here. */
export interface Bench {
  /** Dropped when the run ends. */
  databases: BenchDb[];
  /** Stopped when the run ends (stopping twice is harmless). */
  processes: Proc[];
  a?: ScenarioA;
  /** Scenario b's 1,000 agents and its p50 per bulk add (ms). */
  b?: { agents: string[]; smallBulkP50: number };
  /** Start-up times of a' (PGlite). */
  aPrime?: Startup;
}

export interface Scenario {
  /** As `--only=` names it and the table shows it: 'a', "c'", 'h'. */
  name: string;
  /** Scenarios whose results this one uses: they run first, asked for or not. */
  needs?: string[];
  run(bench: Bench): Promise<void>;
}

/** The result a scenario needs from one that ran before it. */
export function from<K extends keyof Bench>(bench: Bench, key: K): NonNullable<Bench[K]> {
  const value = bench[key];
  if (value === undefined || value === null) {
    throw new Error(`scenario ${String(key)} has not run`);
  }
  return value as NonNullable<Bench[K]>;
}
