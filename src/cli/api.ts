import { createRosterClient, errorMessage, type RosterClient } from '@roster/client';
import { type Connection, type ConnectionFlags, resolveConnection, UsageError } from './config.js';

/** The API refused or could not be reached: exit code 1, its message on stderr. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

export interface Api {
  client: RosterClient;
  conn: Connection;
  /** The `org_id` query parameter every org-scoped call carries when `--org` is given. */
  org: { org_id?: string };
}

/** The connection of a command (flags > env > profile) and a typed client over it. */
export async function connect(flags: ConnectionFlags, options: { needKey?: boolean } = {}): Promise<Api> {
  const conn = await resolveConnection(flags);
  if (options.needKey !== false && conn.key === undefined) {
    throw new UsageError('No API key: pass --key, set ROSTER_KEY or store a profile with roster login');
  }
  const client = createRosterClient({
    baseUrl: conn.url,
    key: conn.key,
    headers: { 'user-agent': 'roster-cli' },
    fetch: (request: Request) => fetchRetrying(request, conn.url),
  });
  return { client, conn, org: conn.org === undefined ? {} : { org_id: conn.org } };
}

/** How often a call the server turned away for now (429, 503) is made again, waiting in between. */
const RETRIES = 5;

/**
 * One call, made again when the server answers 429 or 503 (overloaded, rate limited), after its
 * Retry-After or a growing pause. A failure to connect becomes an ApiError naming the server.
 */
async function fetchRetrying(request: Request, url: string): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(attempt < RETRIES ? request.clone() : request);
    } catch (err) {
      throw request.signal.aborted ? err : unreachable(err, url);
    }
    if (attempt >= RETRIES || (response.status !== 429 && response.status !== 503)) {
      return response;
    }
    const after = Number(response.headers.get('retry-after'));
    await response.body?.cancel();
    const pause = Number.isFinite(after) && after > 0 ? Math.min(after, 30) * 1000 : 250 * 2 ** attempt;
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

/** The body of a successful call, or an ApiError carrying the API's own message. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (err) {
    throw unreachable(err);
  }
  if (result.error !== undefined || !result.response.ok) {
    const status = result.response.status;
    throw new ApiError(`${errorMessage(result.error, status)} (HTTP ${status})`, status);
  }
  return result.data as T;
}

/** A fetch that failed before any answer: the server is not there. */
export function unreachable(err: unknown, url?: string): ApiError {
  if (err instanceof ApiError) {
    return err;
  }
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const why = cause?.code ?? cause?.message ?? (err as Error).message;
  return new ApiError(`Cannot reach Roster${url === undefined ? '' : ` at ${url}`}: ${why}`);
}

/** The `after` cursor of a `Link: <...>; rel="next"` header, or undefined on the last page. */
export function nextCursor(response: Response): string | undefined {
  const link = response.headers.get('link');
  const target = link === null ? null : /<([^>]+)>;\s*rel="next"/.exec(link)?.[1];
  return target ? (new URL(target, 'http://roster.local').searchParams.get('after') ?? undefined) : undefined;
}

/** Every item of a paged listing, following its next links. */
export async function allPages<T>(
  page: (after: string | undefined) => Promise<{ data?: T[]; error?: unknown; response: Response }>,
): Promise<T[]> {
  const items: T[] = [];
  let after: string | undefined;
  do {
    const call = page(after);
    const data = await ok(call);
    items.push(...data);
    after = nextCursor((await call).response);
  } while (after !== undefined);
  return items;
}
