import assert from 'node:assert/strict';
import type { Role, Scope } from '../src/core/access.js';
import { getAgent } from '../src/core/agents/agents.js';
import type { Method, Response } from './http.js';
import { departmentBody, expectFailure, type RocketChatTenant } from './rocketchat.js';

/** Every route of the Rocket.Chat dialect with its scope, the roles it lets in and a sample request. */

export interface Fixture {
  t: RocketChatTenant;
  teamId: string;
  memberId: string;
  memberUsername: string;
  spareId: string;
  /** `*` keys bound to an agent of each role. */
  users: Record<Role, { key: string; agentId: string }>;
}

export interface Route {
  method: Method;
  path: string;
  scope: Scope;
  /** Roles allowed by the route's permissions (Rocket.Chat's any-of list). */
  roles: Role[];
  sample: (f: Fixture, caller: string) => { url: string; body?: unknown };
  /** What a request naming another org's department answers: a 200 that shows nothing, or a 400. */
  otherOrg: 'empty' | 400 | 'none' | ((res: Response, other: Fixture) => Promise<void> | void);
}

export const ALL_ROLES: Role[] = ['owner', 'admin', 'supervisor', 'agent'];
const MANAGERS: Role[] = ['owner', 'admin'];
const ADDERS: Role[] = ['owner', 'admin', 'supervisor'];
let serial = 0;
export const unique = () => `${Date.now().toString(36)}${(serial++).toString(36)}`;

export const ROCKETCHAT_ROUTES: Route[] = [
  {
    method: 'GET',
    path: '/department',
    scope: 'teams:read',
    roles: ALL_ROLES,
    otherOrg: 'none',
    sample: () => ({ url: 'department' }),
  },
  {
    method: 'POST',
    path: '/department',
    scope: 'teams:write',
    roles: MANAGERS,
    otherOrg: 'none',
    sample: () => ({ url: 'department', body: departmentBody(`Contract ${unique()}`) }),
  },
  {
    method: 'GET',
    path: '/department/:_id',
    scope: 'teams:read',
    roles: ALL_ROLES,
    otherOrg: 'empty',
    sample: (f) => ({ url: `department/${f.teamId}?includeAgents=true` }),
  },
  {
    method: 'PUT',
    path: '/department/:_id',
    scope: 'teams:write',
    roles: ADDERS,
    otherOrg: 400,
    sample: (f) => ({
      url: `department/${f.teamId}`,
      body: { ...departmentBody(`Renamed ${unique()}`), agents: [{ agentId: f.spareId, username: 'spare' }] },
    }),
  },
  {
    method: 'DELETE',
    path: '/department/:_id',
    scope: 'teams:delete',
    roles: MANAGERS,
    otherOrg: 400,
    sample: (f) => ({ url: `department/${f.teamId}` }),
  },
  {
    method: 'GET',
    path: '/department/:_id/agents',
    scope: 'teams:read',
    roles: ALL_ROLES,
    otherOrg: 'empty',
    sample: (f) => ({ url: `department/${f.teamId}/agents` }),
  },
  {
    method: 'POST',
    path: '/department/:_id/agents',
    scope: 'teams:write',
    roles: ADDERS,
    otherOrg: 400,
    sample: (f) => ({
      url: `department/${f.teamId}/agents`,
      body: {
        upsert: [{ agentId: f.spareId, username: 'spare', order: 1 }],
        remove: [{ agentId: f.memberId }],
      },
    }),
  },
  {
    method: 'POST',
    path: '/department/:_id/archive',
    scope: 'teams:write',
    roles: MANAGERS,
    otherOrg: 400,
    sample: (f) => ({ url: `department/${f.teamId}/archive` }),
  },
  {
    method: 'POST',
    path: '/department/:_id/unarchive',
    scope: 'teams:write',
    roles: MANAGERS,
    otherOrg: 400,
    sample: (f) => ({ url: `department/${f.teamId}/unarchive` }),
  },
  {
    method: 'GET',
    path: '/departments/archived',
    scope: 'teams:read',
    roles: ALL_ROLES,
    otherOrg: 'none',
    sample: () => ({ url: 'departments/archived' }),
  },
  {
    method: 'POST',
    path: '/agent.status',
    scope: 'presence:write',
    roles: ALL_ROLES,
    otherOrg: 'none',
    sample: (_f, caller) => ({ url: 'agent.status', body: { agentId: caller } }),
  },
  {
    method: 'GET',
    path: '/department/isDepartmentCreationAvailable',
    scope: 'teams:read',
    roles: ALL_ROLES,
    otherOrg: 'none',
    sample: () => ({ url: 'department/isDepartmentCreationAvailable' }),
  },
  {
    method: 'GET',
    path: '/department.autocomplete',
    scope: 'teams:read',
    roles: ALL_ROLES,
    otherOrg: (res, f) => {
      assert.equal(res.statusCode, 200, res.body);
      assert.ok(!res.body.includes(f.teamId), res.body);
    },
    sample: () => ({ url: `department.autocomplete?selector=${encodeURIComponent('{"term":""}')}` }),
  },
  {
    method: 'GET',
    path: '/department.listByIds',
    scope: 'teams:read',
    roles: ALL_ROLES,
    otherOrg: (res) => assert.deepEqual(res.json(), { departments: [], success: true }),
    sample: (f) => ({ url: `department.listByIds?ids[]=${f.teamId}` }),
  },
  {
    method: 'GET',
    path: '/agents/:agentId/departments',
    scope: 'teams:read',
    roles: ALL_ROLES,
    otherOrg: (res) => assert.deepEqual(res.json(), { departments: [], success: true }),
    sample: (f) => ({ url: `agents/${f.memberId}/departments` }),
  },
  {
    method: 'GET',
    path: '/users/agent',
    scope: 'agents:read',
    roles: MANAGERS,
    otherOrg: (res, f) => {
      assert.equal(res.statusCode, 200, res.body);
      assert.ok(!res.body.includes(f.memberId), res.body);
    },
    sample: () => ({ url: 'users/agent?text=member' }),
  },
  {
    method: 'POST',
    path: '/users/agent',
    scope: 'agents:write',
    roles: MANAGERS,
    otherOrg: (res) => {
      expectFailure(res, 400);
    },
    sample: (f) => ({ url: 'users/agent', body: { username: f.memberUsername } }),
  },
  {
    method: 'GET',
    path: '/users/agent/:_id',
    scope: 'agents:read',
    roles: MANAGERS,
    otherOrg: (res) => assert.deepEqual(res.json(), { user: null, success: true }),
    sample: (f) => ({ url: `users/agent/${f.memberId}` }),
  },
  {
    method: 'DELETE',
    path: '/users/agent/:_id',
    scope: 'agents:delete',
    roles: MANAGERS,
    otherOrg: async (res, f) => {
      expectFailure(res, 400);
      assert.equal((await getAgent(f.t.ctx, f.spareId)).status, 'active');
    },
    sample: (f) => ({ url: `users/agent/${f.spareId}` }),
  },
];
