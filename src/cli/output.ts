import Table from 'cli-table3';

/** One JSON document on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** One line of NDJSON on stdout (streams). */
export function printJsonLine(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

const cell = (value: unknown): string => {
  if (value === null || value === undefined) {
    return '';
  }
  if (Array.isArray(value)) {
    return value.join(';');
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
};

/** A readable table of `rows` with these columns (headers upper-cased), without colours. */
export function renderTable(rows: Record<string, unknown>[], columns: string[]): string {
  const table = new Table({
    head: columns.map((c) => c.toUpperCase()),
    style: { head: [], border: [], compact: true, 'padding-left': 0, 'padding-right': 2 },
    chars: {
      top: '',
      'top-mid': '',
      'top-left': '',
      'top-right': '',
      bottom: '',
      'bottom-mid': '',
      'bottom-left': '',
      'bottom-right': '',
      left: '',
      'left-mid': '',
      mid: '',
      'mid-mid': '',
      right: '',
      'right-mid': '',
      middle: '',
    },
  });
  for (const row of rows) {
    table.push(columns.map((c) => cell(row[c])));
  }
  return table.toString().replace(/[ \t]+$/gm, '');
}

/** The rows as JSON with --json, as a table otherwise. */
export function printRows(rows: Record<string, unknown>[], columns: string[], json: boolean): void {
  if (json) {
    printJson(rows);
    return;
  }
  process.stdout.write(rows.length === 0 ? '(none)\n' : `${renderTable(rows, columns)}\n`);
}

/** One record: JSON with --json, `field  value` lines otherwise. */
export function printRecord(record: Record<string, unknown>, json: boolean): void {
  if (json) {
    printJson(record);
    return;
  }
  const width = Math.max(...Object.keys(record).map((k) => k.length));
  const lines = Object.entries(record).map(([k, v]) => `${k.padEnd(width)}  ${cell(v)}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** A message for the person at the terminal: stderr, so stdout stays data. */
export function say(message: string): void {
  process.stderr.write(`${message}\n`);
}
