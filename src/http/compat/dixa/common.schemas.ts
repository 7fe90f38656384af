import { Type } from 'typebox';
import { LOWERCASE_KEYWORD } from '../../plugins/validation.js';

/** Shared pieces of the Dixa route schemas (vendor spec section "Common to all endpoints"). */

export const DIXA_SECURED = [{ dixaApiKey: [] }];

export const DixaUuid = (description: string) =>
  Type.String({ format: 'uuid', description, [LOWERCASE_KEYWORD]: true });

export const TeamParams = Type.Object({ teamId: DixaUuid('The team id') });
export const AgentParams = Type.Object({ agentId: DixaUuid('The agent/admin id') });

/** Empty 204 response. */
export const NoContent = Type.Null({ description: 'No Content' });

/** Links of a paged list; only `next` is given (keyset paging runs forward). */
export const PaginationLinks = Type.Object(
  { next: Type.Optional(Type.String({ description: 'URL of the next page, absent on the last page' })) },
  { description: 'Pagination links' },
);

export const pagingQueryProperties = {
  pageKey: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'Opaque key of the page to read, taken from meta.next; do not construct or change it',
    }),
  ),
  pageLimit: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 2_147_483_647,
      description: 'Maximum results per page (default 50; values above 100 read 100)',
    }),
  ),
};
