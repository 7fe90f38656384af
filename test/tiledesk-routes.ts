import type { Scope } from '../src/core/access.js';
import type { Method } from './http.js';

/** Every route of the Tiledesk dialect with its scope, its success status and a sample request. */

export interface Fixture {
  orgId: string;
  /** Owner agent the keys are bound to. */
  ownerId: string;
  agentId: string;
  userId: string;
  trashedId: string;
  teamId: string;
  key: string;
}

export interface Route {
  method: Method;
  path: string;
  scope: Scope;
  ok: number;
  /** A path id of another org answers with an empty list rather than a 404. */
  emptyForOther?: boolean;
  sample: (f: Fixture, project: string) => { url: string; body?: unknown };
}

let serial = 0;
const unique = () => `${Date.now().toString(36)}${(serial++).toString(36)}`;
export const base = (project: string) => `/v3/${project}/project_users`;

export const TILEDESK_ROUTES: Route[] = [
  {
    method: 'GET',
    path: '/v3/{project_id}/project_users',
    scope: 'agents:read',
    ok: 200,
    sample: (_f, p) => ({ url: base(p) }),
  },
  {
    method: 'GET',
    path: '/v3/{project_id}/project_users/me',
    scope: 'agents:read',
    ok: 200,
    sample: (_f, p) => ({ url: `${base(p)}/me` }),
  },
  {
    method: 'GET',
    path: '/v3/{project_id}/project_users/{project_user_id}',
    scope: 'agents:read',
    ok: 200,
    sample: (f, p) => ({ url: `${base(p)}/${f.agentId}` }),
  },
  {
    method: 'GET',
    path: '/v3/{project_id}/project_users/users/{user_id}',
    scope: 'agents:read',
    ok: 200,
    emptyForOther: true,
    sample: (f, p) => ({ url: `${base(p)}/users/${f.userId}` }),
  },
  {
    method: 'POST',
    path: '/v3/{project_id}/project_users/invite',
    scope: 'agents:write',
    ok: 200,
    sample: (_f, p) => ({
      url: `${base(p)}/invite`,
      body: { email: `inv-${unique()}@example.com`, role: 'agent' },
    }),
  },
  {
    method: 'PUT',
    path: '/v3/{project_id}/project_users',
    scope: 'agents:write',
    ok: 200,
    sample: (_f, p) => ({ url: base(p), body: { profileStatus: 'contract' } }),
  },
  {
    method: 'PUT',
    path: '/v3/{project_id}/project_users/{project_user_id}',
    scope: 'agents:write',
    ok: 200,
    sample: (f, p) => ({
      url: `${base(p)}/${f.agentId}`,
      body: { profileStatus: 'changed', user_available: false },
    }),
  },
  {
    method: 'DELETE',
    path: '/v3/{project_id}/project_users/{project_user_id}',
    scope: 'agents:delete',
    ok: 200,
    sample: (f, p) => ({ url: `${base(p)}/${f.agentId}?hard=true` }),
  },
  {
    method: 'PUT',
    path: '/v3/{project_id}/project_users/{project_user_id}/restore',
    scope: 'agents:delete',
    ok: 200,
    sample: (f, p) => ({ url: `${base(p)}/${f.trashedId}/restore` }),
  },
  {
    method: 'GET',
    path: '/v3/projects/{project_id}/users/availables',
    scope: 'agents:read',
    ok: 200,
    sample: (_f, p) => ({ url: `/v3/projects/${p}/users/availables` }),
  },
  {
    method: 'GET',
    path: '/v3/{project_id}/pendinginvitations',
    scope: 'agents:read',
    ok: 200,
    sample: (_f, p) => ({ url: `/v3/${p}/pendinginvitations` }),
  },
  {
    method: 'GET',
    path: '/v3/{project_id}/groups',
    scope: 'teams:read',
    ok: 200,
    sample: (_f, p) => ({ url: `/v3/${p}/groups` }),
  },
  {
    method: 'GET',
    path: '/v3/{project_id}/groups/{group_id}',
    scope: 'teams:read',
    ok: 200,
    sample: (f, p) => ({ url: `/v3/${p}/groups/${f.teamId}` }),
  },
  {
    method: 'POST',
    path: '/v3/{project_id}/groups',
    scope: 'teams:write',
    ok: 200,
    sample: (f, p) => ({
      url: `/v3/${p}/groups`,
      body: { name: `Contract ${unique()}`, members: [f.userId] },
    }),
  },
  {
    method: 'PUT',
    path: '/v3/{project_id}/groups/{group_id}',
    scope: 'teams:write',
    ok: 200,
    sample: (f, p) => ({
      url: `/v3/${p}/groups/${f.teamId}`,
      body: { name: `Renamed ${unique()}`, members: [] },
    }),
  },
  {
    method: 'PUT',
    path: '/v3/{project_id}/groups/disable/{group_id}',
    scope: 'teams:write',
    ok: 200,
    sample: (f, p) => ({ url: `/v3/${p}/groups/disable/${f.teamId}`, body: {} }),
  },
  {
    method: 'PUT',
    path: '/v3/{project_id}/groups/enable/{group_id}',
    scope: 'teams:write',
    ok: 200,
    sample: (f, p) => ({ url: `/v3/${p}/groups/enable/${f.teamId}`, body: {} }),
  },
  {
    method: 'DELETE',
    path: '/v3/{project_id}/groups/{group_id}',
    scope: 'teams:delete',
    ok: 200,
    sample: (f, p) => ({ url: `/v3/${p}/groups/${f.teamId}?force=true` }),
  },
];
