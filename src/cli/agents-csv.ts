/**
 * Reading an agents CSV file for `roster agents import`: columns by header name in any order,
 * UTF-8 with or without a BOM, `,` or `;` as delimiter (detected on the header line), quoted
 * fields, CRLF or LF. Every row is checked before anything is sent; each problem names its line
 * and column.
 */
import { readFile } from 'node:fs/promises';
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
 * Line numbers of `content` by byte offset, as an editor counts them (CRLF, LF or CR end a line).
 * csv-parse's own count takes a CRLF inside a quoted cell for two lines, and gives a record's last
 * line; a problem is reported at its record's first. Offsets must be asked for in increasing order.
 */
function lineNumbers(content: Buffer) {
  let offset = 0;
  let line = 1;
  const isBreak = (i: number) => content[i] === 0x0a || content[i] === 0x0d;
  const advance = (to: number) => {
    for (; offset < to && offset < content.length; offset++) {
      // A CR followed by LF is one line break, counted at the LF.
      if (content[offset] === 0x0a || (content[offset] === 0x0d && content[offset + 1] !== 0x0a)) {
        line++;
      }
    }
  };
  return {
    /** The first line of the record that ends at byte `end`, after blank lines before it. */
    recordEndingAt(end: number): number {
      while (offset < end && isBreak(offset)) {
        advance(offset + 1);
      }
      const first = line;
      advance(end);
      return first;
    },
    /** The first line of the next record: where a part that could not be parsed starts. */
    next(): number {
      while (offset < content.length && isBreak(offset)) {
        advance(offset + 1);
      }
      return line;
    },
  };
}

/** A CSV file's records (cells trimmed, blank lines skipped), each with its first line. */
export interface CsvRecords {
  /** `,` or `;`, detected on the header line (see `delimiterOf`). */
  delimiter: string;
  records: { record: string[]; line: number }[];
  /** The part that could not be parsed, if any: the records before it are in `records`. */
  unreadable: CsvProblem | null;
}

/** Parses `content` (UTF-8, any BOM dropped) into records numbered by line (see `lineNumbers`). */
export function csvRecords(content: Buffer): CsvRecords {
  const delimiter = delimiterOf(content.subarray(0, 64 * 1024));
  const records: CsvRecords['records'] = [];
  const lines = lineNumbers(content);
  try {
    parse(content, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      on_record: (record: string[], context) => {
        records.push({ record, line: lines.recordEndingAt(context.bytes) });
        return null;
      },
    });
  } catch (err) {
    if (!(err instanceof CsvError)) {
      throw err;
    }
    // The parser failed inside the record after the last one it gave.
    return {
      delimiter,
      records,
      unreadable: { line: lines.next(), column: null, message: `cannot be read as CSV: ${err.message}` },
    };
  }
  return { delimiter, records, unreadable: null };
}

/**
 * Reads and checks the whole file; `rows` holds only the rows without problems. The file is read
 * at once and parsed synchronously (its rows are all held anyway): parsing 10,000 rows through the
 * stream API took 200 ms in a fresh process, three times as long. Rows before a part that is not
 * CSV are still checked, and that part is reported as a problem of its own.
 */
export async function readAgentsCsv(path: string): Promise<CsvAgents> {
  const { delimiter, records, unreadable } = csvRecords(await readFile(path));
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
