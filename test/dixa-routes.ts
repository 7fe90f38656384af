import type { Scope } from '../src/core/access.js';
import type { Method } from './http.js';

/** Every route of the Dixa dialect with its scope, its success status and a sample request. */

/** What one org holds for the sample requests: a team with a member, and a spare agent. */
export interface Fixture {
  orgId: string;
  teamId: string;
  memberId: string;
  agentId: string;
  /** A `*` key of the org. */
  key: string;
}

export interface Route {
  method: Method;
  /** The path as the OpenAPI document spells it. */
  path: string;
  scope: Scope;
  ok: number;
  sample: (f: Fixture) => { url: string; body?: unknown };
}

let serial = 0;
const unique = () => `${Date.now().toString(36)}${(serial++).toString(36)}`;

export const DIXA_ROUTES: Route[] = [
  {
    method: 'GET',
    path: '/beta/teams',
    scope: 'teams:read',
    ok: 200,
    sample: () => ({ url: '/beta/teams' }),
  },
  {
    method: 'POST',
    path: '/beta/teams',
    scope: 'teams:write',
    ok: 201,
    sample: () => ({ url: '/beta/teams', body: { name: `Contract ${unique()}` } }),
  },
  {
    method: 'GET',
    path: '/beta/teams/{teamId}',
    scope: 'teams:read',
    ok: 200,
    sample: (f) => ({ url: `/beta/teams/${f.teamId}` }),
  },
  {
    method: 'DELETE',
    path: '/beta/teams/{teamId}',
    scope: 'teams:delete',
    ok: 204,
    sample: (f) => ({ url: `/beta/teams/${f.teamId}` }),
  },
  {
    method: 'GET',
    path: '/beta/teams/{teamId}/agents',
    scope: 'teams:read',
    ok: 200,
    sample: (f) => ({ url: `/beta/teams/${f.teamId}/agents` }),
  },
  {
    method: 'PATCH',
    path: '/beta/teams/{teamId}/agents',
    scope: 'teams:write',
    ok: 200,
    sample: (f) => ({ url: `/beta/teams/${f.teamId}/agents`, body: { agentIds: [f.agentId] } }),
  },
  {
    method: 'DELETE',
    path: '/beta/teams/{teamId}/agents',
    scope: 'teams:write',
    ok: 204,
    sample: (f) => ({ url: `/beta/teams/${f.teamId}/agents`, body: { agentIds: [f.memberId] } }),
  },
  {
    method: 'GET',
    path: '/beta/teams/{teamId}/presence',
    scope: 'presence:read',
    ok: 200,
    sample: (f) => ({ url: `/beta/teams/${f.teamId}/presence?pageLimit=10` }),
  },
  {
    method: 'GET',
    path: '/beta/agents/presence',
    scope: 'presence:read',
    ok: 200,
    sample: () => ({ url: '/beta/agents/presence' }),
  },
  {
    method: 'GET',
    path: '/beta/agents/{agentId}/presence',
    scope: 'presence:read',
    ok: 200,
    sample: (f) => ({ url: `/beta/agents/${f.agentId}/presence` }),
  },
  {
    method: 'PUT',
    path: '/beta/agents/{agentId}/presence/working-channel',
    scope: 'presence:write',
    ok: 204,
    sample: (f) => ({
      url: `/beta/agents/${f.agentId}/presence/working-channel`,
      body: { channel: 'Email', working: false },
    }),
  },
  {
    method: 'GET',
    path: '/beta/agents',
    scope: 'agents:read',
    ok: 200,
    sample: () => ({ url: '/beta/agents?pageLimit=5' }),
  },
  {
    method: 'POST',
    path: '/beta/agents',
    scope: 'agents:write',
    ok: 201,
    sample: () => ({
      url: '/beta/agents',
      body: { displayName: 'Contract', email: `c-${unique()}@example.org` },
    }),
  },
  {
    method: 'POST',
    path: '/beta/agents/bulk',
    scope: 'agents:write',
    ok: 201,
    sample: () => ({
      url: '/beta/agents/bulk',
      body: { data: [{ displayName: 'B', email: `b-${unique()}@example.org` }] },
    }),
  },
  {
    method: 'PUT',
    path: '/beta/agents',
    scope: 'agents:write',
    ok: 200,
    sample: (f) => ({ url: '/beta/agents', body: [{ id: f.agentId, displayName: 'Renamed agent' }] }),
  },
  {
    method: 'PATCH',
    path: '/beta/agents',
    scope: 'agents:write',
    ok: 200,
    sample: (f) => ({ url: '/beta/agents', body: [{ id: f.agentId, displayName: 'Renamed agent' }] }),
  },
  {
    method: 'GET',
    path: '/beta/agents/{agentId}',
    scope: 'agents:read',
    ok: 200,
    sample: (f) => ({ url: `/beta/agents/${f.agentId}` }),
  },
  {
    method: 'PUT',
    path: '/beta/agents/{agentId}',
    scope: 'agents:write',
    ok: 200,
    sample: (f) => ({ url: `/beta/agents/${f.agentId}`, body: { displayName: 'Renamed agent' } }),
  },
  {
    method: 'PATCH',
    path: '/beta/agents/{agentId}',
    scope: 'agents:write',
    ok: 200,
    sample: (f) => ({ url: `/beta/agents/${f.agentId}`, body: { displayName: 'Renamed agent' } }),
  },
  {
    method: 'DELETE',
    path: '/beta/agents/{agentId}',
    scope: 'agents:delete',
    ok: 204,
    sample: (f) => ({ url: `/beta/agents/${f.agentId}` }),
  },
  {
    method: 'GET',
    path: '/beta/agents/{agentId}/teams',
    scope: 'teams:read',
    ok: 200,
    sample: (f) => ({ url: `/beta/agents/${f.agentId}/teams` }),
  },
];
