import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupBy } from './group-by.js';

describe('groupBy', () => {
  const pairs = [
    { team: 't1', agent: 'a' },
    { team: 't2', agent: 'b' },
    { team: 't1', agent: 'c' },
  ];

  it('groups items by key, keeping their order within each group and the keys in first-seen order', () => {
    const groups = groupBy(pairs, (p) => p.team);
    assert.deepEqual([...groups.keys()], ['t1', 't2']);
    assert.deepEqual(groups.get('t1'), [pairs[0], pairs[2]]);
  });

  it('holds the mapped values when given a mapping', () => {
    assert.deepEqual(
      [
        ...groupBy(
          pairs,
          (p) => p.team,
          (p) => p.agent,
        ),
      ],
      [
        ['t1', ['a', 'c']],
        ['t2', ['b']],
      ],
    );
  });

  it('gives an empty map for no items', () => {
    assert.equal(groupBy([], String).size, 0);
  });
});
