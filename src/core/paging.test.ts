import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from './errors.js';
import { decodeCursor, encodeCursor, toPage } from './paging.js';

describe('paging', () => {
  it('round-trips a cursor', () => {
    const id = '01a20193-ff99-73e9-9336-0ee261bac31a';
    assert.equal(decodeCursor(encodeCursor(id)), id);
  });

  it('rejects a cursor Roster did not make, naming the field', () => {
    assert.throws(
      () => decodeCursor('bm90LWEtdXVpZA'),
      (err: unknown) => {
        assert.ok(err instanceof DomainError);
        assert.equal(err.code, 'invalid_request');
        assert.deepEqual(
          err.fieldErrors.map((f) => f.path),
          ['query.after'],
        );
        return true;
      },
    );
  });

  it('uses the extra row only to tell that another page exists', () => {
    const rows = [
      { id: '01a20193-0000-7000-8000-000000000001' },
      { id: '01a20193-0000-7000-8000-000000000002' },
      { id: '01a20193-0000-7000-8000-000000000003' },
    ];
    const page = toPage(rows, 2, (r) => r.id);
    assert.equal(page.items.length, 2);
    assert.equal(page.next, encodeCursor('01a20193-0000-7000-8000-000000000002'));
    assert.equal(toPage(rows.slice(0, 2), 2, (r) => r.id).next, null);
  });
});
