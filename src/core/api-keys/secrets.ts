import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Prefix of org API keys, so that a leaked key is recognizable (and greppable by scanners). */
export const API_KEY_PREFIX = 'roster_sk_';
/** Prefix of the platform master key. */
export const MASTER_KEY_PREFIX = 'roster_mk_';
/** Prefix of console session tokens (kept in an HttpOnly cookie, never shown to scripts). */
export const SESSION_TOKEN_PREFIX = 'roster_ss_';

/** A new secret: the prefix plus 32 random bytes in base64url (256 bits of entropy). */
export function generateSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** SHA-256 of the secret, hex encoded: the only form a key is stored in. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares two hex hashes in constant time. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
