import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IfVersion } from '../../core/versions.js';

/** The strong ETag of a resource at `version`. */
export const etagOf = (version: number) => `"${version}"`;

/** Sets the resource's ETag on the reply and passes the row through. */
export function withEtag<T extends { version: number }>(reply: FastifyReply, row: T): T {
  reply.header('etag', etagOf(row.version));
  return row;
}

/**
 * The precondition of an `If-Match` header: absent or `*`, none; otherwise the versions of its
 * strong ETags. Weak or foreign tags match nothing (RFC 9110 compares If-Match strongly), so a
 * header of only those asks for a version no row has.
 */
export function ifMatch(request: FastifyRequest): IfVersion {
  const header = request.headers['if-match'];
  if (header === undefined || header.trim() === '*') {
    return {};
  }
  const versions = header
    .split(',')
    .map((tag) => /^"(\d{1,9})"$/.exec(tag.trim())?.[1])
    .filter((v): v is string => v !== undefined)
    .map(Number);
  return { ifVersion: versions };
}
