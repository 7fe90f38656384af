import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import { actAs, buildAgent, buildKey, buildOrg } from '../../../test/factories.js';
import { createTestEnv, TEST_MASTER_KEY, type TestEnv } from '../../../test/harness.js';
import { apiKeys, outboxEvents } from '../../db/schema.js';
import { SCOPES } from '../access.js';
import { updateAgent } from '../agents/agents.js';
import type { Ctx } from '../context.js';
import { DomainError } from '../errors.js';
import { newId } from '../ids.js';
import { createApiKey, deleteApiKey, getApiKey, listApiKeys } from './api-keys.js';
import { authenticate } from './authenticate.js';

const FIRST_PAGE = { skip: 0, limit: 100, afterId: null };
const HOUR = 3_600_000;

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof DomainError, `expected a DomainError, got ${String(err)}`);
    assert.equal(err.code, code);
    return true;
  });
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('api keys', () => {
  let env: TestEnv;

  before(async () => {
    env = await createTestEnv();
  });

  after(async () => {
    await env.close();
  });

  const auth = (secret: string, orgId: string | null = null, now = new Date()) =>
    authenticate(env.database.db, env.platform, { secret, orgId }, now);

  /** A context acting with a real key of `ctx`'s org, as authenticate() resolves it. */
  async function keyCtx(ctx: Ctx, options: Parameters<typeof buildKey>[1]): Promise<Ctx> {
    const { secret } = await buildKey(ctx, options);
    return { ...ctx, actor: await auth(secret) };
  }

  it('returns a prefixed secret once and stores only its SHA-256 hash and last4', async () => {
    const ctx = await buildOrg(env);
    const { row, secret } = await createApiKey(ctx, { name: 'ci', scopes: ['teams:read'] });
    assert.ok(secret.startsWith('roster_sk_'));
    assert.ok(secret.length >= 'roster_sk_'.length + 40, 'the secret carries enough entropy');
    assert.equal(row.name, 'ci');
    assert.deepEqual(row.scopes, ['teams:read']);
    assert.equal(row.agentId, null);
    assert.equal(row.expiresAt, null);

    const [stored] = await ctx.db.select().from(apiKeys).where(eq(apiKeys.id, row.id));
    assert.ok(stored);
    assert.equal(stored.keyHash, sha256(secret));
    assert.equal(stored.last4, secret.slice(-4));
    const body = secret.slice('roster_sk_'.length);
    const dump = JSON.stringify(stored);
    assert.ok(!dump.includes(body), 'the secret is not stored');
    const events = JSON.stringify(
      await ctx.db.select().from(outboxEvents).where(eq(outboxEvents.orgId, ctx.actor.orgId)),
    );
    assert.ok(!events.includes(body), 'the secret is not in the outbox');

    const second = await createApiKey(ctx, { name: 'ci', scopes: ['teams:read'] });
    assert.notEqual(second.secret, secret);
  });

  it('reads a key back without its secret', async () => {
    const ctx = await buildOrg(env);
    const { row, secret } = await buildKey(ctx);
    const read = await getApiKey(ctx, row.id);
    assert.ok(!JSON.stringify(read).includes(secret.slice('roster_sk_'.length)));
    assert.equal(read.last4, secret.slice(-4));
  });

  it("expands '*' to every scope", async () => {
    const ctx = await buildOrg(env);
    const { row } = await createApiKey(ctx, { name: 'all', scopes: ['*'] });
    assert.deepEqual(row.scopes, [...SCOPES]);
    const [stored] = await ctx.db.select().from(apiKeys).where(eq(apiKeys.id, row.id));
    assert.deepEqual(stored?.scopes, [...SCOPES]);
  });

  it('stores scopes without duplicates in canonical order', async () => {
    const ctx = await buildOrg(env);
    const { row } = await createApiKey(ctx, { name: 'k', scopes: ['keys:read', 'teams:read', 'keys:read'] });
    assert.deepEqual(row.scopes, ['teams:read', 'keys:read']);
  });

  it('refuses to grant a scope the caller does not hold (scope_escalation)', async () => {
    const ctx = await buildOrg(env);
    const limited = await keyCtx(ctx, { scopes: ['teams:read', 'keys:write'] });
    await rejectsWith(createApiKey(limited, { name: 'x', scopes: ['teams:write'] }), 'scope_escalation');
    await rejectsWith(createApiKey(limited, { name: 'x', scopes: ['*'] }), 'scope_escalation');
    await rejectsWith(
      createApiKey(limited, { name: 'x', scopes: ['teams:read', 'agents:read'] }),
      'scope_escalation',
    );
    assert.equal((await listApiKeys(ctx, FIRST_PAGE)).items.length, 1, 'no key was created');
    const ok = await createApiKey(limited, { name: 'narrower', scopes: ['teams:read'] });
    assert.deepEqual(ok.row.scopes, ['teams:read']);
  });

  it('names the missing scopes in a scope_escalation error', async () => {
    const ctx = await buildOrg(env);
    const limited = await keyCtx(ctx, { scopes: ['teams:read'] });
    await assert.rejects(
      createApiKey(limited, { name: 'x', scopes: ['teams:read', 'teams:write', 'keys:write'] }),
      /teams:write, keys:write/,
    );
  });

  it('rejects an expiry that is not in the future with invalid_request', async () => {
    const ctx = await buildOrg(env);
    const now = new Date('2030-01-01T00:00:00Z');
    const fixed = { ...ctx, now: () => now };
    await rejectsWith(
      createApiKey(fixed, { name: 'x', scopes: ['teams:read'], expiresAt: new Date(now.getTime() - 1) }),
      'invalid_request',
    );
    await rejectsWith(
      createApiKey(fixed, { name: 'x', scopes: ['teams:read'], expiresAt: now }),
      'invalid_request',
    );
    const ok = await createApiKey(fixed, {
      name: 'x',
      scopes: ['teams:read'],
      expiresAt: new Date(now.getTime() + HOUR),
    });
    assert.equal(ok.row.expiresAt?.getTime(), now.getTime() + HOUR);
  });

  it('appends api_key.created and api_key.deleted to the outbox', async () => {
    const ctx = await buildOrg(env);
    const agent = await buildAgent(ctx);
    const { row } = await buildKey(ctx, { scopes: ['teams:read'], agentId: agent.id });
    await deleteApiKey(ctx, row.id);
    const events = await ctx.db
      .select({ type: outboxEvents.type, payload: outboxEvents.payload })
      .from(outboxEvents)
      .where(eq(outboxEvents.orgId, ctx.actor.orgId))
      .orderBy(asc(outboxEvents.id));
    assert.deepEqual(
      events.filter((e) => e.type.startsWith('api_key.')),
      [
        {
          type: 'api_key.created',
          payload: { api_key_id: row.id, scopes: ['teams:read'], agent_id: agent.id },
        },
        { type: 'api_key.deleted', payload: { api_key_id: row.id } },
      ],
    );
  });

  it('authenticates a valid key as an actor of its org with its scopes', async () => {
    const ctx = await buildOrg(env);
    const { row, secret } = await buildKey(ctx, { scopes: ['teams:read', 'agents:write'] });
    const actor = await auth(secret);
    assert.equal(actor.orgId, ctx.actor.orgId);
    assert.equal(actor.isMaster, false);
    assert.equal(actor.keyId, row.id);
    assert.equal(actor.agent, null);
    assert.deepEqual([...actor.scopes].sort(), ['agents:write', 'teams:read']);
    const [stored] = await ctx.db.select().from(apiKeys).where(eq(apiKeys.id, row.id));
    assert.ok(stored?.lastUsedAt instanceof Date, 'use is recorded');
  });

  it('authenticates an agent-bound key as that agent with its role', async () => {
    const ctx = await buildOrg(env);
    const agent = await buildAgent(ctx, { role: 'supervisor' });
    const { secret } = await buildKey(ctx, { agentId: agent.id, scopes: ['*'] });
    const actor = await auth(secret);
    assert.deepEqual(actor.agent, { id: agent.id, role: 'supervisor' });
    assert.equal(actor.scopes.size, SCOPES.length);
  });

  it('rejects an unknown key, including a master-prefixed one, as unauthenticated', async () => {
    await rejectsWith(auth('roster_sk_not-a-real-key'), 'unauthenticated');
    await rejectsWith(auth(''), 'unauthenticated');
    await rejectsWith(auth(`roster_mk_${'y'.repeat(40)}`), 'unauthenticated');
    const ctx = await buildOrg(env);
    const { secret } = await buildKey(ctx);
    await rejectsWith(auth(`${secret}x`), 'unauthenticated');
  });

  it('rejects an expired key as unauthenticated', async () => {
    const ctx = await buildOrg(env);
    const now = new Date();
    const expiresAt = new Date(now.getTime() + HOUR);
    const { secret } = await buildKey(ctx, { expiresAt });
    assert.equal((await auth(secret, null, now)).orgId, ctx.actor.orgId);
    await rejectsWith(auth(secret, null, expiresAt), 'unauthenticated');
    await rejectsWith(auth(secret, null, new Date(now.getTime() + 2 * HOUR)), 'unauthenticated');
  });

  it('rejects a deleted key at once', async () => {
    const ctx = await buildOrg(env);
    const { row, secret } = await buildKey(ctx);
    await auth(secret);
    await deleteApiKey(ctx, row.id);
    await rejectsWith(auth(secret), 'unauthenticated');
    await rejectsWith(getApiKey(ctx, row.id), 'api_key_not_found');
    await rejectsWith(deleteApiKey(ctx, row.id), 'api_key_not_found');
  });

  it('rejects a key bound to a disabled agent', async () => {
    const ctx = await buildOrg(env);
    const agent = await buildAgent(ctx);
    const { secret } = await buildKey(ctx, { agentId: agent.id });
    await auth(secret);
    await updateAgent(ctx, agent.id, { status: 'disabled' });
    await rejectsWith(auth(secret), 'unauthenticated');
    await updateAgent(ctx, agent.id, { status: 'active' });
    assert.equal((await auth(secret)).agent?.id, agent.id);
  });

  it('lets the master key act on the default org or on a named org', async () => {
    const ctx = await buildOrg(env);
    const onDefault = await auth(TEST_MASTER_KEY);
    assert.equal(onDefault.orgId, env.platform.defaultOrgId);
    assert.equal(onDefault.isMaster, true);
    assert.equal(onDefault.scopes.size, SCOPES.length);
    const onOrg = await auth(TEST_MASTER_KEY, ctx.actor.orgId);
    assert.equal(onOrg.orgId, ctx.actor.orgId);
    assert.equal(onOrg.isMaster, true);
  });

  it('answers the master key naming a missing org with org_not_found', async () => {
    await rejectsWith(auth(TEST_MASTER_KEY, newId()), 'org_not_found');
    await rejectsWith(auth(TEST_MASTER_KEY, 'not-a-uuid'), 'invalid_request');
  });

  it('answers an org key naming another org with org_not_found', async () => {
    const ctx = await buildOrg(env);
    const other = await buildOrg(env);
    const { secret } = await buildKey(ctx);
    await rejectsWith(auth(secret, other.actor.orgId), 'org_not_found');
    await rejectsWith(auth(secret, env.platform.defaultOrgId), 'org_not_found');
    await rejectsWith(auth(secret, newId()), 'org_not_found');
    assert.equal((await auth(secret, ctx.actor.orgId)).orgId, ctx.actor.orgId);
  });

  it('lets an agent-role key create keys bound to itself only', async () => {
    const ctx = await buildOrg(env);
    const { ctx: self, agentId } = await actAs(ctx, 'agent');
    const other = await buildAgent(ctx);
    const own = await createApiKey(self, { name: 'mine', scopes: ['teams:read'], agentId });
    assert.equal(own.row.agentId, agentId);
    await rejectsWith(
      createApiKey(self, { name: 'x', scopes: ['teams:read'], agentId: other.id }),
      'forbidden',
    );
    await rejectsWith(createApiKey(self, { name: 'x', scopes: ['teams:read'], agentId: null }), 'forbidden');
    await rejectsWith(createApiKey(self, { name: 'x', scopes: ['teams:read'] }), 'forbidden');
    const { ctx: supervisor } = await actAs(ctx, 'supervisor');
    await rejectsWith(
      createApiKey(supervisor, { name: 'x', scopes: ['teams:read'], agentId: other.id }),
      'forbidden',
    );
    assert.equal((await listApiKeys(ctx, FIRST_PAGE)).items.length, 1);
  });

  it('forbids an admin to mint an unbound key or one bound to an owner, but not other keys', async () => {
    const ctx = await buildOrg(env);
    const { ctx: admin, agentId: adminId } = await actAs(ctx, 'admin');
    const owner = await buildAgent(ctx, { role: 'owner' });
    const agent = await buildAgent(ctx);
    await rejectsWith(createApiKey(admin, { name: 'x', scopes: ['teams:read'] }), 'forbidden');
    await rejectsWith(
      createApiKey(admin, { name: 'x', scopes: ['teams:read'], agentId: owner.id }),
      'forbidden',
    );
    assert.equal((await listApiKeys(ctx, FIRST_PAGE)).items.length, 0);
    const forAgent = await createApiKey(admin, { name: 'a', scopes: ['teams:read'], agentId: agent.id });
    assert.equal(forAgent.row.agentId, agent.id);
    const forSelf = await createApiKey(admin, { name: 's', scopes: ['teams:read'], agentId: adminId });
    assert.equal(forSelf.row.agentId, adminId);
  });

  it('lets an owner mint an unbound key', async () => {
    const ctx = await buildOrg(env);
    const { ctx: owner } = await actAs(ctx, 'owner');
    const { row, secret } = await createApiKey(owner, { name: 'unbound', scopes: ['teams:read'] });
    assert.equal(row.agentId, null);
    assert.equal((await auth(secret)).agent, null);
  });

  it("rejects binding a key to an unknown agent or another org's agent with agent_not_found", async () => {
    const ctx = await buildOrg(env);
    const other = await buildOrg(env);
    const theirs = await buildAgent(other);
    await rejectsWith(
      createApiKey(ctx, { name: 'x', scopes: ['teams:read'], agentId: newId() }),
      'agent_not_found',
    );
    await rejectsWith(
      createApiKey(ctx, { name: 'x', scopes: ['teams:read'], agentId: theirs.id }),
      'agent_not_found',
    );
  });

  it('shows an agent-role actor only its own keys', async () => {
    const ctx = await buildOrg(env);
    const { ctx: self, agentId } = await actAs(ctx, 'agent');
    const other = await buildAgent(ctx);
    const mine = await buildKey(ctx, { agentId, scopes: ['teams:read'] });
    const theirs = await buildKey(ctx, { agentId: other.id, scopes: ['teams:read'] });
    const unbound = await buildKey(ctx, { scopes: ['teams:read'] });

    assert.deepEqual(
      (await listApiKeys(self, FIRST_PAGE)).items.map((k) => k.id),
      [mine.row.id],
    );
    assert.equal((await getApiKey(self, mine.row.id)).id, mine.row.id);
    await rejectsWith(getApiKey(self, theirs.row.id), 'api_key_not_found');
    await rejectsWith(getApiKey(self, unbound.row.id), 'api_key_not_found');
    await rejectsWith(deleteApiKey(self, theirs.row.id), 'api_key_not_found');
    assert.equal((await auth(theirs.secret)).keyId, theirs.row.id, 'the other key still works');

    const all = (await listApiKeys(ctx, FIRST_PAGE)).items.map((k) => k.id).sort();
    assert.deepEqual(all, [mine.row.id, theirs.row.id, unbound.row.id].sort());
    const { ctx: admin } = await actAs(ctx, 'admin');
    assert.equal((await listApiKeys(admin, FIRST_PAGE)).items.length, 3);
  });

  it("answers another org's key id as api_key_not_found", async () => {
    const ctx = await buildOrg(env);
    const other = await buildOrg(env);
    const theirs = await buildKey(other);
    await rejectsWith(getApiKey(ctx, theirs.row.id), 'api_key_not_found');
    await rejectsWith(deleteApiKey(ctx, theirs.row.id), 'api_key_not_found');
    assert.equal((await listApiKeys(ctx, FIRST_PAGE)).items.length, 0);
    assert.equal((await auth(theirs.secret)).keyId, theirs.row.id);
  });
});
