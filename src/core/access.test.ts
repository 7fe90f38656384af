import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type Action,
  type Actor,
  ALL_SCOPES,
  assertCan,
  assertScope,
  can,
  expandScopes,
  hasScope,
  ROLES,
  type Role,
  SCOPES,
  type Scope,
} from './access.js';
import { DomainError } from './errors.js';

const ACTIONS: Action[] = [
  'team.read',
  'team.create',
  'team.update',
  'team.delete',
  'team.members.manage',
  'agent.read',
  'agent.create',
  'agent.update',
  'agent.update_self',
  'agent.delete',
  'agent.grant_owner',
  'key.manage_any',
  'key.manage_own',
];

/** The policy the issue describes, written out independently of ROLE_POLICY. */
const EXPECTED: Record<Role, Action[]> = {
  owner: ACTIONS,
  admin: ACTIONS.filter((a) => a !== 'agent.grant_owner'),
  supervisor: ['team.read', 'agent.read', 'team.members.manage', 'agent.update_self', 'key.manage_own'],
  agent: ['team.read', 'agent.read', 'agent.update_self', 'key.manage_own'],
};

function agentActor(role: Role, scopes: Iterable<Scope> = ALL_SCOPES): Actor {
  return {
    orgId: '01a20193-ff99-73e9-9336-0ee261bac31a',
    isMaster: false,
    keyId: null,
    scopes: new Set(scopes),
    agent: { id: '01a20193-ff99-73e9-9336-0ee261bac31b', role },
  };
}

function unboundActor(scopes: Iterable<Scope>): Actor {
  return { ...agentActor('agent', scopes), agent: null };
}

function assertForbidden(fn: () => void): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof DomainError);
    assert.equal(err.code, 'forbidden');
    return true;
  });
}

describe('access policy', () => {
  it('matches the role table for every role and action', () => {
    assert.deepEqual([...ROLES].sort(), Object.keys(EXPECTED).sort());
    for (const role of ROLES) {
      for (const action of ACTIONS) {
        const expected = EXPECTED[role].includes(action);
        assert.equal(can(agentActor(role), action), expected, `${role} ${action}`);
        if (expected) {
          assert.doesNotThrow(() => assertCan(agentActor(role), action), `${role} ${action}`);
        } else {
          assertForbidden(() => assertCan(agentActor(role), action));
        }
      }
    }
  });

  it('lets owners and admins do everything except that only an owner grants owner', () => {
    for (const action of ACTIONS) {
      assert.equal(can(agentActor('owner'), action), true, action);
    }
    assert.equal(can(agentActor('admin'), 'agent.grant_owner'), false);
    assertForbidden(() => assertCan(agentActor('admin'), 'agent.grant_owner'));
    assert.equal(can(agentActor('admin'), 'team.delete'), true);
    assert.equal(can(agentActor('admin'), 'key.manage_any'), true);
  });

  it('lets a supervisor manage membership and read, but not change teams or create agents', () => {
    const supervisor = agentActor('supervisor');
    assert.equal(can(supervisor, 'team.members.manage'), true);
    assert.equal(can(supervisor, 'team.read'), true);
    assert.equal(can(supervisor, 'agent.read'), true);
    for (const action of ['team.create', 'team.update', 'team.delete', 'agent.create'] as const) {
      assert.equal(can(supervisor, action), false, action);
      assertForbidden(() => assertCan(supervisor, action));
    }
  });

  it('limits an agent to reads and editing itself, even with every scope', () => {
    const agent = agentActor('agent', ALL_SCOPES);
    const allowed = ACTIONS.filter((a) => can(agent, a)).sort();
    assert.deepEqual(allowed, ['agent.read', 'agent.update_self', 'key.manage_own', 'team.read']);
    assertForbidden(() => assertCan(agent, 'team.update'));
    assertForbidden(() => assertCan(agent, 'team.members.manage'));
  });

  it('names the role and the action in the forbidden message', () => {
    assert.throws(() => assertCan(agentActor('agent'), 'team.create'), /"agent".*team\.create/);
  });

  it('does not limit keys unbound to an agent by role, only by scopes', () => {
    const unbound = unboundActor(['teams:read']);
    for (const action of ACTIONS) {
      assert.equal(can(unbound, action), true, action);
    }
    assert.equal(hasScope(unbound, 'teams:read'), true);
    assert.equal(hasScope(unbound, 'teams:write'), false);
    assert.doesNotThrow(() => assertScope(unbound, 'teams:read'));
    assert.throws(
      () => assertScope(unbound, 'teams:write'),
      (err: unknown) => err instanceof DomainError && err.code === 'scope_missing',
    );
  });

  it('checks scopes of an agent-bound key independently of its role', () => {
    const owner = agentActor('owner', ['agents:read']);
    assert.equal(can(owner, 'team.create'), true);
    assert.throws(
      () => assertScope(owner, 'teams:write'),
      (err: unknown) => err instanceof DomainError && err.code === 'scope_missing',
    );
  });

  it("expands '*' to every scope in canonical order", () => {
    assert.deepEqual(expandScopes(['*']), [...SCOPES]);
    assert.deepEqual(expandScopes(['teams:read', '*']), [...SCOPES]);
    assert.equal(SCOPES.length, 19);
    assert.equal(ALL_SCOPES.size, SCOPES.length);
  });

  it('lets every role read supervisors and its supervised agents presence; only owners and admins assign', () => {
    for (const role of ROLES) {
      assert.equal(can(agentActor(role), 'supervisor.read'), true, role);
      assert.equal(can(agentActor(role), 'presence.read_supervised'), true, role);
      assert.equal(can(agentActor(role), 'supervisor.manage'), role === 'owner' || role === 'admin', role);
    }
    assert.equal(can(unboundActor(['supervisors:write']), 'supervisor.manage'), true);
  });

  it('drops duplicates and unknown names and keeps canonical order', () => {
    assert.deepEqual(expandScopes(['keys:write', 'teams:read', 'teams:read', 'bogus']), [
      'teams:read',
      'keys:write',
    ]);
    assert.deepEqual(expandScopes([]), []);
  });
});
