import type { Db } from '../../db/client.js';
import { type Actor, ALL_SCOPES, expandScopes, type Role } from '../access.js';
import { ERRORS } from '../errors.js';
import { FeedCache } from '../feed-cache.js';
import { isUuid } from '../ids.js';
import { findOrg } from '../orgs/orgs.repo.js';
import type { Platform } from '../platform/platform.js';
import { findSessionByTokenHash } from '../sessions/sessions.repo.js';
import { findKeyByHash, touchKey } from './api-keys.repo.js';
import type { KeyCache } from './key-cache.js';
import { hashSecret, MASTER_KEY_PREFIX, sameHash } from './secrets.js';

const TOUCH_INTERVAL_MS = 60_000;

export interface AuthRequest {
  /** The secret as presented, without any scheme word. */
  secret: string;
  /** The org the caller asked for (`org_id`/`orgId`), if any. */
  orgId: string | null;
  /** The secret is a console session token (from the session cookie), not an API key. */
  session?: boolean;
}

/**
 * Resolves a presented secret to the actor it stands for.
 * The master key acts on the requested org (the default org when none is named); an org key acts
 * on its own org, and naming another org is answered as if that org did not exist. With `keys`,
 * a key found before is taken from there instead of read again (see `KeyCache`).
 * @throws unauthenticated; org_not_found; invalid_request (org id not a UUID).
 */
export async function authenticate(
  db: Db,
  platform: Platform,
  request: AuthRequest,
  now: Date,
  keys: KeyCache | null = null,
): Promise<Actor> {
  if (request.orgId !== null && !isUuid(request.orgId)) {
    throw ERRORS.invalid('query.org_id', 'must be a UUID');
  }
  // Authentication runs before validation has normalised the query, so canonicalise here.
  const orgId = request.orgId?.toLowerCase() ?? null;
  const hash = hashSecret(request.secret);
  if (request.session === true) {
    // A session stands for the key it was made from, checked again now: revoking the key, disabling
    // its agent or changing the master key ends the session too.
    const session = await findSessionByTokenHash(db, hash);
    if (session === null || !sameHash(hash, session.tokenHash)) {
      throw ERRORS.unauthenticated('The session is not valid: sign in again');
    }
    if (session.expiresAt.getTime() <= now.getTime()) {
      throw ERRORS.unauthenticated('The session has expired: sign in again');
    }
    return actorForKeyHash(db, platform, session.keyHash, session.apiKeyId === null, orgId, now, keys);
  }
  // The master key is recognised by its hash, not its prefix: an operator may choose one of their
  // own (ROSTER_MASTER_KEY) without `roster_mk_`. A secret with that prefix is never an org key.
  const master = sameHash(hash, platform.masterKeyHash) || request.secret.startsWith(MASTER_KEY_PREFIX);
  return actorForKeyHash(db, platform, hash, master, orgId, now, keys);
}

/** The actor of the key whose hash is `hash` (the master key's when `master`). */
async function actorForKeyHash(
  db: Db,
  platform: Platform,
  hash: string,
  master: boolean,
  orgId: string | null,
  now: Date,
  keys: KeyCache | null,
): Promise<Actor> {
  if (master) {
    if (!sameHash(hash, platform.masterKeyHash)) {
      throw ERRORS.unauthenticated('The API key is not valid');
    }
    const actingOrg = orgId ?? platform.defaultOrgId;
    if (actingOrg !== platform.defaultOrgId && (await findOrg(db, actingOrg)) === null) {
      throw ERRORS.orgNotFound(actingOrg);
    }
    return { orgId: actingOrg, isMaster: true, keyId: null, scopes: ALL_SCOPES, agent: null };
  }

  const found = await FeedCache.through(keys, hash, now.getTime(), () => findKeyByHash(db, hash));
  if (found === null || !sameHash(hash, found.key.keyHash)) {
    throw ERRORS.unauthenticated('The API key is not valid');
  }
  const { key } = found;
  if (key.expiresAt !== null && key.expiresAt.getTime() <= now.getTime()) {
    throw ERRORS.unauthenticated('The API key has expired');
  }
  if (found.agentStatus === 'disabled') {
    throw ERRORS.unauthenticated("The API key's agent is disabled");
  }
  if (found.agentTrashed === true) {
    throw ERRORS.unauthenticated("The API key's agent is in the trash");
  }
  if (orgId !== null && orgId !== key.orgId) {
    throw ERRORS.orgNotFound(orgId);
  }
  // Recording use costs a write, so it happens at most once a minute per key, not per request.
  if (key.lastUsedAt === null || now.getTime() - key.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) {
    await touchKey(db, key.id, now);
    keys?.touched(hash, now);
  }
  return {
    orgId: key.orgId,
    isMaster: false,
    keyId: key.id,
    scopes: new Set(expandScopes(key.scopes)),
    agent: key.agentId === null ? null : { id: key.agentId, role: (found.agentRole ?? 'agent') as Role },
  };
}
