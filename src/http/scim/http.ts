import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ERRORS } from '../../core/errors.js';
import { isUuid } from '../../core/ids.js';
import type { IfVersion } from '../../core/versions.js';
import { SCIM_CONTENT_TYPE, scimError } from './errors.js';
import { LIST_SCHEMA } from './schemas-urn.js';
import type { Json } from './users.js';

/** The mount point of the dialect. */
export const SCIM_PREFIX = '/scim/v2';

/** Route options every SCIM resource route shares: hidden from the /v1 OpenAPI document (see docs/scim.md). */
export const scimRoute = { hide: true } as const;

/** The absolute URL of `path` under the SCIM base of this request's host. */
export function urlOf(request: FastifyRequest, path: string): string {
  return `${request.protocol}://${request.host}${SCIM_PREFIX}${path}`;
}

/** Sends a SCIM document with SCIM's media type, and its ETag when it has a meta.version. */
export function sendScim(reply: FastifyReply, status: number, body: Json): FastifyReply {
  const version = (body.meta as Json | undefined)?.version;
  if (typeof version === 'string') {
    reply.header('etag', version);
  }
  return reply.status(status).type(SCIM_CONTENT_TYPE).send(JSON.stringify(body));
}

export function listResponse(total: number, startIndex: number, resources: Json[]): Json {
  return {
    schemas: [LIST_SCHEMA],
    totalResults: total,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}

/** The versions an If-Match header accepts: weak or strong tags; `*` or none, no precondition. */
export function ifMatch(request: FastifyRequest): IfVersion {
  const header = request.headers['if-match'];
  if (header === undefined || header.trim() === '*') {
    return {};
  }
  const versions = header
    .split(',')
    .map((tag) => /^(?:W\/)?"(\d{1,9})"$/.exec(tag.trim())?.[1])
    .filter((v): v is string => v !== undefined)
    .map(Number);
  return { ifVersion: versions };
}

/** True when If-None-Match names the resource's current version (the client's copy is current). */
export function notModified(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (header === undefined) {
    return false;
  }
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || t.trim().replace(/^W\//, '') === bare);
}

/** A path id that is no Roster id names nothing: 404, as for an unknown one. */
export function userId(id: string): string {
  if (!isUuid(id)) {
    throw ERRORS.agentNotFound(id);
  }
  return id.toLowerCase();
}

export function groupId(id: string): string {
  if (!isUuid(id)) {
    throw ERRORS.teamNotFound(id);
  }
  return id.toLowerCase();
}

export const IdParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 200, description: 'Resource id' }),
});

export const ListQuery = Type.Object(
  {
    filter: Type.Optional(Type.String({ maxLength: 2000, description: 'SCIM filter (RFC 7644 §3.4.2.2)' })),
    startIndex: Type.Optional(
      Type.String({ maxLength: 12, description: '1-based index of the first result' }),
    ),
    count: Type.Optional(Type.String({ maxLength: 12, description: 'Most results to return' })),
    attributes: Type.Optional(Type.String({ maxLength: 2000, description: 'Only these attributes' })),
    excludedAttributes: Type.Optional(
      Type.String({ maxLength: 2000, description: 'All but these attributes' }),
    ),
  },
  { additionalProperties: true },
);

export const ReadQuery = Type.Object(
  {
    attributes: Type.Optional(Type.String({ maxLength: 2000 })),
    excludedAttributes: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: true },
);

export const PatchBody = Type.Object(
  {
    schemas: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 10 })),
    Operations: Type.Array(
      Type.Object(
        {
          op: Type.String({ minLength: 1, maxLength: 20, description: 'add, replace or remove (any case)' }),
          path: Type.Optional(Type.String({ maxLength: 1000 })),
          value: Type.Optional(Type.Unknown()),
        },
        { additionalProperties: true },
      ),
      { minItems: 1, maxItems: 1000 },
    ),
  },
  { additionalProperties: true },
);

export const UserBody = Type.Object(
  {
    schemas: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 10 })),
    userName: Type.String({
      minLength: 1,
      maxLength: 320,
      description: 'Unique in the org, case-insensitive',
    }),
  },
  { additionalProperties: true },
);

export const GroupBody = Type.Object(
  {
    schemas: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 10 })),
    displayName: Type.String({ minLength: 1, maxLength: 255, description: 'Unique in the org' }),
    members: Type.Optional(
      Type.Array(
        Type.Object({ value: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: true }),
        {
          maxItems: 10_000,
        },
      ),
    ),
  },
  { additionalProperties: true },
);

/** A body's `id`, when it has one, must be the resource's: SCIM's id is immutable. */
export function assertSameId(body: Json, id: string): void {
  if (body.id !== undefined && (typeof body.id !== 'string' || body.id.toLowerCase() !== id)) {
    throw scimError(
      'mutability',
      `id is immutable: the body names ${JSON.stringify(body.id)}, the URL ${id}`,
    );
  }
}
