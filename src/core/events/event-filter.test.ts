import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../errors.js';
import type { PublishedEvent } from './bus.js';
import {
  createEventMatcher,
  type EventFilter,
  isAboutTeam,
  matchesEvent,
  matchesType,
  nextTeamMembers,
  parseTypePatterns,
} from './event-filter.js';

const ORG = 'org-a';
const TEAM = 'team-1';
const OTHER_TEAM = 'team-2';
let serial = 0;

const ev = (type: string, data: Record<string, unknown>, orgId = ORG): PublishedEvent => ({
  id: `e${serial++}`,
  orgId,
  type,
  data,
  occurredAt: new Date(0),
});

const filter = (types: string[] | null, teamId: string | null = null): EventFilter => ({
  orgId: ORG,
  types,
  teamId,
});

describe('parseTypePatterns', () => {
  const cases: [string | undefined, string[] | null][] = [
    [undefined, null],
    ['team.created', ['team.created']],
    ['team.*, agent.presence_changed', ['team.*', 'agent.presence_changed']],
    ['team.*,team.*', ['team.*']],
    ['*', null],
    ['team.*,*', null],
    ['presence_status.deleted', ['presence_status.deleted']],
  ];
  for (const [raw, expected] of cases) {
    it(`parses ${JSON.stringify(raw)}`, () => {
      assert.deepEqual(parseTypePatterns(raw), expected);
    });
  }

  for (const bad of [
    '',
    'team.',
    'Team.created',
    'team.*.x',
    'team*',
    'team..created',
    'team,,agent',
    '.*',
  ]) {
    it(`rejects ${JSON.stringify(bad)} naming the field`, () => {
      assert.throws(
        () => parseTypePatterns(bad),
        (err: unknown) =>
          err instanceof DomainError &&
          err.code === 'invalid_request' &&
          err.fieldErrors[0]?.path === 'query.types',
      );
    });
  }
});

describe('matchesType', () => {
  const cases: [string[] | null, string, boolean][] = [
    [null, 'anything.at_all', true],
    [['team.*'], 'team.created', true],
    [['team.*'], 'team.members_added', true],
    [['team.*'], 'agent.created', false],
    [['team.*'], 'teams.created', false],
    [['agent.presence_changed'], 'agent.presence_changed', true],
    [['agent.presence_changed'], 'agent.presence_changed_twice', false],
    [['agent.presence_changed'], 'agent.availability_changed', false],
    [['team.created', 'agent.*'], 'agent.deleted', true],
    [[], 'team.created', false],
    [['*'], 'agent.created', true],
    [['team.created', '*'], 'conversation.closed', true],
  ];
  for (const [patterns, type, expected] of cases) {
    it(`${JSON.stringify(patterns)} ${expected ? 'lets through' : 'stops'} ${type}`, () => {
      assert.equal(matchesType(patterns, type), expected);
    });
  }
});

describe('isAboutTeam', () => {
  const members = new Set(['member']);
  const cases: [string, PublishedEvent, boolean][] = [
    ['a team event of the team', ev('team.updated', { team_id: TEAM, fields: ['name'] }), true],
    ['a team event of another team', ev('team.updated', { team_id: OTHER_TEAM, fields: [] }), false],
    ['an agent event of a member', ev('agent.presence_changed', { agent_id: 'member' }), true],
    ['an agent event of a non-member', ev('agent.presence_changed', { agent_id: 'stranger' }), false],
    [
      'the deletion of an agent that left the team',
      ev('agent.deleted', { agent_id: 'x', team_ids: [TEAM] }),
      true,
    ],
    [
      'the deletion of an agent of other teams',
      ev('agent.deleted', { agent_id: 'x', team_ids: ['t9'] }),
      false,
    ],
    ['an org event', ev('org.updated', { org_id: ORG, name: 'n' }), false],
    [
      'a presence status event',
      ev('presence_status.deleted', { key: 'lunch', moved_agent_ids: ['member'] }),
      false,
    ],
    ['an agent event without agent_id', ev('agent.updated', {}), false],
  ];
  for (const [name, event, expected] of cases) {
    it(`${expected ? 'accepts' : 'refuses'} ${name}`, () => {
      assert.equal(isAboutTeam(event, TEAM, members), expected);
    });
  }
});

describe('nextTeamMembers', () => {
  const start = new Set(['a', 'b']);
  const cases: [string, PublishedEvent, string[]][] = [
    [
      'adds members added to the team',
      ev('team.members_added', { team_id: TEAM, agent_ids: ['c', 'a'] }),
      ['a', 'b', 'c'],
    ],
    [
      'ignores members added to another team',
      ev('team.members_added', { team_id: OTHER_TEAM, agent_ids: ['c'] }),
      ['a', 'b'],
    ],
    [
      'drops members removed from the team',
      ev('team.members_removed', { team_id: TEAM, agent_ids: ['a', 'z'] }),
      ['b'],
    ],
    [
      'ignores removals from another team',
      ev('team.members_removed', { team_id: OTHER_TEAM, agent_ids: ['a'] }),
      ['a', 'b'],
    ],
    ['empties when the team is deleted', ev('team.deleted', { team_id: TEAM }), []],
    ['ignores the deletion of another team', ev('team.deleted', { team_id: OTHER_TEAM }), ['a', 'b']],
    ['drops a deleted member', ev('agent.deleted', { agent_id: 'b', team_ids: [TEAM] }), ['a']],
    ['keeps the set on other events', ev('agent.updated', { agent_id: 'a', fields: ['email'] }), ['a', 'b']],
  ];
  for (const [name, event, expected] of cases) {
    it(name, () => {
      assert.deepEqual([...nextTeamMembers(event, TEAM, start)].sort(), expected);
      assert.deepEqual([...start].sort(), ['a', 'b'], 'the given set is left alone');
    });
  }
});

describe('matchesEvent', () => {
  const members = new Set(['member']);
  const cases: [string, EventFilter, PublishedEvent, boolean][] = [
    ['any event of the org without filters', filter(null), ev('org.updated', {}), true],
    ['never an event of another org', filter(null), ev('team.created', { team_id: TEAM }, 'org-b'), false],
    ['a type the patterns name', filter(['team.*']), ev('team.created', { team_id: TEAM }), true],
    ['not a type they do not', filter(['team.*']), ev('agent.created', { agent_id: 'member' }), false],
    ['type and team together', filter(['agent.*'], TEAM), ev('agent.updated', { agent_id: 'member' }), true],
    [
      'not the team when the type is wrong',
      filter(['team.*'], TEAM),
      ev('agent.updated', { agent_id: 'member' }),
      false,
    ],
    [
      'not a non-member with a team',
      filter(null, TEAM),
      ev('agent.updated', { agent_id: 'stranger' }),
      false,
    ],
  ];
  for (const [name, f, event, expected] of cases) {
    it(`${expected ? 'delivers' : 'withholds'} ${name}`, () => {
      assert.equal(matchesEvent(f, members, event), expected);
    });
  }
});

describe('createEventMatcher', () => {
  it('follows membership through events its type filter hides', () => {
    const matches = createEventMatcher(filter(['agent.presence_changed'], TEAM), ['a']);
    const steps: [PublishedEvent, boolean][] = [
      [ev('agent.presence_changed', { agent_id: 'a' }), true],
      [ev('agent.presence_changed', { agent_id: 'b' }), false],
      [ev('team.members_added', { team_id: TEAM, agent_ids: ['b'] }), false],
      [ev('agent.presence_changed', { agent_id: 'b' }), true],
      [ev('team.members_removed', { team_id: TEAM, agent_ids: ['a'] }), false],
      [ev('agent.presence_changed', { agent_id: 'a' }), false],
      [ev('team.members_added', { team_id: TEAM, agent_ids: ['a'] }, 'org-b'), false],
      [ev('agent.presence_changed', { agent_id: 'a' }), false],
      [ev('team.deleted', { team_id: TEAM }), false],
      [ev('agent.presence_changed', { agent_id: 'b' }), false],
    ];
    steps.forEach(([event, expected], i) => {
      assert.equal(matches(event), expected, `step ${i}: ${event.type} ${JSON.stringify(event.data)}`);
    });
  });

  it('delivers the membership events themselves when their type is asked for', () => {
    const matches = createEventMatcher(filter(['team.*'], TEAM));
    assert.equal(matches(ev('team.members_added', { team_id: TEAM, agent_ids: ['a'] })), true);
    assert.equal(matches(ev('team.members_added', { team_id: OTHER_TEAM, agent_ids: ['a'] })), false);
  });
});
