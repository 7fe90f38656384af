/**
 * `roster agents import FILE.csv`: check every row (locally, then with a dry run of the bulk
 * endpoint, which knows which agents exist), and only when the whole file is good, create or update
 * the agents 1,000 per call, each call also adding them to their teams (by name, creating missing
 * ones) in the same transaction. Agents match by email and teams by name, so a run killed anywhere
 * and started again ends in the state one uninterrupted run would have reached.
 */

import { type CsvAgent, type CsvProblem, describeProblem, readAgentsCsv } from './agents-csv.js';
import { type Api, ok } from './api.js';
import { printJson, say } from './output.js';
import { startProgress } from './progress.js';

/** As many agents as one bulk call takes. */
const CHUNK = 1000;

export interface ImportOptions {
  dryRun: boolean;
  update: boolean;
  json: boolean;
}

export interface ImportReport {
  file: string;
  rows: number;
  dry_run: boolean;
  /** False when the file was refused before anything was written (see `problems`). */
  valid: boolean;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  teams_created: string[];
  memberships_added: number;
  problems: CsvProblem[];
  seconds: number;
}

type BulkItem = Omit<CsvAgent, 'line'>;
type Counts = Pick<ImportReport, 'created' | 'updated' | 'unchanged' | 'failed'>;

/** Calls in flight at once: the server works on one while the CLI sends or reads the next. */
const PARALLEL_AGENT_CALLS = 2;

/** Runs `work` over `items` with at most `limit` at a time; results in input order. */
async function eachLimited<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const chunks = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

const toItem = ({ line: _line, ...item }: CsvAgent): BulkItem => item;

async function bulk(api: Api, rows: CsvAgent[], update: boolean, dryRun: boolean) {
  return ok(
    api.client.POST('/v1/agents/bulk', {
      params: { query: api.org },
      body: { agents: rows.map(toItem), update, dry_run: dryRun },
    }),
  );
}

/** Adds the teams a call created (or would create) to the report's, once each by name. */
function noteTeams(report: ImportReport, created: { name: string }[]) {
  for (const team of created) {
    if (!report.teams_created.some((name) => name.toLowerCase() === team.name.toLowerCase())) {
      report.teams_created.push(team.name);
    }
  }
}

function tally(
  counts: Counts,
  result: { created: number; updated: number; unchanged: number; failed: number },
) {
  counts.created += result.created;
  counts.updated += result.updated;
  counts.unchanged += result.unchanged;
  counts.failed += result.failed;
}

export async function importAgents(api: Api, file: string, options: ImportOptions): Promise<number> {
  const started = performance.now();
  const csv = await readAgentsCsv(file);
  const report: ImportReport = {
    file,
    rows: csv.rows.length + new Set(csv.problems.map((p) => p.line)).size,
    dry_run: options.dryRun,
    valid: true,
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    teams_created: [],
    memberships_added: 0,
    problems: [...csv.problems],
    seconds: 0,
  };
  // Rows of the same teams go in the same calls: two calls in flight then seldom add members to
  // the same team, and so do not wait for each other's lock on its row (its member count).
  const teamsOf = (row: CsvAgent) =>
    (row.teams ?? [])
      .map((t) => t.toLowerCase())
      .sort()
      .join('\n');
  const ordered = csv.rows
    .map((row) => ({ row, key: teamsOf(row) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r) => r.row);
  const batches = chunks(ordered, CHUNK);
  // Only rows without a name (for agents that may not exist), with a username (another agent may
  // hold it) or making an owner (the key may not grant it) can be refused by the server.
  const refusable = csv.rows.some(
    (r) => r.full_name === undefined || r.username !== undefined || r.role === 'owner',
  );
  if (report.problems.length === 0 && (options.dryRun || refusable)) {
    // What the server would refuse (a new agent without a name, a username another agent holds,
    // an owner the key may not grant): found by a dry run, before anything is written.
    for (const batch of batches) {
      const result = await bulk(api, batch, options.update, true);
      for (const item of result.results) {
        const row = batch[item.index] as CsvAgent;
        if (item.status === 'failed' && item.error !== null) {
          report.problems.push({ line: row.line, column: item.error.field, message: item.error.message });
        }
      }
      if (options.dryRun) {
        tally(report, { ...result, failed: 0 });
        noteTeams(report, result.teams_created);
      }
    }
  }
  if (report.problems.length > 0) {
    report.valid = false;
    report.failed = new Set(report.problems.map((p) => p.line)).size;
    report.problems.sort((a, b) => a.line - b.line);
    return finish(report, options, started);
  }

  if (options.dryRun) {
    return finish(report, options, started);
  }
  const progress = options.json ? null : startProgress(csv.rows.length, 'Importing agents');
  let results: Awaited<ReturnType<typeof bulk>>[];
  try {
    results = await eachLimited(batches, PARALLEL_AGENT_CALLS, async (batch) => {
      const result = await bulk(api, batch, options.update, false);
      progress?.tick(batch.length);
      return result;
    });
  } finally {
    progress?.stop();
  }
  results.forEach((result, b) => {
    const batch = batches[b] as CsvAgent[];
    tally(report, result);
    noteTeams(report, result.teams_created);
    for (const item of result.results) {
      report.memberships_added += item.joined_team_ids.length;
      if (item.status === 'failed' || item.id === null) {
        const row = batch[item.index] as CsvAgent;
        report.problems.push({
          line: row.line,
          column: item.error?.field ?? null,
          message: item.error?.message ?? 'failed',
        });
      }
    }
  });
  report.problems.sort((a, b) => a.line - b.line);
  return finish(report, options, started);
}

function finish(report: ImportReport, options: ImportOptions, started: number): number {
  report.seconds = Math.round(performance.now() - started) / 1000;
  if (options.json) {
    printJson(report);
  } else {
    for (const problem of report.problems) {
      say(describeProblem(problem));
    }
    if (!report.valid) {
      say(`${report.file}: ${report.failed} bad row(s); nothing was written.`);
    } else {
      const verb = report.dry_run ? 'Would import' : 'Imported';
      const teams = report.teams_created.length === 0 ? 'none' : report.teams_created.join(', ');
      process.stdout.write(
        `${verb} ${report.rows} row(s) in ${report.seconds} s: ${report.created} created, ` +
          `${report.updated} updated, ${report.unchanged} unchanged, ${report.failed} failed; ` +
          `teams ${report.dry_run ? 'to create' : 'created'}: ${teams}` +
          (report.dry_run ? '' : `; ${report.memberships_added} membership(s) added`) +
          '\n',
      );
    }
  }
  return report.valid && report.failed === 0 ? 0 : 1;
}
