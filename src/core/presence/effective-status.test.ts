import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type EffectiveStatus, effectiveStatus } from './effective-status.js';

// Every combination of the four inputs, with the answer the issue defines, written out by hand:
// offline (no live device) > away (not available, or an unavailable status) > busy (at capacity) > available.
const TABLE: [
  online: boolean,
  available: boolean,
  statusAvailable: boolean,
  atCapacity: boolean,
  expected: EffectiveStatus,
][] = [
  [false, false, false, false, 'offline'],
  [false, false, false, true, 'offline'],
  [false, false, true, false, 'offline'],
  [false, false, true, true, 'offline'],
  [false, true, false, false, 'offline'],
  [false, true, false, true, 'offline'],
  [false, true, true, false, 'offline'],
  [false, true, true, true, 'offline'],
  [true, false, false, false, 'away'],
  [true, false, false, true, 'away'],
  [true, false, true, false, 'away'],
  [true, false, true, true, 'away'],
  [true, true, false, false, 'away'],
  [true, true, false, true, 'away'],
  [true, true, true, false, 'available'],
  [true, true, true, true, 'busy'],
];

describe('effectiveStatus', () => {
  for (const [online, available, statusAvailable, atCapacity, expected] of TABLE) {
    it(`online=${online} available=${available} status_available=${statusAvailable} at_capacity=${atCapacity} -> ${expected}`, () => {
      const capacity = 3;
      const activeConversations = atCapacity ? capacity : capacity - 1;
      assert.equal(
        effectiveStatus({ online, available, statusAvailable, activeConversations, capacity }),
        expected,
      );
    });
  }

  it('an agent with capacity 0 is busy as soon as it is otherwise available', () => {
    assert.equal(
      effectiveStatus({
        online: true,
        available: true,
        statusAvailable: true,
        activeConversations: 0,
        capacity: 0,
      }),
      'busy',
    );
  });
});
