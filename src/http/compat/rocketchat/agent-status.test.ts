/** Rocket.Chat's livechat/agent.status (the departments' tests are in departments.test.ts). */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildAgent } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { UNKNOWN_ID } from '../../../../test/http.js';
import {
  expectFailure,
  expectSuccess,
  newRocketChatTenant,
  rocketChatUser,
  updateAgentsFixture,
} from '../../../../test/rocketchat.js';

let env: TestApp;
before(async () => {
  env = await createTestApp();
});
after(async () => {
  await env.close();
});

describe('Rocket.Chat: agent.status', () => {
  it('flips the caller between available and not-available, or sets what is asked', async () => {
    const t = await newRocketChatTenant(env);
    const { api, agent, key } = await rocketChatUser(env, t, 'agent');
    assert.deepEqual(expectSuccess(await api.post('agent.status', {})), {
      status: 'not-available',
      success: true,
    });
    assert.deepEqual(expectSuccess(await api.post('agent.status', {})), {
      status: 'available',
      success: true,
    });
    assert.deepEqual(expectSuccess(await api.post('agent.status', { status: 'available' })), {
      status: 'available',
      success: true,
    });
    assert.deepEqual(
      expectSuccess(await api.post('agent.status', { status: 'not-available', agentId: agent.id })),
      {
        status: 'not-available',
        success: true,
      },
    );
    expectFailure(await api.post('agent.status', { status: 'busy' }), 400);
    const bare = await env.app.inject({
      method: 'POST',
      url: '/api/v1/livechat/agent.status',
      headers: { 'x-auth-token': key, 'x-user-id': agent.id },
    });
    assert.deepEqual(expectSuccess(bare), { status: 'available', success: true });
  });

  it("sets another agent's status only with manage-livechat-agents", async () => {
    const t = await newRocketChatTenant(env);
    const other = await buildAgent(t.ctx);
    const supervisor = await rocketChatUser(env, t, 'supervisor');
    const fx = updateAgentsFixture();
    expectFailure(
      await supervisor.api.post('agent.status', { agentId: other.id }),
      403,
      fx.responses['403-other'],
    );
    const owner = await rocketChatUser(env, t, 'owner');
    assert.deepEqual(expectSuccess(await owner.api.post('agent.status', { agentId: other.id })), {
      status: 'not-available',
      success: true,
    });
    expectFailure(await owner.api.post('agent.status', { agentId: UNKNOWN_ID }), 404, {
      success: false,
      error: 'Agent not found',
    });
    expectFailure(await owner.api.post('agent.status', { agentId: 'rcUserId' }), 404);
  });
});
