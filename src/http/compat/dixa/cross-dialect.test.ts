import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type DixaTenant, expectData, expectEmpty, newDixaTenant } from '../../../../test/dixa.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { type Client, client, expectJson, expectNoContent, expectProblem } from '../../../../test/http.js';
import type { DixaAgent } from './presenters.js';

/** One core under two dialects: what one writes, the other reads, in the same organization. */

let env: TestApp;
before(async () => {
  env = await createTestApp();
});
after(async () => {
  await env.close();
});

type Team = { id: string; name: string; members: { id: string }[] };
type Members = { data: { id: string; name: string; email: string }[] };

async function both(): Promise<{ t: DixaTenant; v1: Client }> {
  const t = await newDixaTenant(env);
  return { t, v1: client(env.app, t.key) };
}

describe('Dixa and /v1 on one core', () => {
  it('a team made via /beta gets a member via /v1, visible via /beta', async () => {
    const { t, v1 } = await both();
    const team = expectData<{ data: { id: string } }>(
      await t.beta.post('/beta/teams', { name: 'Team A' }),
      201,
    ).data;
    const agent = expectJson<{ id: string }>(
      await v1.post('/v1/agents', { email: 'aa@example.org', full_name: 'Agent A' }),
      201,
    );
    expectJson(await v1.post(`/v1/teams/${team.id}/members`, { user_id: agent.id }), 201);

    assert.deepEqual(expectData<Members>(await t.beta.get(`/beta/teams/${team.id}/agents`), 200), {
      data: [{ id: agent.id, name: 'Agent A', email: 'aa@example.org' }],
    });
    assert.deepEqual(expectData(await t.beta.get(`/beta/agents/${agent.id}/teams`), 200), {
      data: [{ id: team.id, name: 'Team A' }],
    });
    assert.equal(expectJson<Team>(await v1.get(`/v1/teams/${team.id}`), 200).name, 'Team A');
  });

  it('a team made via /v1 gets a member via /beta, visible via /v1; removal too', async () => {
    const { t, v1 } = await both();
    const team = expectJson<Team>(
      await v1.post('/v1/teams', { name: 'Billing', description: 'Invoices' }),
      201,
    );
    const agent = expectData<{ data: DixaAgent }>(
      await t.beta.post('/beta/agents', {
        displayName: 'Agent B',
        email: 'ab@example.org',
        middleNames: ['Q'],
      }),
      201,
    ).data;
    expectData(await t.beta.patch(`/beta/teams/${team.id}/agents`, { agentIds: [agent.id] }), 200);

    const read = expectJson<Team>(await v1.get(`/v1/teams/${team.id}`), 200);
    assert.deepEqual(read.members, [
      { id: agent.id, email: 'ab@example.org', full_name: 'Agent B', priority: 0 },
    ]);
    const native = expectJson<{ middle_names: string[] }>(await v1.get(`/v1/agents/${agent.id}`), 200);
    assert.deepEqual(native.middle_names, ['Q']);

    expectEmpty(await t.beta.delete(`/beta/teams/${team.id}/agents`, { agentIds: [agent.id] }), 204);
    assert.deepEqual(expectJson<Team>(await v1.get(`/v1/teams/${team.id}`), 200).members, []);
    expectEmpty(await t.beta.delete(`/beta/teams/${team.id}`), 204);
    expectProblem(await v1.get(`/v1/teams/${team.id}`), 404, { code: 'team_not_found' });
  });

  it('an agent edited on one side reads the same on the other', async () => {
    const { t, v1 } = await both();
    const agent = expectJson<{ id: string }>(
      await v1.post('/v1/agents', {
        email: 'cy@example.org',
        full_name: 'Cy Doe',
        first_name: 'Cy',
        additional_phone_numbers: ['+4511'],
        avatar_url: 'https://cdn.example.org/cy.png',
      }),
      201,
    );
    const seen = expectData<{ data: DixaAgent }>(await t.beta.get(`/beta/agents/${agent.id}`), 200).data;
    assert.equal(seen.displayName, 'Cy Doe');
    assert.equal(seen.firstName, 'Cy');
    assert.deepEqual(seen.additionalPhoneNumbers, ['+4511']);
    assert.equal(seen.avatarUrl, 'https://cdn.example.org/cy.png');

    expectData(
      await t.beta.patch(`/beta/agents/${agent.id}`, { displayName: 'Cy D.', additionalEmails: ['c@d.org'] }),
      200,
    );
    const native = expectJson<{ full_name: string; additional_emails: string[]; first_name: string }>(
      await v1.get(`/v1/agents/${agent.id}`),
      200,
    );
    assert.equal(native.full_name, 'Cy D.');
    assert.deepEqual(native.additional_emails, ['c@d.org']);
    assert.equal(native.first_name, 'Cy', 'a PATCH keeps what it does not name');
  });

  it('presence and availability are the same on both sides', async () => {
    const { t, v1 } = await both();
    const agent = expectJson<{ id: string }>(
      await v1.post('/v1/agents', { email: 'di@example.org', full_name: 'Di' }),
      201,
    );
    expectNoContent(await v1.post(`/v1/agents/${agent.id}/presence/heartbeat`, { channels: ['Email'] }));
    expectJson(await v1.put(`/v1/agents/${agent.id}/availability`, { status: 'away' }), 200);
    const dixa = expectData<{
      data: { presenceStatus: string; connectionStatus: string; activeChannels: string[] };
    }>(await t.beta.get(`/beta/agents/${agent.id}/presence`), 200).data;
    assert.deepEqual(
      [dixa.presenceStatus, dixa.connectionStatus, dixa.activeChannels],
      ['Away', 'Online', ['Email']],
    );

    expectEmpty(
      await t.beta.put(`/beta/agents/${agent.id}/presence/working-channel`, {
        channel: 'Speak',
        working: true,
      }),
      204,
    );
    const view = expectJson<{ channels: Record<string, boolean>; effective_status: string }>(
      await v1.get(`/v1/agents/${agent.id}/presence`),
      200,
    );
    assert.deepEqual(view.channels, { Speak: true });
    assert.equal(view.effective_status, 'away');
  });

  it('a Dixa delete is a disabled agent on /v1, and the agent left its teams', async () => {
    const { t, v1 } = await both();
    const team = expectJson<Team>(await v1.post('/v1/teams', { name: 'Support' }), 201);
    const agent = expectJson<{ id: string }>(
      await v1.post('/v1/agents', { email: 'ed@example.org', full_name: 'Ed' }),
      201,
    );
    expectJson(await v1.post(`/v1/teams/${team.id}/members`, { user_id: agent.id }), 201);
    expectEmpty(await t.beta.delete(`/beta/agents/${agent.id}`), 204);
    assert.equal(
      expectJson<{ status: string }>(await v1.get(`/v1/agents/${agent.id}`), 200).status,
      'disabled',
    );
    assert.deepEqual(expectJson<Team>(await v1.get(`/v1/teams/${team.id}`), 200).members, []);
    // /v1 still lists disabled agents (filter with status=); Dixa lists do not.
    assert.equal(expectJson<unknown[]>(await v1.get('/v1/agents?status=disabled'), 200).length, 1);
    assert.deepEqual(expectData(await t.beta.get('/beta/agents'), 200), { data: [], meta: {} });
  });
});
