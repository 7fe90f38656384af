import type { FastifyRequest } from 'fastify';
import { DEFAULT_LIMIT, decodeCursor, MAX_LIMIT, type Page, type PageRequest } from '../../../core/paging.js';
import { requestUrl } from '../../links.js';

/**
 * Dixa paging (vendor spec: opaque base64 `pageKey` plus `pageLimit`, `meta.next` a URL) over the
 * core's keyset pages: the pageKey is the core's cursor, so a tampered one is a 400, never a 500.
 */

/** The core page a Dixa query asks for; larger limits than Roster's maximum read the maximum. */
export function toPageRequest(query: { pageKey?: string; pageLimit?: number }): PageRequest {
  return {
    skip: 0,
    limit: Math.min(query.pageLimit ?? DEFAULT_LIMIT, MAX_LIMIT),
    afterId: query.pageKey === undefined ? null : decodeCursor(query.pageKey, 'query.pageKey'),
  };
}

/** `meta` of a Dixa list: `next` is the absolute URL of the same request at the next page. */
export function pageMeta(request: FastifyRequest, next: string | null): { next?: string } {
  if (next === null) {
    return {};
  }
  const url = requestUrl(request);
  url.searchParams.set('pageKey', next);
  return { next: url.toString() };
}

/** Every item of a core list, page by page: for the Dixa lists that are not paged. */
export async function collectAll<T>(fetchPage: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let afterId: string | null = null;
  for (;;) {
    const page: Page<T> = await fetchPage({ skip: 0, limit: MAX_LIMIT, afterId });
    items.push(...page.items);
    if (page.next === null) {
      return items;
    }
    afterId = decodeCursor(page.next);
  }
}
