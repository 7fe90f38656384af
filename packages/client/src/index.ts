import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './schema.js';

export type { components, paths };

/** A typed client of every path in Roster's OpenAPI document (the native /v1 API and the dialects). */
export type RosterClient = Client<paths>;

export interface RosterClientOptions {
  /** Where Roster listens, e.g. `http://127.0.0.1:8080` (no trailing path). */
  baseUrl: string;
  /** An API key (master, org or agent-bound), sent as `Authorization: Bearer <key>`. Omit for cookie sessions. */
  key?: string;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** A fetch of one's own (tests, proxies); the global fetch by default. */
  fetch?: ClientOptions['fetch'];
  /** Sent with requests from a browser (`include` for the console's session cookie). */
  credentials?: RequestCredentials;
}

/** Creates a typed client; every call answers `{ data, error, response }` as openapi-fetch does. */
export function createRosterClient(options: RosterClientOptions): RosterClient {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key !== undefined) {
    headers.authorization = `Bearer ${options.key}`;
  }
  return createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    headers,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
}

/** The human-readable message of an error body of any dialect (problem+json `detail`, `message`, `msg`, `error`). */
export function errorMessage(error: unknown, status: number): string {
  if (error !== null && typeof error === 'object') {
    const body = error as Record<string, unknown>;
    for (const field of ['detail', 'message', 'msg', 'error', 'title']) {
      const value = body[field];
      if (typeof value === 'string' && value !== '') {
        return value;
      }
    }
  }
  return `HTTP ${status}`;
}
