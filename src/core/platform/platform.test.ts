import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../../../test/harness.js';
import { orgs, platformSettings } from '../../db/schema.js';
import { hashSecret, MASTER_KEY_PREFIX } from '../api-keys/secrets.js';
import { initPlatform } from './platform.js';

/**
 * The platform state is global to a database, so this file uses a database of its own (never the
 * harness's initialised one) and each test empties it first, as on a first start. Tests in one
 * describe run one after another.
 */
describe('initPlatform', () => {
  let database: TestDatabase;

  before(async () => {
    database = await openTestDatabase();
  });

  after(async () => {
    await database.dispose();
  });

  async function fresh(): Promise<TestDatabase> {
    await database.db.delete(platformSettings);
    await database.db.delete(orgs);
    return database;
  }

  it('creates the default org once', async () => {
    const { db } = await fresh();
    const first = await initPlatform(db, { masterKey: null, now: new Date() });
    const second = await initPlatform(db, { masterKey: null, now: new Date() });
    assert.equal(second.platform.defaultOrgId, first.platform.defaultOrgId);
    const rows = await db.select().from(orgs);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.id, first.platform.defaultOrgId);
    assert.equal(rows[0]?.name, 'Default');
  });

  it('generates a master key on the first start and stores only its SHA-256 hash', async () => {
    const { db } = await fresh();
    const { platform, generatedMasterKey } = await initPlatform(db, { masterKey: null, now: new Date() });
    assert.ok(generatedMasterKey !== null);
    assert.ok(generatedMasterKey.startsWith(MASTER_KEY_PREFIX));
    assert.equal(MASTER_KEY_PREFIX, 'roster_mk_');
    assert.ok(generatedMasterKey.length >= 32 + MASTER_KEY_PREFIX.length);
    assert.equal(platform.masterKeyHash, hashSecret(generatedMasterKey));
    assert.match(platform.masterKeyHash, /^[0-9a-f]{64}$/);

    const settings = await db.select().from(platformSettings);
    const dump = JSON.stringify(settings);
    assert.ok(!dump.includes(generatedMasterKey), 'the clear-text key is not stored');
    assert.ok(!dump.includes(generatedMasterKey.slice(MASTER_KEY_PREFIX.length)));
    assert.ok(settings.some((s) => s.value === platform.masterKeyHash));
  });

  it('reuses the stored hash on later starts and prints no new key', async () => {
    const { db } = await fresh();
    const first = await initPlatform(db, { masterKey: null, now: new Date() });
    const second = await initPlatform(db, { masterKey: null, now: new Date() });
    assert.ok(first.generatedMasterKey !== null);
    assert.equal(second.generatedMasterKey, null);
    assert.equal(second.platform.masterKeyHash, first.platform.masterKeyHash);
    assert.equal(second.platform.masterKeyHash, hashSecret(first.generatedMasterKey));
  });

  it('replaces the stored hash with that of a configured key', async () => {
    const { db } = await fresh();
    const generated = await initPlatform(db, { masterKey: null, now: new Date() });
    const configuredKey = `roster_mk_${'c'.repeat(40)}`;
    const configured = await initPlatform(db, { masterKey: configuredKey, now: new Date() });
    assert.equal(configured.generatedMasterKey, null);
    assert.equal(configured.platform.masterKeyHash, hashSecret(configuredKey));
    assert.notEqual(configured.platform.masterKeyHash, generated.platform.masterKeyHash);
    assert.equal(configured.platform.defaultOrgId, generated.platform.defaultOrgId);

    const stored = await db
      .select()
      .from(platformSettings)
      .where(eq(platformSettings.value, hashSecret(configuredKey)));
    assert.equal(stored.length, 1);
    assert.ok(!JSON.stringify(await db.select().from(platformSettings)).includes(configuredKey));

    // A later start without a configured key keeps the configured key's hash.
    const later = await initPlatform(db, { masterKey: null, now: new Date() });
    assert.equal(later.generatedMasterKey, null);
    assert.equal(later.platform.masterKeyHash, hashSecret(configuredKey));
  });

  it('does not generate a key when one is configured on the first start', async () => {
    const { db } = await fresh();
    const key = `roster_mk_${'d'.repeat(40)}`;
    const init = await initPlatform(db, { masterKey: key, now: new Date() });
    assert.equal(init.generatedMasterKey, null);
    assert.equal(init.platform.masterKeyHash, hashSecret(key));
    assert.equal((await db.select().from(orgs)).length, 1);
  });
});
