import type { FastifyReply, FastifyRequest } from 'fastify';
import { type TProperties, Type } from 'typebox';
import { DEFAULT_LIMIT, decodeCursor, MAX_LIMIT, type Page, type PageRequest } from '../../core/paging.js';
import { requestUrl } from '../links.js';
import { LOWERCASE_KEYWORD } from '../plugins/validation.js';

export const Uuid = (description: string) =>
  Type.String({ format: 'uuid', description, [LOWERCASE_KEYWORD]: true });
export const Timestamp = (description: string) =>
  Type.String({ format: 'date-time', description: `${description} (ISO-8601, UTC)` });
export const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** Query parameters every org-scoped route accepts: the master key uses them to pick the org. */
export const orgQueryProperties = {
  org_id: Type.Optional(Uuid('Org to act on (master key only; defaults to the default org)')),
  orgId: Type.Optional(Uuid('Alias of org_id')),
};

export const OrgQuery = Type.Object(orgQueryProperties, { additionalProperties: false });

export const pageQueryProperties = {
  skip: Type.Integer({
    minimum: 0,
    maximum: 1_000_000,
    default: 0,
    description: 'Number of records to skip',
  }),
  offset: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 1_000_000,
      description: 'Same as skip (the name the helpdesk pagination guide uses); wins when both are given',
    }),
  ),
  limit: Type.Integer({
    minimum: 1,
    maximum: MAX_LIMIT,
    default: DEFAULT_LIMIT,
    description: `Maximum records to return (max ${MAX_LIMIT})`,
  }),
  after: Type.Optional(
    Type.String({ minLength: 1, maxLength: 200, description: 'Cursor from the Link rel="next" header' }),
  ),
};

/** Paging plus org selection plus any extra filters of one route. */
export const PageQuery = <P extends TProperties>(extra: P) =>
  Type.Object({ ...orgQueryProperties, ...pageQueryProperties, ...extra }, { additionalProperties: false });

export const IdParams = (description: string) =>
  Type.Object({ id: Uuid(description) }, { additionalProperties: false });

/** Empty 204 response. */
export const NoContent = Type.Null({ description: 'No Content' });

/** Reference to the shared Problem schema (registered once on the app, listed once in OpenAPI). */
const ProblemRef = Type.Ref('Problem');

/** Response entries for the errors a route can answer with, all RFC 9457 problems. */
export function problems(...statuses: number[]): Record<number, ReturnType<typeof Type.Ref>> {
  return Object.fromEntries(statuses.map((s) => [s, ProblemRef]));
}

export const SECURED: { [scheme: string]: string[] }[] = [{ bearerAuth: [] }, { sessionCookie: [] }];

export function toPageRequest(query: {
  skip?: number;
  offset?: number;
  limit?: number;
  after?: string;
}): PageRequest {
  return {
    skip: query.offset ?? query.skip ?? 0,
    limit: query.limit ?? DEFAULT_LIMIT,
    afterId: query.after === undefined ? null : decodeCursor(query.after),
  };
}

/** Presents one page of a list and points `Link: <...>; rel="next"` at the next page, if any. */
export function sendPage<T, R>(
  request: FastifyRequest,
  reply: FastifyReply,
  page: Page<T>,
  present: (item: T) => R,
): R[] {
  if (page.next !== null) {
    setNextLink(request, reply, page.next);
  }
  return page.items.map(present);
}

function setNextLink(request: FastifyRequest, reply: FastifyReply, next: string): void {
  const url = requestUrl(request);
  url.searchParams.delete('skip');
  url.searchParams.delete('offset');
  url.searchParams.set('after', next);
  reply.header('link', `<${url.toString()}>; rel="next"`);
}
