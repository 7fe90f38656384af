import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  checkOutput,
  extractShBlocks,
  jsonValues,
  matchesJson,
  pageScript,
  splitOutput,
} from './docs/runnable.js';
import { TEST_DB_KIND } from './harness.js';
import { killServers, type Server, startServer } from './server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MASTER_KEY = 'docs-examples-master-key-0123456789abcdef';
/** How long one page's examples may take, all blocks together. */
const PAGE_TIMEOUT_MS = 120_000;

function markdownPages(): string[] {
  const pages = ['README.md'];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(ROOT, dir)).sort()) {
      const path = join(dir, name);
      if (statSync(join(ROOT, path)).isDirectory()) {
        walk(path);
      } else if (name.endsWith('.md')) {
        pages.push(path);
      }
    }
  };
  if (existsSync(join(ROOT, 'docs'))) {
    walk('docs');
  }
  return pages;
}

/** The anchors GitHub gives a page's headings (lower case, punctuation dropped, spaces as dashes). */
function anchors(path: string): Set<string> {
  const text = readFileSync(path, 'utf8').replace(/```[\s\S]*?```/g, '');
  const found = new Set<string>();
  for (const heading of text.matchAll(/^#{1,6} (.+)$/gm)) {
    const slug = (heading[1] as string)
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    found.add(slug);
  }
  return found;
}

/** ROSTER_DOCS_PAGE=docs/api.md (comma list) runs only those pages. */
const only = process.env.ROSTER_DOCS_PAGE?.split(',').map((p) => p.trim());
const PAGES = markdownPages().filter((page) => only === undefined || only.includes(page));

function runBash(
  cwd: string,
  script: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn('bash', ['-euo', 'pipefail', '-c', script], {
      cwd,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: tmpdir(), LANG: 'C.UTF-8', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), PAGE_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolveRun({ code, stdout, stderr });
    });
  });
}

describe('runnable docs: the matcher', () => {
  it('reads ```sh blocks with the ```json or ```text block right after them', () => {
    const page = [
      'Text',
      '```sh',
      'echo one',
      '```',
      '',
      '```text',
      'one',
      '```',
      'Prose between.',
      '```text',
      'not run, not expected',
      '```',
      '- a list item:',
      '  ```sh',
      '  echo two',
      '  ```',
      '```console',
      'npm start',
      '```',
    ].join('\n');
    const blocks = extractShBlocks(page);
    assert.equal(blocks.length, 2);
    assert.deepEqual(blocks[0], {
      line: 2,
      code: 'echo one',
      expected: { kind: 'text', line: 6, body: 'one' },
    });
    assert.deepEqual(blocks[1], { line: 14, code: 'echo two', expected: null });
    const script = pageScript(blocks);
    assert.ok(script.indexOf('echo one') < script.indexOf('echo two'));
    const stdout =
      '\n@@roster-docs-block 0@@\none\n\n@@roster-docs-block 1@@\ntwo\n\n@@roster-docs-block end@@\n';
    assert.deepEqual(splitOutput(stdout, 2), ['one\n', 'two\n']);
  });

  it('matches text lines in order, with ... as a wildcard, and fails otherwise', () => {
    const text = (body: string) => ({ kind: 'text' as const, line: 1, body });
    assert.equal(
      checkOutput(text('201\n{"id":"...","name":"Acme"...}'), 'x\n201\n{"id":"0193","name":"Acme","z":1}\n'),
      null,
    );
    assert.notEqual(checkOutput(text('201'), '200\n'), null);
    assert.notEqual(checkOutput(text('b\na'), 'a\nb\n'), null, 'order matters');
    assert.notEqual(checkOutput(text('20'), '201\n'), null, 'whole lines only');
  });

  it('matches JSON values as subsets, with ... placeholders, and fails otherwise', () => {
    const json = (body: string) => ({ kind: 'json' as const, line: 1, body });
    const output = '204\n{"id":"0193-abc","status":"assigned","tags":["a","b"],"n":5}\n[1,2,3]\n';
    assert.equal(checkOutput(json('{"id": "0193...", "status": "assigned", ...}'), output), null);
    assert.equal(checkOutput(json('{"tags": ["a", ...]}\n[1, ..., 3]'), output), null);
    assert.equal(checkOutput(json('{\n  "n": "...",\n  "tags": "..."\n}'), output), null);
    assert.notEqual(checkOutput(json('{"status": "queued"}'), output), null);
    assert.notEqual(
      checkOutput(json('{"tags": ["a"]}'), output),
      null,
      'arrays are whole unless ... says more',
    );
    assert.notEqual(checkOutput(json('{"missing": "..."}'), output), null, 'a key shown must be there');
    assert.notEqual(checkOutput(json('[1,2,3]\n{"n": 5}'), output), null, 'order matters');
    assert.notEqual(checkOutput(json('{"n": "5"}'), output), null, 'types matter');
    assert.deepEqual(jsonValues('a {b}\n  {"x": [1,\n 2]}\nend'), [{ x: [1, 2] }]);
    assert.ok(matchesJson('...', { anything: true }));
  });
});

describe('runnable docs: every ```sh block of README.md and docs/ runs as shown', {
  timeout: 30 * 60_000,
}, () => {
  it('finds the pages', () => {
    assert.ok(PAGES.length > 0 || only !== undefined);
  });

  it('links between pages point at files that exist', () => {
    for (const page of markdownPages()) {
      const text = readFileSync(join(ROOT, page), 'utf8').replace(/```[\s\S]*?```/g, '');
      for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const [target = '', anchor] = (match[1] as string).split('#');
        if (/^[a-z]+:/i.test(target)) {
          continue;
        }
        const path = target === '' ? join(ROOT, page) : resolve(ROOT, dirname(page), target);
        assert.ok(existsSync(path), `${page} links to ${target}, which does not exist`);
        assert.ok(!relative(ROOT, path).startsWith('..'), `${page} links outside the repository: ${target}`);
        if (anchor !== undefined && path.endsWith('.md')) {
          assert.ok(anchors(path).has(anchor), `${page} links to ${match[1]}, a heading that does not exist`);
        }
      }
      assert.ok(!/\.\.\/shared|\/work\/shared/.test(text), `${page} refers to files outside the repository`);
    }
  });

  // Pages run on the embedded database; the PostgreSQL run of the suite would repeat them unchanged.
  const runnable = PAGES.map((page) => ({
    page,
    blocks: extractShBlocks(readFileSync(join(ROOT, page), 'utf8')),
  })).filter(({ blocks }) => blocks.length > 0);
  // Each page gets a fresh server of its own. Its data directory is a copy of one that a server
  // initialised (migrated, default org, this master key) and then stopped, so that each page's
  // server starts on existing data instead of running every migration again.
  let template: string | null = null;
  const workDirs: string[] = [];
  const freshServer = async (): Promise<{ server: Server; workDir: string }> => {
    if (template === null) {
      const dir = mkdtempSync(join(tmpdir(), 'roster-docs-template-'));
      workDirs.push(dir);
      const first = await startServer({
        ROSTER_DATA_DIR: dir,
        ROSTER_MASTER_KEY: MASTER_KEY,
        ROSTER_SHUTDOWN_DRAIN_MS: '0',
      });
      assert.equal(await first.stop(), 0);
      template = dir;
    }
    const workDir = mkdtempSync(join(tmpdir(), 'roster-docs-'));
    workDirs.push(workDir);
    // The pages run where a reader stands, the root of a clone: `node bin/roster.mjs` runs the CLI.
    // Only bin/ is linked, so whatever a page writes stays in the scratch directory.
    symlinkSync(join(ROOT, 'bin'), join(workDir, 'bin'));
    const dataDir = join(workDir, 'data');
    cpSync(template, dataDir, { recursive: true });
    const server = await startServer({
      ROSTER_DATA_DIR: dataDir,
      ROSTER_MASTER_KEY: MASTER_KEY,
      ROSTER_SHUTDOWN_DRAIN_MS: '0',
    });
    return { server, workDir };
  };
  after(() => {
    killServers();
    for (const dir of workDirs) {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // The pages run once, on PGlite: the PostgreSQL run would repeat them unchanged, and CI's run on
  // a second Node.js line sets ROSTER_DOCS_RUN=0 to save the same minutes.
  const skip =
    TEST_DB_KIND === 'postgres'
      ? 'run on PGlite'
      : process.env.ROSTER_DOCS_RUN === '0'
        ? 'ROSTER_DOCS_RUN=0'
        : false;
  for (const { page, blocks } of runnable) {
    it(`${page}: ${blocks.length} blocks`, { skip }, async () => {
      const { server, workDir } = await freshServer();
      try {
        const run = await runBash(workDir, pageScript(blocks), {
          ROSTER_URL: server.base,
          ROSTER_MASTER_KEY: MASTER_KEY,
        });
        const outputs = splitOutput(run.stdout, blocks.length);
        const failed =
          outputs.length < blocks.length || run.code !== 0 ? blocks[outputs.length - 1] : undefined;
        assert.ok(
          failed === undefined,
          `${page}: the block at line ${failed?.line} failed (exit ${run.code}).\n--- its output:\n${outputs.at(-1)}\n--- stderr:\n${run.stderr}`,
        );
        blocks.forEach((block, n) => {
          if (block.expected === null) {
            return;
          }
          const problem = checkOutput(block.expected, outputs[n] ?? '');
          assert.equal(
            problem,
            null,
            `${page}: the output of the block at line ${block.line} does not match the block at line ${block.expected.line}: ${problem}\n--- its output:\n${outputs[n]}`,
          );
        });
      } finally {
        await server.stop();
      }
    });
  }
});
