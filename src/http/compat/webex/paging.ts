import type { FastifyReply, FastifyRequest } from 'fastify';
import { ERRORS } from '../../../core/errors.js';
import type { Page, PageRequest } from '../../../core/paging.js';
import type { PersonFilter, SupervisorOrder } from '../../../core/supervisors/supervisors.repo.js';
import { requestUrl } from '../../links.js';
import { fromWebexId } from './ids.js';
import { WEBEX_DEFAULT_PAGE } from './schemas.js';

/** Webex calls carry an OAuth bearer token; Roster takes an API key in its place. */
export const SECURED = [{ bearerAuth: [] }];

interface ListQuery {
  start?: number;
  max?: number;
  name?: string;
  phoneNumber?: string;
  order?: SupervisorOrder;
}

/** Webex's `start`/`max` as a core page request (offset paging). */
export const pageOf = (query: ListQuery): PageRequest => ({
  skip: query.start ?? 0,
  limit: query.max ?? WEBEX_DEFAULT_PAGE,
  afterId: null,
});

export const filterOf = (query: ListQuery): PersonFilter => ({
  name: query.name,
  phone: query.phoneNumber,
  order: query.order,
});

/** The UUID of a person id given in either Webex form. @throws invalid_request naming `path`. */
export function personId(value: string, path: string): string {
  const id = fromWebexId(value, 'PEOPLE');
  if (id === null) {
    throw ERRORS.invalid(path, 'is not a person id (a UUID, or a Webex base64 PEOPLE id)');
  }
  return id;
}

/** Points `Link: <...>; rel="next"` at the next `start` when more rows exist, as Webex lists do. */
export function setNextLink(request: FastifyRequest, reply: FastifyReply, page: Page<unknown>): void {
  if (page.next === null) {
    return;
  }
  const url = requestUrl(request);
  const query = request.query as ListQuery;
  const max = query.max ?? WEBEX_DEFAULT_PAGE;
  url.searchParams.set('start', String((query.start ?? 0) + max));
  url.searchParams.set('max', String(max));
  reply.header('link', `<${url.toString()}>; rel="next"`);
}
