import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { findProjectRoot, projectPath } from './paths.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');

describe('project paths', () => {
  it('find the project root from the sources and from the bundle alike', () => {
    assert.equal(findProjectRoot(fileURLToPath(import.meta.url)), ROOT);
    assert.equal(findProjectRoot(join(ROOT, 'src', 'db', 'client.ts')), ROOT);
    assert.equal(findProjectRoot(join(ROOT, 'dist', 'roster.mjs')), ROOT);
  });

  it('name the folders Roster reads at run time', () => {
    assert.ok(existsSync(join(projectPath('drizzle'), 'meta', '_journal.json')));
    assert.ok(existsSync(projectPath('assets')));
  });

  it('stop at the nearest package.json, and fail where there is none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'roster-paths-'));
    try {
      mkdirSync(join(dir, 'app', 'dist'), { recursive: true });
      writeFileSync(join(dir, 'app', 'package.json'), '{}');
      assert.equal(findProjectRoot(join(dir, 'app', 'dist', 'roster.mjs')), join(dir, 'app'));
      assert.throws(() => findProjectRoot(join(dir, 'elsewhere', 'x.mjs')), /no package\.json/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
