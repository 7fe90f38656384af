import { ERRORS } from './errors.js';
import { isUuid } from './ids.js';

/** A page request: offset paging (`skip`) and keyset paging (`after`) may be combined. */
export interface PageRequest {
  skip: number;
  limit: number;
  /** Id of the last row of the previous page (decoded from the opaque cursor). */
  afterId: string | null;
}

export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page, or null when this page is the last. */
  next: string | null;
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 100;
/**
 * Presence lists take larger pages: their readers (a live board, a wallboard) want every agent of a
 * team or org at once, and 100 rows a round trip made a 2,000-agent board wait for 20 of them.
 */
export const PRESENCE_MAX_LIMIT = 1000;

export function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

/**
 * Decodes a cursor produced by `encodeCursor`.
 * @throws invalid_request naming `path` when the cursor was not made by Roster.
 */
export function decodeCursor(cursor: string, path = 'query.after'): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!isUuid(id)) {
    throw ERRORS.invalid(path, 'is not a valid cursor');
  }
  return id;
}

/** Builds a page from rows fetched with `limit + 1`, so that the extra row tells whether more exist. */
export function toPage<T>(rows: T[], limit: number, idOf: (row: T) => string): Page<T> {
  if (rows.length <= limit) {
    return { items: rows, next: null };
  }
  const items = rows.slice(0, limit);
  return { items, next: encodeCursor(idOf(items[items.length - 1] as T)) };
}
