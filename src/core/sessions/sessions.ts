import type { Db } from '../../db/client.js';
import type { SessionRow } from '../../db/schema.js';
import type { Actor } from '../access.js';
import { authenticate } from '../api-keys/authenticate.js';
import type { KeyCache } from '../api-keys/key-cache.js';
import { generateSecret, hashSecret, SESSION_TOKEN_PREFIX } from '../api-keys/secrets.js';
import { newId } from '../ids.js';
import type { Platform } from '../platform/platform.js';
import { deleteSessionByTokenHash, findSessionByTokenHash, insertSession } from './sessions.repo.js';

export interface NewSession {
  /** The session token, for the cookie: returned once and stored only as a hash. */
  token: string;
  row: SessionRow;
  actor: Actor;
}

/**
 * Exchanges an API key (or the master key) for a session of `ttlSeconds`. The key is checked as
 * any request's would be: a key that could not call the API gets no session.
 * @throws unauthenticated; org_not_found; invalid_request (org id not a UUID).
 */
export async function createSession(
  db: Db,
  platform: Platform,
  input: { key: string; orgId: string | null; ttlSeconds: number },
  now: Date,
  keys: KeyCache | null = null,
): Promise<NewSession> {
  const actor = await authenticate(db, platform, { secret: input.key, orgId: input.orgId }, now, keys);
  const token = generateSecret(SESSION_TOKEN_PREFIX);
  const row: SessionRow = {
    id: newId(),
    // A master session belongs to the default org (for row security); it acts on whichever org a
    // request names, as the master key does.
    orgId: actor.isMaster ? platform.defaultOrgId : actor.orgId,
    apiKeyId: actor.keyId,
    tokenHash: hashSecret(token),
    keyHash: hashSecret(input.key),
    createdAt: now,
    expiresAt: new Date(now.getTime() + input.ttlSeconds * 1000),
  };
  await insertSession(db, row);
  return { token, row, actor };
}

/** The session a token names, or null (unknown or ended); does not check the key again. */
export function findSession(db: Db, token: string): Promise<SessionRow | null> {
  return findSessionByTokenHash(db, hashSecret(token));
}

/** Ends the session a token names; true when there was one. */
export function endSession(db: Db, token: string): Promise<boolean> {
  return deleteSessionByTokenHash(db, hashSecret(token));
}
