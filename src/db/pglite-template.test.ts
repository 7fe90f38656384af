import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from './client.js';
import { holdsCluster, pgliteVersion, templatePath } from './pglite-template.js';

describe('the PGlite template cluster', () => {
  it('exists for the installed PGlite version', () => {
    assert.ok(
      existsSync(templatePath()),
      `no template for PGlite ${pgliteVersion()}: run \`npm run pglite:template\` and commit assets/`,
    );
  });

  it('starts a new data directory, and never replaces the cluster of an existing one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roster-template-'));
    try {
      assert.equal(holdsCluster(dir), false);
      const first = await openDatabase({ kind: 'pglite', dataDir: dir });
      await first.db.execute(sql`INSERT INTO platform_settings (key, value) VALUES ('kept', 'yes')`);
      await first.close();
      assert.equal(holdsCluster(dir), true);

      const again = await openDatabase({ kind: 'pglite', dataDir: dir });
      const rows = rowsOf<{ value: string }>(
        await again.db.execute(sql`SELECT value FROM platform_settings WHERE key = 'kept'`),
      );
      await again.close();
      assert.deepEqual(
        rows.map((r) => r.value),
        ['yes'],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
