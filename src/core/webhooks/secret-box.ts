import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** How a sealed secret starts; a plain one (`whsec_...`) never does. */
const SEALED = 'sealed1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Whether `stored` is a sealed secret. */
export const isSealed = (stored: string): boolean => stored.startsWith(SEALED);

/** A sealed secret that none of the configured keys opens (no key set, or not the one that sealed it). */
export class SecretUnreadable extends Error {
  constructor() {
    super(
      'the signing secret is sealed and no key in ROSTER_WEBHOOK_SECRETS_KEY or ROSTER_WEBHOOK_SECRETS_KEY_PREVIOUS opens it',
    );
    this.name = 'SecretUnreadable';
  }
}

/**
 * Webhook signing secrets at rest. Roster signs with them, so they cannot be stored as hashes the
 * way API keys are. With a key configured they are sealed (AES-256-GCM, bound to their endpoint's
 * id), so a copy of the database alone does not let anyone sign as Roster. The first key seals;
 * every key opens, so a key is replaced by moving it to the previous-key variable and setting a
 * new one (what the old key sealed is sealed again at start-up). Without a key, secrets stay plain.
 */
export class SecretBox {
  readonly #keys: readonly Buffer[];

  /** `keys[0]` seals; each must be 32 bytes. */
  constructor(keys: readonly Buffer[] = []) {
    for (const key of keys) {
      if (key.length !== 32) {
        throw new Error('a webhook secrets key must be 32 bytes');
      }
    }
    this.#keys = keys;
  }

  /** Whether secrets are sealed when stored (a key is configured). */
  get sealing(): boolean {
    return this.#keys.length > 0;
  }

  /** What to store for `secret` of endpoint `endpointId`: sealed with the first key, or as it is without one. */
  seal(secret: string, endpointId: string): string {
    const key = this.#keys[0];
    if (key === undefined) {
      return secret;
    }
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(endpointId));
    const data = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return SEALED + Buffer.concat([iv, data, cipher.getAuthTag()]).toString('base64');
  }

  /**
   * The secret `stored` holds for endpoint `endpointId`.
   * @throws SecretUnreadable when it is sealed and no configured key opens it.
   */
  open(stored: string, endpointId: string): string {
    const opened = this.#openWith(this.#keys, stored, endpointId);
    if (opened === null) {
      throw new SecretUnreadable();
    }
    return opened;
  }

  /** Whether `stored` should be stored again: plain while a key is set, or sealed by another key than the first. */
  needsResealing(stored: string, endpointId: string): boolean {
    if (!this.sealing) {
      return false;
    }
    return !isSealed(stored) || this.#openWith(this.#keys.slice(0, 1), stored, endpointId) === null;
  }

  #openWith(keys: readonly Buffer[], stored: string, endpointId: string): string | null {
    if (!isSealed(stored)) {
      return stored;
    }
    const raw = Buffer.from(stored.slice(SEALED.length), 'base64');
    if (raw.length < IV_BYTES + TAG_BYTES) {
      return null;
    }
    const iv = raw.subarray(0, IV_BYTES);
    const data = raw.subarray(IV_BYTES, raw.length - TAG_BYTES);
    const tag = raw.subarray(raw.length - TAG_BYTES);
    for (const key of keys) {
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv);
        decipher.setAAD(Buffer.from(endpointId));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
      } catch {
        // Not this key (or the value was altered): the authentication tag does not match.
      }
    }
    return null;
  }
}
