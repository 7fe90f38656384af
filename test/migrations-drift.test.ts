import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * drizzle/ must describe src/db/schema.ts exactly: `npm run db:generate` on a clean tree writes no
 * migration. (Hand-written migrations must leave their snapshot current, or the next generated
 * one repeats their statements.) drizzle-kit runs on a copy of drizzle/, so the tree is untouched.
 */
describe('drizzle migrations', () => {
  const work = mkdtempSync(join(tmpdir(), 'roster-drift-'));
  after(() => rmSync(work, { recursive: true, force: true }));

  it('match the schema: drizzle-kit generate finds nothing to write', () => {
    cpSync(join(ROOT, 'drizzle'), join(work, 'drizzle'), { recursive: true });
    const config = join(work, 'drizzle.config.mjs');
    writeFileSync(
      config,
      `export default ${JSON.stringify({
        dialect: 'postgresql',
        schema: join(ROOT, 'src/db/schema.ts'),
        out: './drizzle',
      })};\n`,
    );
    const before = readdirSync(join(work, 'drizzle')).length;
    const run = spawnSync(join(ROOT, 'node_modules/.bin/drizzle-kit'), ['generate', `--config=${config}`], {
      cwd: work,
      encoding: 'utf8',
      timeout: 120_000,
    });
    const printed = `${run.stdout}${run.stderr}`;
    assert.equal(run.status, 0, printed);
    assert.match(printed, /No schema changes/, printed);
    assert.equal(readdirSync(join(work, 'drizzle')).length, before);
  });
});
