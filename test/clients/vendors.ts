import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
// Rocket.Chat's REST client from npm (the one its web client uses).
import { RestClient } from '@rocket.chat/api-client';
// The Tiledesk REST client from npm, as bots and scripts use it (version pinned in package.json).
import tiledeskClientModule from '@tiledesk/tiledesk-client';
import { nextLinkOf, type RawResponse, rawRequest } from './raw.js';

/**
 * The vendor clients of test/clients/*.test.ts, shared by the files that drive an in-process app
 * and by npm-start.test.ts, which drives `node dist/roster.mjs`.
 */

// --- Tiledesk: @tiledesk/tiledesk-client ---

export type Callback = (err: unknown, body?: unknown) => void;
export interface TiledeskClientApi {
  getTeam(callback: Callback): void;
  getProjectUser(userId: string, callback: Callback): void;
  updateProjectUserCurrentlyLoggedIn(properties: Record<string, unknown>, callback: Callback): void;
  updateProjectUserAvailable(projectUserId: string, available: boolean, callback: Callback): void;
  updateProjectUserAttributes(
    projectUserId: string,
    attributes: Record<string, unknown>,
    callback: Callback,
  ): void;
  getProjectAvailableAgents(callback?: Callback): Promise<unknown>;
  getGroup(groupId: string, callback: Callback): void;
}
const { TiledeskClient } = tiledeskClientModule as unknown as {
  TiledeskClient: new (options: Record<string, unknown>) => TiledeskClientApi;
};

/** The client as a bot sets it up: `APIURL` ends in `/v3`, `token` is the key (sent as `JWT <key>`). */
export function tiledeskClient(apiUrl: string, projectId: string, token: string): TiledeskClientApi {
  return new TiledeskClient({ APIKEY: 'unused', APIURL: apiUrl, projectId, token });
}

/** The client's callback methods as promises; an HTTP error (any non-200) rejects. */
export function viaCallback<T>(run: (callback: Callback) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    run((err, body) => (err ? reject(err) : resolve(body as T)));
  });
}

export interface Teammate {
  id: string;
  id_user: { _id: string; email: string };
  user_available: boolean;
  status: string;
  max_served_chat: number;
  max_assigned_chat: number;
  attributes: Record<string, unknown>;
}

// --- Rocket.Chat: @rocket.chat/api-client ---

/** Keys ILivechatDepartment requires (and the optional ones its admin UI reads), with their JSON types. */
export const DEPARTMENT_FIELDS: Record<string, string> = {
  _id: 'string',
  _updatedAt: 'string',
  name: 'string',
  enabled: 'boolean',
  description: 'string',
  showOnRegistration: 'boolean',
  showOnOfflineForm: 'boolean',
  requestTagBeforeClosingChat: 'boolean',
  email: 'string',
  chatClosingTags: 'array',
  offlineMessageChannelName: 'string',
  numAgents: 'number',
  fallbackForwardDepartment: 'string',
  archived: 'boolean',
  departmentsAllowedToForward: 'array',
  maxNumberSimultaneousChat: 'number',
};
export const DEPARTMENT_AGENT_FIELDS: Record<string, string> = {
  _id: 'string',
  _updatedAt: 'string',
  departmentId: 'string',
  departmentEnabled: 'boolean',
  agentId: 'string',
  username: 'string',
  count: 'number',
  order: 'number',
};

const typeOf = (value: unknown) => (Array.isArray(value) ? 'array' : typeof value);

export function assertShape(value: unknown, fields: Record<string, string>, what: string): void {
  const record = value as Record<string, unknown>;
  for (const [field, type] of Object.entries(fields)) {
    assert.equal(typeOf(record[field]), type, `${what}.${field} is a ${type}`);
  }
}

/** RestClient without its endpoint typings (Roster's paths are checked at run time instead). */
export interface LooseRestClient {
  get(endpoint: string, params?: Record<string, unknown>): Promise<Record<string, unknown>>;
  post(endpoint: string, params?: unknown): Promise<Record<string, unknown>>;
  delete(endpoint: string): Promise<Record<string, unknown>>;
}

/** The client as the web app signs it in: `X-User-Id` and `X-Auth-Token` (a key bound to that agent). */
export function rocketChatClient(baseUrl: string, userId: string, token: string): LooseRestClient {
  const rest = new RestClient({ baseUrl });
  rest.setCredentials({ 'X-User-Id': userId, 'X-Auth-Token': token });
  return rest as unknown as LooseRestClient;
}

// --- Webex (wxc_sdk) and Dixa, reproduced over raw HTTP ---

/**
 * Webex's Python SDK (wxc_sdk 1.x, RestSession over python-requests) and Dixa's API as its own
 * tooling calls it are not JavaScript, so their requests are reproduced here as they send them:
 * - wxc_sdk: `Authorization: Bearer <token>`, `Content-type: application/json;charset=utf-8` and a
 *   `TrackingID` on every request, DELETE with that content type and no body, list pages followed
 *   through `response.links['next']['url']`, i.e. the Link header exactly as given.
 * - Dixa: the key bare in `Authorization`, `Content-Type: application/json`, JSON parsed from
 *   every 2xx but a 204, list pages followed through `meta.next`.
 */
export function wxc(base: string, token: string) {
  const headers = () => ({
    authorization: `Bearer ${token}`,
    'content-type': 'application/json;charset=utf-8',
    trackingid: `WXC_SDK_${randomUUID()}`,
  });
  const send = (method: string, url: string, body?: unknown) =>
    rawRequest(
      method,
      url.startsWith('http') ? url : `${base}${url}`,
      headers(),
      body === undefined ? undefined : JSON.stringify(body),
    );
  return {
    send,
    /** wxc_sdk's follow_pagination: GET, then each Link rel="next" as given, collecting `key`. */
    async *pages(url: string): AsyncGenerator<RawResponse> {
      let next: string | null = url;
      while (next !== null) {
        const res = await send('GET', next);
        assert.equal(res.status, 200, res.body);
        yield res;
        next = nextLinkOf(res);
      }
    },
  };
}

export function dixa(base: string, key: string) {
  return async (method: string, url: string, body?: unknown): Promise<{ status: number; json: unknown }> => {
    const res = await rawRequest(
      method,
      url.startsWith('http') ? url : `${base}${url}`,
      { authorization: key, 'content-type': 'application/json', accept: 'application/json' },
      body === undefined ? undefined : JSON.stringify(body),
    );
    assert.ok(res.status >= 200 && res.status < 300, `${method} ${url}: ${res.status} ${res.body}`);
    // Dixa's tooling parses every 2xx that is not a 204: an empty 200 fails there.
    return { status: res.status, json: res.status === 204 ? null : JSON.parse(res.body) };
  };
}
