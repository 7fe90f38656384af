/**
 * Reading an agents CSV file for `roster agents import`: columns by header name in any order,
 * UTF-8 with or without a BOM, `,` or `;` as delimiter (detected on the header line), quoted
 * fields, CRLF or LF. Every row is checked before anything is sent; each problem names its line
 * and column.
 */
import { open, readFile } from 'node:fs/promises';
import { CsvError, parse } from 'csv-parse/sync';

/** Where ajv-formats' full `email` format is what the server checks; the same pattern here. */
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
const ROLES = ['owner', 'admin', 'supervisor', 'agent'];

export const AGENT_COLUMNS = [
  'email',
  'full_name',
  'role',
  'username',
  'phone_number',
  'max_concurrent',
  'tags',
  'teams',
] as const;

/** One row, as the bulk endpoint takes it, plus its teams by name and where it came from. */
export interface CsvAgent {
  line: number;
  email: string;
  full_name?: string;
  role?: 'owner' | 'admin' | 'supervisor' | 'agent';
  username?: string;
  phone_number?: string;
  max_concurrent?: number;
  tags?: string[];
  teams?: string[];
}

export interface CsvProblem {
  line: number;
  column: string | null;
  message: string;
}

export interface CsvAgents {
  rows: CsvAgent[];
  problems: CsvProblem[];
  delimiter: string;
}

/** `,` or `;`: whichever the header line (after any BOM) of `head` holds more of, outside quotes. */
function delimiterOf(head: Buffer): string {
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const header = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const count = (c: string) => header.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** The delimiter of the CSV file at `path`, from its first 64 KiB (see `delimiterOf`). */
export async function detectDelimiter(path: string): Promise<string> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
    return delimiterOf(buffer.subarray(0, bytesRead));
  } finally {
    await file.close();
  }
}

/** A `;`-separated list cell: trimmed items, empty ones dropped. */
const list = (value: string) =>
  value
    .split(';')
    .map((v) => v.trim())
    .filter((v) => v !== '');

type Check = (value: string, row: CsvAgent) => string | null;

function text(max: number, set: (row: CsvAgent, value: string) => void): Check {
  return (value, row) => {
    if (value.length > max) {
      return `is longer than ${max} characters`;
    }
    set(row, value);
    return null;
  };
}

function items(maxItems: number, maxLength: number, set: (row: CsvAgent, values: string[]) => void): Check {
  return (value, row) => {
    const values = list(value);
    if (values.length > maxItems) {
      return `has more than ${maxItems} items`;
    }
    const long = values.find((v) => v.length > maxLength);
    if (long !== undefined) {
      return `item "${long.slice(0, 40)}" is longer than ${maxLength} characters`;
    }
    set(row, [...new Set(values)]);
    return null;
  };
}

/** How each column's cell is checked and stored; an empty cell means "not given". */
const CHECKS: Record<(typeof AGENT_COLUMNS)[number], Check> = {
  email: (value, row) => {
    if (value.length > 320 || !EMAIL.test(value)) {
      return `"${value.slice(0, 80)}" is not an email address`;
    }
    row.email = value;
    return null;
  },
  full_name: text(255, (row, v) => {
    row.full_name = v;
  }),
  role: (value, row) => {
    const role = value.toLowerCase();
    if (!ROLES.includes(role)) {
      return `"${value.slice(0, 40)}" is not one of ${ROLES.join(', ')}`;
    }
    row.role = role as CsvAgent['role'];
    return null;
  },
  username: text(100, (row, v) => {
    row.username = v;
  }),
  phone_number: text(50, (row, v) => {
    row.phone_number = v;
  }),
  max_concurrent: (value, row) => {
    if (!/^\d+$/.test(value) || Number(value) > 1000) {
      return `"${value.slice(0, 40)}" is not a whole number from 0 to 1000`;
    }
    row.max_concurrent = Number(value);
    return null;
  },
  tags: items(100, 100, (row, v) => {
    row.tags = v;
  }),
  teams: items(100, 255, (row, v) => {
    row.teams = v;
  }),
};

/**
 * Reads and checks the whole file; `rows` holds only the rows without problems. The file is read
 * at once and parsed synchronously (its rows are all held anyway): parsing 10,000 rows through the
 * stream API took 200 ms in a fresh process, three times as long. Rows before a part that is not
 * CSV are still checked, and that part is reported as a problem of its own.
 */
export async function readAgentsCsv(path: string): Promise<CsvAgents> {
  const content = await readFile(path);
  const delimiter = delimiterOf(content.subarray(0, 64 * 1024));
  const records: { record: string[]; line: number }[] = [];
  let unreadable: CsvProblem | null = null;
  try {
    parse(content, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      on_record: (record: string[], context) => {
        records.push({ record, line: context.lines });
        return null;
      },
    });
  } catch (err) {
    if (!(err instanceof CsvError)) {
      throw err;
    }
    const at = (err as CsvError & { lines?: number }).lines;
    unreadable = { line: at ?? 0, column: null, message: `cannot be read as CSV: ${err.message}` };
  }
  const rows: CsvAgent[] = [];
  const problems: CsvProblem[] = [];
  let header: string[] | null = null;
  const firstLine = new Map<string, number>();
  for (const { record, line } of records) {
    if (header === null) {
      header = record.map((h) => h.trim().toLowerCase());
      problems.push(...headerProblems(header, line));
      if (problems.length > 0) {
        break;
      }
      continue;
    }
    if (record.length !== header.length) {
      problems.push({
        line,
        column: null,
        message: `has ${record.length} fields, the header has ${header.length}`,
      });
      continue;
    }
    const row = { line, email: '' } as CsvAgent;
    let bad = false;
    header.forEach((column, i) => {
      const value = record[i] ?? '';
      if (value === '') {
        if (column === 'email') {
          problems.push({ line, column, message: 'is required' });
          bad = true;
        }
        return;
      }
      const message = CHECKS[column as keyof typeof CHECKS](value, row);
      if (message !== null) {
        problems.push({ line, column, message });
        bad = true;
      }
    });
    if (bad) {
      continue;
    }
    const key = row.email.toLowerCase();
    const earlier = firstLine.get(key);
    if (earlier !== undefined) {
      problems.push({ line, column: 'email', message: `"${row.email}" is already on line ${earlier}` });
      continue;
    }
    firstLine.set(key, line);
    rows.push(row);
  }
  if (unreadable !== null) {
    problems.push(unreadable);
  }
  if (header === null) {
    problems.push({ line: 1, column: null, message: 'the file is empty: a header line is required' });
  }
  return { rows, problems, delimiter };
}

function headerProblems(header: string[], line: number): CsvProblem[] {
  const problems: CsvProblem[] = [];
  const known = new Set<string>(AGENT_COLUMNS);
  const seen = new Set<string>();
  for (const column of header) {
    if (!known.has(column)) {
      problems.push({ line, column, message: `is not a column of agents (${AGENT_COLUMNS.join(', ')})` });
    } else if (seen.has(column)) {
      problems.push({ line, column, message: 'appears twice in the header' });
    }
    seen.add(column);
  }
  if (!seen.has('email')) {
    problems.push({ line, column: 'email', message: 'the header has no email column' });
  }
  return problems;
}

/** `line 12, column email: "x" is not an email address` */
export const describeProblem = (p: CsvProblem) =>
  `line ${p.line}${p.column === null ? '' : `, column ${p.column}`}: ${p.message}`;
