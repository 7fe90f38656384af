import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Candidate, type RoutingPolicy, rankCandidates, selectAgent } from './selection.js';

const NOW = new Date('2025-03-01T12:00:00Z');
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

const c = (agentId: string, over: Partial<Candidate> = {}): Candidate => ({
  agentId,
  active: 0,
  capacity: 2,
  lastAssignedAt: null,
  memberOrder: 0,
  ...over,
});

const leastBusy: RoutingPolicy = { mode: 'least_busy', cursor: null };
const roundRobin = (cursor: RoutingPolicy['cursor'] = null): RoutingPolicy => ({
  mode: 'round_robin',
  cursor,
});

interface Row {
  name: string;
  candidates: Candidate[];
  policy: RoutingPolicy;
  /** Expected order of agent ids, best first. */
  ranked: string[];
}

const TABLE: Row[] = [
  { name: 'nobody', candidates: [], policy: leastBusy, ranked: [] },
  {
    name: 'manual never picks',
    candidates: [c('a'), c('b')],
    policy: { mode: 'manual', cursor: null },
    ranked: [],
  },
  {
    name: 'least_busy: fewest active first',
    candidates: [
      c('a', { active: 1, lastAssignedAt: ago(5) }),
      c('b', { active: 0 }),
      c('c', { active: 1, lastAssignedAt: ago(90) }),
    ],
    policy: leastBusy,
    ranked: ['b', 'c', 'a'],
  },
  {
    name: 'least_busy: ties go to the longest since the last assignment, never assigned first',
    candidates: [c('a', { lastAssignedAt: ago(5) }), c('b', { lastAssignedAt: ago(60) }), c('c')],
    policy: leastBusy,
    ranked: ['c', 'b', 'a'],
  },
  {
    name: 'least_busy: agents at capacity are left out (off by one: active == capacity is full)',
    candidates: [
      c('a', { active: 2, capacity: 2 }),
      c('b', { active: 1, capacity: 2 }),
      c('z', { capacity: 0 }),
    ],
    policy: leastBusy,
    ranked: ['b'],
  },
  {
    name: 'least_busy: a full tie falls back to member order',
    candidates: [c('b', { memberOrder: 1 }), c('a', { memberOrder: 2 })],
    policy: leastBusy,
    ranked: ['b', 'a'],
  },
  {
    name: 'round_robin without a cursor starts at the first member',
    candidates: [c('b', { memberOrder: 2 }), c('a', { memberOrder: 1 }), c('c', { memberOrder: 3 })],
    policy: roundRobin(),
    ranked: ['a', 'b', 'c'],
  },
  {
    name: 'round_robin: the member after the cursor, then around',
    candidates: [c('a', { memberOrder: 1 }), c('b', { memberOrder: 2 }), c('c', { memberOrder: 3 })],
    policy: roundRobin({ memberOrder: 2, agentId: 'b' }),
    ranked: ['c', 'a', 'b'],
  },
  {
    name: 'round_robin: after the last member comes the first',
    candidates: [c('a', { memberOrder: 1 }), c('b', { memberOrder: 2 })],
    policy: roundRobin({ memberOrder: 2, agentId: 'b' }),
    ranked: ['a', 'b'],
  },
  {
    name: 'round_robin: a cursor on an agent that is not a candidate keeps its place',
    candidates: [c('a', { memberOrder: 1 }), c('c', { memberOrder: 3 }), c('d', { memberOrder: 4 })],
    policy: roundRobin({ memberOrder: 2, agentId: 'b' }),
    ranked: ['c', 'd', 'a'],
  },
  {
    name: 'round_robin: busy members are skipped, load is not weighed',
    candidates: [
      c('a', { memberOrder: 1, active: 1 }),
      c('b', { memberOrder: 2, active: 2 }),
      c('c', { memberOrder: 3, active: 0 }),
    ],
    policy: roundRobin({ memberOrder: 1, agentId: 'a' }),
    ranked: ['c', 'a'],
  },
  {
    name: 'round_robin: equal order breaks ties by id',
    candidates: [c('b'), c('a'), c('c')],
    policy: roundRobin({ memberOrder: 0, agentId: 'a' }),
    ranked: ['b', 'c', 'a'],
  },
];

describe('rankCandidates / selectAgent', () => {
  for (const row of TABLE) {
    it(row.name, () => {
      assert.deepEqual(
        rankCandidates(row.candidates, row.policy, NOW).map((x) => x.agentId),
        row.ranked,
      );
      assert.equal(selectAgent(row.candidates, row.policy, NOW)?.agentId ?? null, row.ranked[0] ?? null);
    });
  }

  it('does not change its input', () => {
    const input = [c('b', { active: 1 }), c('a')];
    rankCandidates(input, leastBusy, NOW);
    assert.deepEqual(
      input.map((x) => x.agentId),
      ['b', 'a'],
    );
  });
});
