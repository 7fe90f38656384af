import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildAgent, buildKey, buildOrg } from '../../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../../test/harness.js';
import { authenticate } from '../api-keys/authenticate.js';
import { DomainError } from '../errors.js';
import { restoreAgent, trashAgent } from './agent-lifecycle.js';

describe('keys of a trashed agent', () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv();
  });
  after(async () => {
    await env.close();
  });

  it('stop working while the agent is trashed and work again once it is restored', async () => {
    const ctx = await buildOrg(env);
    const agent = await buildAgent(ctx);
    const { secret } = await buildKey(ctx, { scopes: ['teams:read'], agentId: agent.id });
    const auth = () => authenticate(env.database.db, env.platform, { secret, orgId: null }, new Date());

    assert.equal((await auth()).agent?.id, agent.id);
    await trashAgent(ctx, agent.id);
    await assert.rejects(
      auth(),
      (err: unknown) => err instanceof DomainError && err.code === 'unauthenticated',
    );
    await restoreAgent(ctx, agent.id);
    assert.equal((await auth()).agent?.id, agent.id);
  });
});
