/**
 * The table of test/security.test.ts: every native /v1 route, the scope it needs, the status of a
 * sample request with a key holding only that scope, and how to make the sample from what an org
 * holds (`Fixture`).
 */
import type { Scope } from '../src/core/access.js';
import { TEST_DB_KIND } from './harness.js';
import type { Method } from './http.js';
import { WEBHOOK_ROUTES, type WebhookFixture } from './security-webhook-routes.js';

/** What one org holds for the sample requests: a team with a member, a spare agent, a spare key. */
export interface Fixture extends WebhookFixture {
  orgId: string;
  teamId: string;
  memberId: string;
  agentId: string;
  keyId: string;
  /** A custom presence status of the org (keys differ between orgs). */
  statusKey: string;
  /** A `*` key of the org. */
  key: string;
  /** Supervises the team's member. */
  supervisorId: string;
  /** An open conversation of the team, assigned to the spare agent. */
  conversationId: string;
}

interface Sample {
  url: string;
  body?: unknown;
}

export interface Route {
  method: Method;
  /** The path as the OpenAPI document spells it. */
  path: string;
  scope: Scope;
  /** Status of the sample request with a key holding only `scope` (the master key for orgs). */
  ok: number;
  masterOnly?: boolean;
  /** The success is an endless stream: checked over a socket, by its status and headers only. */
  stream?: boolean;
  sample: (f: Fixture) => Sample;
}

let serial = 0;
export const unique = () => `${Date.now().toString(36)}${(serial++).toString(36)}`;

/** Every native route, with its scope, the status a key holding only that scope gets, and a sample. */
export const ROUTES: Route[] = [
  {
    method: 'GET',
    path: '/v1/orgs',
    scope: 'keys:write',
    ok: 200,
    masterOnly: true,
    sample: () => ({ url: '/v1/orgs' }),
  },
  {
    method: 'POST',
    path: '/v1/orgs',
    scope: 'keys:write',
    ok: 201,
    masterOnly: true,
    sample: () => ({ url: '/v1/orgs', body: { name: `Contract org ${unique()}` } }),
  },
  {
    method: 'GET',
    path: '/v1/orgs/{id}',
    scope: 'keys:write',
    ok: 200,
    masterOnly: true,
    sample: (f) => ({ url: `/v1/orgs/${f.orgId}` }),
  },
  {
    method: 'PATCH',
    path: '/v1/orgs/{id}',
    scope: 'keys:write',
    ok: 200,
    masterOnly: true,
    sample: (f) => ({ url: `/v1/orgs/${f.orgId}`, body: { name: 'Renamed org' } }),
  },
  {
    method: 'DELETE',
    path: '/v1/orgs/{id}',
    scope: 'keys:write',
    ok: 204,
    masterOnly: true,
    sample: (f) => ({ url: `/v1/orgs/${f.orgId}` }),
  },
  {
    method: 'POST',
    path: '/v1/api-keys',
    scope: 'keys:write',
    ok: 201,
    sample: () => ({ url: '/v1/api-keys', body: { name: 'contract', scopes: ['keys:write'] } }),
  },
  {
    method: 'GET',
    path: '/v1/api-keys',
    scope: 'keys:read',
    ok: 200,
    sample: () => ({ url: '/v1/api-keys' }),
  },
  {
    method: 'GET',
    path: '/v1/api-keys/{id}',
    scope: 'keys:read',
    ok: 200,
    sample: (f) => ({ url: `/v1/api-keys/${f.keyId}` }),
  },
  {
    method: 'DELETE',
    path: '/v1/api-keys/{id}',
    scope: 'keys:write',
    ok: 204,
    sample: (f) => ({ url: `/v1/api-keys/${f.keyId}` }),
  },
  {
    method: 'GET',
    path: '/v1/events',
    scope: 'events:read',
    ok: 200,
    stream: true,
    sample: (f) => ({ url: `/v1/events?types=team.*&team_id=${f.teamId}` }),
  },
  {
    method: 'GET',
    path: '/v1/backup',
    scope: 'keys:write',
    // PostgreSQL is backed up with pg_dump: there the master key gets 409 and the advice.
    ok: TEST_DB_KIND === 'pglite' ? 200 : 409,
    masterOnly: true,
    sample: () => ({ url: '/v1/backup' }),
  },
  { method: 'GET', path: '/v1/agents', scope: 'agents:read', ok: 200, sample: () => ({ url: '/v1/agents' }) },
  {
    method: 'POST',
    path: '/v1/agents',
    scope: 'agents:write',
    ok: 201,
    sample: () => ({
      url: '/v1/agents',
      body: { email: `contract-${unique()}@example.com`, full_name: 'Contract' },
    }),
  },
  {
    method: 'POST',
    path: '/v1/agents/bulk',
    scope: 'agents:write',
    ok: 200,
    sample: () => ({
      url: '/v1/agents/bulk',
      body: { agents: [{ email: `contract-${unique()}@example.com`, full_name: 'Contract' }] },
    }),
  },
  {
    method: 'GET',
    path: '/v1/agents/{id}',
    scope: 'agents:read',
    ok: 200,
    sample: (f) => ({ url: `/v1/agents/${f.agentId}` }),
  },
  {
    method: 'PATCH',
    path: '/v1/agents/{id}',
    scope: 'agents:write',
    ok: 200,
    sample: (f) => ({ url: `/v1/agents/${f.agentId}`, body: { full_name: 'Renamed agent' } }),
  },
  {
    method: 'DELETE',
    path: '/v1/agents/{id}',
    scope: 'agents:delete',
    ok: 204,
    sample: (f) => ({ url: `/v1/agents/${f.agentId}` }),
  },
  {
    method: 'GET',
    path: '/v1/agents/{id}/teams',
    scope: 'teams:read',
    ok: 200,
    sample: (f) => ({ url: `/v1/agents/${f.memberId}/teams` }),
  },
  { method: 'GET', path: '/v1/teams', scope: 'teams:read', ok: 200, sample: () => ({ url: '/v1/teams' }) },
  {
    method: 'POST',
    path: '/v1/teams',
    scope: 'teams:write',
    ok: 201,
    sample: () => ({ url: '/v1/teams', body: { name: `Contract team ${unique()}` } }),
  },
  {
    method: 'GET',
    path: '/v1/teams/{id}',
    scope: 'teams:read',
    ok: 200,
    sample: (f) => ({ url: `/v1/teams/${f.teamId}` }),
  },
  {
    method: 'PATCH',
    path: '/v1/teams/{id}',
    scope: 'teams:write',
    ok: 200,
    sample: (f) => ({ url: `/v1/teams/${f.teamId}`, body: { description: 'Changed by the contract' } }),
  },
  {
    method: 'DELETE',
    path: '/v1/teams/{id}',
    scope: 'teams:delete',
    ok: 204,
    sample: (f) => ({ url: `/v1/teams/${f.teamId}` }),
  },
  {
    method: 'GET',
    path: '/v1/teams/{id}/members',
    scope: 'teams:read',
    ok: 200,
    sample: (f) => ({ url: `/v1/teams/${f.teamId}/members` }),
  },
  {
    method: 'POST',
    path: '/v1/teams/{id}/members',
    scope: 'teams:write',
    ok: 201,
    sample: (f) => ({ url: `/v1/teams/${f.teamId}/members`, body: { user_id: f.agentId } }),
  },
  {
    method: 'PATCH',
    path: '/v1/teams/{id}/members/{agent_id}',
    scope: 'teams:write',
    ok: 200,
    sample: (f) => ({ url: `/v1/teams/${f.teamId}/members/${f.memberId}`, body: { priority: 4 } }),
  },
  {
    method: 'PATCH',
    path: '/v1/teams/{id}/members',
    scope: 'teams:write',
    ok: 200,
    sample: (f) => ({
      url: `/v1/teams/${f.teamId}/members`,
      body: { add: [f.agentId], remove: [f.memberId] },
    }),
  },
  {
    method: 'DELETE',
    path: '/v1/teams/{id}/members/{agent_id}',
    scope: 'teams:write',
    ok: 204,
    sample: (f) => ({ url: `/v1/teams/${f.teamId}/members/${f.memberId}` }),
  },
  {
    method: 'PUT',
    path: '/v1/agents/{id}/availability',
    scope: 'presence:write',
    ok: 200,
    sample: (f) => ({ url: `/v1/agents/${f.agentId}/availability`, body: { available: false } }),
  },
  {
    method: 'GET',
    path: '/v1/agents/{id}/presence',
    scope: 'presence:read',
    ok: 200,
    sample: (f) => ({ url: `/v1/agents/${f.agentId}/presence` }),
  },
  {
    method: 'POST',
    path: '/v1/agents/{id}/presence/heartbeat',
    scope: 'presence:write',
    ok: 204,
    sample: (f) => ({ url: `/v1/agents/${f.agentId}/presence/heartbeat`, body: { device_id: 'contract' } }),
  },
  {
    method: 'GET',
    path: '/v1/agents/{id}/presence/devices',
    scope: 'presence:read',
    ok: 200,
    sample: (f) => ({ url: `/v1/agents/${f.agentId}/presence/devices` }),
  },
  {
    method: 'DELETE',
    path: '/v1/agents/{id}/presence/devices/{device_id}',
    scope: 'presence:write',
    ok: 204,
    sample: (f) => ({ url: `/v1/agents/${f.agentId}/presence/devices/contract` }),
  },
  {
    method: 'GET',
    path: '/v1/presence',
    scope: 'presence:read',
    ok: 200,
    sample: () => ({ url: '/v1/presence' }),
  },
  {
    method: 'GET',
    path: '/v1/teams/{id}/presence',
    scope: 'presence:read',
    ok: 200,
    sample: (f) => ({ url: `/v1/teams/${f.teamId}/presence` }),
  },
  {
    method: 'GET',
    path: '/v1/presence-statuses',
    scope: 'presence:read',
    ok: 200,
    sample: () => ({ url: '/v1/presence-statuses' }),
  },
  {
    method: 'POST',
    path: '/v1/presence-statuses',
    scope: 'presence:write',
    ok: 201,
    sample: () => ({
      url: '/v1/presence-statuses',
      body: { key: `break-${unique()}`, label: 'Break', available: false },
    }),
  },
  {
    method: 'PATCH',
    path: '/v1/presence-statuses/{key}',
    scope: 'presence:write',
    ok: 200,
    sample: (f) => ({ url: `/v1/presence-statuses/${f.statusKey}`, body: { label: 'Long lunch' } }),
  },
  {
    method: 'DELETE',
    path: '/v1/presence-statuses/{key}',
    scope: 'presence:write',
    ok: 204,
    sample: (f) => ({ url: `/v1/presence-statuses/${f.statusKey}` }),
  },
  {
    method: 'GET',
    path: '/v1/supervisors',
    scope: 'supervisors:read',
    ok: 200,
    sample: () => ({ url: '/v1/supervisors' }),
  },
  {
    method: 'GET',
    path: '/v1/supervisors/{id}/agents',
    scope: 'supervisors:read',
    ok: 200,
    sample: (f) => ({ url: `/v1/supervisors/${f.supervisorId}/agents` }),
  },
  {
    method: 'PATCH',
    path: '/v1/supervisors/{id}/agents',
    scope: 'supervisors:write',
    ok: 200,
    sample: (f) => ({
      url: `/v1/supervisors/${f.supervisorId}/agents`,
      body: { add: [f.agentId], remove: [f.memberId] },
    }),
  },
  {
    method: 'DELETE',
    path: '/v1/supervisors/{id}',
    scope: 'supervisors:write',
    ok: 204,
    sample: (f) => ({ url: `/v1/supervisors/${f.supervisorId}` }),
  },
  {
    method: 'GET',
    path: '/v1/conversations',
    scope: 'conversations:read',
    ok: 200,
    sample: () => ({ url: '/v1/conversations' }),
  },
  {
    method: 'POST',
    path: '/v1/conversations',
    scope: 'conversations:write',
    ok: 201,
    sample: () => ({ url: '/v1/conversations', body: { channel: 'chat' } }),
  },
  {
    method: 'GET',
    path: '/v1/conversations/{id}',
    scope: 'conversations:read',
    ok: 200,
    sample: (f) => ({ url: `/v1/conversations/${f.conversationId}` }),
  },
  {
    method: 'PATCH',
    path: '/v1/conversations/{id}',
    scope: 'conversations:write',
    ok: 200,
    sample: (f) => ({ url: `/v1/conversations/${f.conversationId}`, body: { status: 'closed' } }),
  },
  {
    method: 'POST',
    path: '/v1/conversations/{id}/transfer',
    scope: 'conversations:write',
    ok: 200,
    sample: (f) => ({ url: `/v1/conversations/${f.conversationId}/transfer`, body: { team_id: f.teamId } }),
  },
  ...WEBHOOK_ROUTES,
];
