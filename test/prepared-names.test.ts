import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return sources(path);
    }
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Names that are no statement's and are rightly written in several places. */
const SHARED = new Set(['roster_session']);

describe('named prepared statements', () => {
  it('each roster_* name is written once, so no two statements share one (PostgreSQL refuses that, PGlite does not)', () => {
    const places = new Map<string, string[]>();
    for (const file of sources(SRC)) {
      // Prepared statement and metric names; secret prefixes (`roster_sk_`) end with `_`.
      for (const [, name = ''] of readFileSync(file, 'utf8').matchAll(/'(roster_[a-z0-9_]*[a-z0-9])'/g)) {
        if (!SHARED.has(name)) {
          places.set(name, [...(places.get(name) ?? []), file.slice(SRC.length + 1)]);
        }
      }
    }
    assert.ok(places.has('roster_append_events') && places.has('roster_lock_agent'), 'the names are found');
    assert.deepEqual(
      [...places].filter(([, files]) => files.length > 1),
      [],
    );
  });
});
