/**
 * Runnable documentation: the shell examples of README.md and docs/ are run, page by page, and
 * their output compared with the output the page shows. The convention (docs/contributing.md):
 *
 * - A block fenced as ```sh runs. The ```sh blocks of one page run in order, in one
 *   `bash -euo pipefail` session, against a fresh server; the session starts with only ROSTER_URL
 *   and ROSTER_MASTER_KEY exported (and PATH).
 * - A ```json or ```text block that follows a ```sh block, with nothing but blank lines between,
 *   is that block's expected output. ```text: each non-blank line must match a whole line of the
 *   output, in order (other output lines may come between); `...` in a line matches anything.
 *   ```json: each JSON value must match a JSON value of the output, in order: objects match when
 *   every key shown matches (the output may have more), arrays element by element, where a `...`
 *   element stands for any number of elements; a string with `...` matches any string of that
 *   shape, and "..." alone any value.
 * - Blocks fenced otherwise (```text, ```console, ```json on their own, ```bash, ...) do not run.
 */

export interface ShBlock {
  /** 1-based line of the opening fence, for messages. */
  line: number;
  code: string;
  expected: { kind: 'json' | 'text'; line: number; body: string } | null;
}

interface Fence {
  lang: string;
  line: number;
  body: string;
  /** Index of the line after the closing fence. */
  end: number;
}

const OPEN = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)[^`]*$/;

function readFence(lines: string[], start: number): Fence | null {
  const open = OPEN.exec(lines[start] ?? '');
  if (open === null) {
    return null;
  }
  const [, indent = '', marker = '```', lang = ''] = open;
  const body: string[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const text = lines[i] as string;
    if (text.trim().startsWith(marker) && text.trim().replace(/[`~]/g, '') === '') {
      return { lang: lang.toLowerCase(), line: start + 1, body: body.join('\n'), end: i + 1 };
    }
    body.push(text.startsWith(indent) ? text.slice(indent.length) : text.trimStart());
  }
  throw new Error(`line ${start + 1}: code block is never closed`);
}

/** The ```sh blocks of a Markdown page, each with the output block that follows it, if any. */
export function extractShBlocks(markdown: string): ShBlock[] {
  const lines = markdown.split('\n');
  const blocks: ShBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const fence = readFence(lines, i);
    if (fence === null) {
      i++;
      continue;
    }
    i = fence.end;
    if (fence.lang !== 'sh') {
      continue;
    }
    let next = i;
    while (next < lines.length && (lines[next] as string).trim() === '') {
      next++;
    }
    const after = next < lines.length ? readFence(lines, next) : null;
    let expected: ShBlock['expected'] = null;
    if (after !== null && (after.lang === 'json' || after.lang === 'text')) {
      expected = { kind: after.lang, line: after.line, body: after.body };
      i = after.end;
    }
    blocks.push({ line: fence.line, code: fence.body, expected });
  }
  return blocks;
}

const MARK = '@@roster-docs-block';

/** One bash script running every block in order, printing a marker line before each. */
export function pageScript(blocks: ShBlock[]): string {
  const parts = blocks.map((block, n) => `printf '\\n${MARK} ${n}@@\\n'\n${block.code}\n`);
  return `${parts.join('')}printf '\\n${MARK} end@@\\n'\n`;
}

/** Splits a page script's stdout into each block's output. */
export function splitOutput(stdout: string, count: number): string[] {
  const outputs: string[] = [];
  for (let n = 0; n < count; n++) {
    const start = stdout.indexOf(`\n${MARK} ${n}@@\n`);
    if (start === -1) {
      break;
    }
    const from = start + `\n${MARK} ${n}@@\n`.length;
    const nextMark = n + 1 < count ? `\n${MARK} ${n + 1}@@\n` : `\n${MARK} end@@\n`;
    const to = stdout.indexOf(nextMark, from);
    outputs.push(stdout.slice(from, to === -1 ? undefined : to));
  }
  return outputs;
}

// ---- matching -------------------------------------------------------------------------------

const ANY = '\u0000roster-docs-any';
const STRING = /"(?:[^"\\]|\\.)*"/g;

/** Expected JSON as written in the docs: bare `...` become placeholders, then it is parsed. */
function normaliseExpectedJson(text: string): string {
  let out = '';
  let last = 0;
  const outside = (segment: string) =>
    segment
      .replace(/,\s*\.\.\.(?=\s*})/g, '')
      .replace(/\{\s*\.\.\.\s*,?/g, '{')
      .replace(/\.\.\./g, JSON.stringify(ANY));
  for (const match of text.matchAll(STRING)) {
    out += outside(text.slice(last, match.index)) + match[0];
    last = (match.index ?? 0) + match[0].length;
  }
  return out + outside(text.slice(last));
}

/** Where the JSON value starting at `from` ends (exclusive), or -1 if it does not close. */
function jsonEnd(text: string, from: number): number {
  let depth = 0;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') {
        i++;
      } else if (c === '"') {
        inString = false;
      }
    } else if (c === '"') {
      inString = true;
    } else if (c === '{' || c === '[') {
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) {
        return i + 1;
      }
    }
  }
  return -1;
}

/** The JSON objects and arrays of a text, in order (lines that start one; the rest is skipped). */
export function jsonValues(text: string): unknown[] {
  const values: unknown[] = [];
  let i = 0;
  while (i < text.length) {
    const lineEnd = text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i);
    const start = text.slice(i, lineEnd).search(/\S/);
    const c = start === -1 ? '' : text[i + start];
    if (c === '{' || c === '[') {
      const end = jsonEnd(text, i + start);
      if (end !== -1) {
        try {
          values.push(JSON.parse(text.slice(i + start, end)));
          i = end;
          continue;
        } catch {
          // not JSON after all: a line of text
        }
      }
    }
    i = lineEnd + 1;
  }
  return values;
}

function globRegex(pattern: string): RegExp {
  const parts = pattern.split('...').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`, 's');
}

/** Whether `actual` matches the expected value as the convention says. */
export function matchesJson(expected: unknown, actual: unknown): boolean {
  if (expected === ANY || expected === '...') {
    return true;
  }
  if (typeof expected === 'string') {
    return (
      typeof actual === 'string' &&
      (expected.includes('...') ? globRegex(expected).test(actual) : expected === actual)
    );
  }
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && matchesArray(expected, 0, actual, 0);
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
      return false;
    }
    return Object.entries(expected).every(
      ([key, value]) =>
        Object.hasOwn(actual, key) && matchesJson(value, (actual as Record<string, unknown>)[key]),
    );
  }
  return Object.is(expected, actual);
}

function matchesArray(expected: unknown[], e: number, actual: unknown[], a: number): boolean {
  if (e === expected.length) {
    return a === actual.length;
  }
  if (expected[e] === ANY) {
    for (let skip = a; skip <= actual.length; skip++) {
      if (matchesArray(expected, e + 1, actual, skip)) {
        return true;
      }
    }
    return false;
  }
  return (
    a < actual.length && matchesJson(expected[e], actual[a]) && matchesArray(expected, e + 1, actual, a + 1)
  );
}

/**
 * Compares a block's output with what the page shows. Returns null when it matches, else a
 * message saying what was not found.
 */
export function checkOutput(expected: NonNullable<ShBlock['expected']>, output: string): string | null {
  if (expected.kind === 'text') {
    const lines = output.split('\n').map((l) => l.trimEnd());
    let at = 0;
    for (const want of expected.body.split('\n')) {
      if (want.trim() === '') {
        continue;
      }
      const re = globRegex(want.trim());
      const found = lines.findIndex((line, i) => i >= at && re.test(line.trim()));
      if (found === -1) {
        return `no output line matches ${JSON.stringify(want.trim())} (in order)`;
      }
      at = found + 1;
    }
    return null;
  }
  let wanted: unknown[];
  try {
    wanted = jsonValues(normaliseExpectedJson(expected.body));
  } catch (err) {
    return `the expected JSON does not parse: ${String(err)}`;
  }
  if (wanted.length === 0) {
    return 'the ```json block holds no JSON object or array';
  }
  const got = jsonValues(output);
  let at = 0;
  for (const want of wanted) {
    const found = got.findIndex((value, i) => i >= at && matchesJson(want, value));
    if (found === -1) {
      return `no JSON value of the output matches ${JSON.stringify(want).replaceAll(JSON.stringify(ANY), '...')} (in order)`;
    }
    at = found + 1;
  }
  return null;
}
