import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgs, platformSettings } from '../../db/schema.js';
import { generateSecret, hashSecret, MASTER_KEY_PREFIX } from '../api-keys/secrets.js';
import { newId } from '../ids.js';

/** What every request needs to know about the platform itself. */
export interface Platform {
  defaultOrgId: string;
  masterKeyHash: string;
}

export interface PlatformInit {
  platform: Platform;
  /** The master key in clear text when this start generated it; null otherwise. */
  generatedMasterKey: string | null;
  /**
   * True when a configured key took the place of a different stored one: the previous master key
   * no longer works (the caller logs it). False on a first start and when the keys are the same.
   */
  replacedMasterKey: boolean;
}

const MASTER_KEY_HASH = 'master_key_hash';
const DEFAULT_ORG_ID = 'default_org_id';

async function readSetting(db: Db, key: string): Promise<string | null> {
  const rows = await db
    .select({ value: platformSettings.value })
    .from(platformSettings)
    .where(eq(platformSettings.key, key));
  return rows[0]?.value ?? null;
}

/** Stores `value` unless another instance stored one first; returns the value that won. */
async function claimSetting(db: Db, key: string, value: string): Promise<string> {
  await db.insert(platformSettings).values({ key, value }).onConflictDoNothing();
  return (await readSetting(db, key)) ?? value;
}

/**
 * Makes sure the default org and the master key exist. A configured master key (any secret of 32
 * characters or more, with or without the `roster_mk_` prefix) is the master key and replaces the
 * stored hash, so that it keeps working on later starts without the variable; without one, the
 * stored hash is reused, and on the very first start a key is generated. The operator is never
 * left without a working key: the one configured last, or else the generated one, always works.
 */
export async function initPlatform(
  db: Db,
  options: { masterKey: string | null; now: Date },
): Promise<PlatformInit> {
  let defaultOrgId = await readSetting(db, DEFAULT_ORG_ID);
  if (defaultOrgId === null) {
    defaultOrgId = await db.transaction(async (tx) => {
      const id = newId();
      const won = await claimSetting(tx as unknown as Db, DEFAULT_ORG_ID, id);
      if (won === id) {
        await tx.insert(orgs).values({ id, name: 'Default', createdAt: options.now, updatedAt: options.now });
      }
      return won;
    });
  }

  const stored = await readSetting(db, MASTER_KEY_HASH);
  if (options.masterKey !== null) {
    const hash = hashSecret(options.masterKey);
    if (stored !== hash) {
      await db
        .insert(platformSettings)
        .values({ key: MASTER_KEY_HASH, value: hash })
        .onConflictDoUpdate({ target: platformSettings.key, set: { value: sql`excluded.value` } });
    }
    return {
      platform: { defaultOrgId, masterKeyHash: hash },
      generatedMasterKey: null,
      replacedMasterKey: stored !== null && stored !== hash,
    };
  }

  if (stored !== null) {
    return {
      platform: { defaultOrgId, masterKeyHash: stored },
      generatedMasterKey: null,
      replacedMasterKey: false,
    };
  }
  const key = generateSecret(MASTER_KEY_PREFIX);
  const won = await claimSetting(db, MASTER_KEY_HASH, hashSecret(key));
  const generated = won === hashSecret(key) ? key : null;
  return {
    platform: { defaultOrgId, masterKeyHash: won },
    generatedMasterKey: generated,
    replacedMasterKey: false,
  };
}
