import { type components, createRosterClient, errorMessage, type paths } from '@roster/client';
import { queryOptions } from '@tanstack/react-query';

/**
 * The console's only way to Roster: the typed client over the same origin, with the session cookie.
 * Every request carries the CSRF header the API asks of cookie-authenticated writes.
 */
export const CSRF_HEADER = 'x-requested-with';

export const api = createRosterClient({
  baseUrl: window.location.origin,
  credentials: 'include',
  headers: { [CSRF_HEADER]: 'roster-console' },
  // Looked up at each call rather than captured once (tests put their own in place).
  fetch: (request) => globalThis.fetch(request),
});

export type { components, paths };

/** A field the API named in a 400 (for example `body.name`), with its message. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** An error answered by the API, with its message and the fields it names. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string | null,
    readonly fields: FieldProblem[],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The message the API gave about `field` (`name` matches `body.name`), if any. */
  about(field: string): string | undefined {
    return this.fields.find((f) => f.path === field || f.path === `body.${field}`)?.message;
  }
}

type Listener = () => void;
const unauthorizedListeners = new Set<Listener>();

/** Called whenever the API answers 401: the session ended (expired, signed out, key revoked). */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export function toApiError(error: unknown, response: Response): ApiError {
  const body = (error ?? {}) as { code?: unknown; errors?: unknown };
  const fields = Array.isArray(body.errors)
    ? (body.errors as FieldProblem[]).filter((e) => typeof e?.path === 'string')
    : [];
  if (response.status === 401) {
    for (const listener of unauthorizedListeners) {
      listener();
    }
  }
  return new ApiError(
    response.status,
    errorMessage(error, response.status),
    typeof body.code === 'string' ? body.code : null,
    fields,
  );
}

/** Unwraps an openapi-fetch result: the data, or an ApiError thrown with the API's message. */
export async function ok<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<{ data: T; response: Response }> {
  const { data, error, response } = await call;
  if (!response.ok) {
    throw toApiError(error, response);
  }
  return { data: data as T, response };
}

/** The `after` cursor of the `Link: <...>; rel="next"` header, or null on the last page. */
export function nextCursor(response: Response): string | null {
  const link = response.headers.get('link');
  const match = link?.match(/<([^>]+)>;\s*rel="next"/);
  if (!match?.[1]) {
    return null;
  }
  return new URL(match[1], window.location.origin).searchParams.get('after');
}

/** Every page of a keyset-paged list, 100 at a time. */
export async function allPages<T>(
  page: (after: string | undefined) => Promise<{ data: T[]; response: Response }>,
) {
  const items: T[] = [];
  let after: string | undefined;
  for (;;) {
    const { data, response } = await page(after);
    items.push(...data);
    const next = nextCursor(response);
    if (next === null) {
      return items;
    }
    after = next;
  }
}

/** The org query every call adds: only the master key picks the org. */
export type OrgQuery = { org_id?: string };

/** The org's presence statuses: one query for every screen that shows them (the board, Statuses). */
export const presenceStatusesQuery = (orgId: string) =>
  queryOptions({
    queryKey: ['presence-statuses', orgId],
    queryFn: async () =>
      (await ok(api.GET('/v1/presence-statuses', { params: { query: { org_id: orgId } } }))).data,
  });
