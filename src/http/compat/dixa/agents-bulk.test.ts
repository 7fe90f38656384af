import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  BAD_BODY,
  type DixaTenant,
  expectData,
  expectDixaError,
  fixture,
  newDixaTenant,
} from '../../../../test/dixa.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { UNKNOWN_ID } from '../../../../test/http.js';
import type { DixaAgent } from './presenters.js';

/** Dixa's bulk agent calls, driven by the vendor spec's samples (fixtures/dixa/agents.json). */

interface Outcome {
  _type: string;
  data?: DixaAgent;
  error?: { _type: string; id?: string; message: string };
}
interface AgentsFixture {
  bulkCreateRequest: { data: (Omit<DixaAgent, 'id' | 'createdAt' | 'roles'> & { email: string })[] };
  bulkPatchRequest: ({ id: string } & Partial<DixaAgent>)[];
  bulkPatchNotFoundOutcome: Outcome;
}
const samples = fixture<AgentsFixture>('agents.json');
type Outcomes = { data: Outcome[] };

let env: TestApp;
before(async () => {
  env = await createTestApp();
});
after(async () => {
  await env.close();
});

async function create(t: DixaTenant, displayName: string, email: string): Promise<DixaAgent> {
  return expectData<{ data: DixaAgent }>(await t.beta.post('/beta/agents', { displayName, email }), 201).data;
}

describe('/beta/agents bulk', () => {
  it('creates the sample agents: 201, one outcome per input, a failure not failing the others', async () => {
    const t = await newDixaTenant(env);
    const [alice] = samples.bulkCreateRequest.data;
    const body = {
      data: [
        ...samples.bulkCreateRequest.data,
        { ...alice, displayName: 'Twin' },
        { displayName: 'Cy', email: 'cy@x.org' },
      ],
    };
    const { data } = expectData<Outcomes>(await t.beta.post('/beta/agents/bulk', body), 201);
    assert.deepEqual(
      data.map((o) => o._type),
      ['BulkActionSuccess', 'BulkActionFailure', 'BulkActionSuccess'],
    );
    const created = data[0]?.data;
    assert.ok(created);
    const { id, createdAt, roles, ...fields } = created;
    assert.deepEqual(fields, alice);
    assert.deepEqual(roles, ['Agent']);
    assert.deepEqual(Object.keys(data[1] ?? {}).sort(), ['_type', 'error']);
    assert.equal(data[1]?.error?._type, 'Validation');
    assert.match(data[1]?.error?.message ?? '', /alice@brown.com/);
    assert.equal(data[2]?.data?.displayName, 'Cy');
    const list = expectData<{ data: DixaAgent[] }>(await t.beta.get('/beta/agents'), 200);
    assert.deepEqual(list.data.map((a) => a.displayName).sort(), ['Alice Brown', 'Cy']);
  });

  it('patches the sample actions: success, and NotFound exactly as the sample for an unknown id', async () => {
    const t = await newDixaTenant(env);
    const agent = await create(t, 'Jo Brown', 'jb@example.org');
    const [first, second] = samples.bulkPatchRequest;
    assert.ok(first && second);
    const body = [{ ...first, id: agent.id }, second];
    const { data } = expectData<Outcomes>(await t.beta.patch('/beta/agents', body), 200);
    assert.deepEqual(data[0], {
      _type: 'BulkActionSuccess',
      data: { ...agent, displayName: 'AB' },
    });
    assert.deepEqual(data[1], samples.bulkPatchNotFoundOutcome);
  });

  it('patch: an action naming no field is an EmptyPatchSet; an id that is no UUID is NotFound', async () => {
    const t = await newDixaTenant(env);
    const agent = await create(t, 'Ann', 'ann@example.org');
    const { data } = expectData<Outcomes>(
      await t.beta.patch('/beta/agents', [
        { id: agent.id },
        { id: 'agent-7', displayName: 'X' },
        { id: agent.id.toUpperCase(), lastName: 'Lee' },
      ]),
      200,
    );
    assert.deepEqual(data[0], {
      _type: 'BulkActionFailure',
      error: { _type: 'EmptyPatchSet', id: agent.id, message: 'The patch changes no field' },
    });
    assert.deepEqual(data[1], {
      _type: 'BulkActionFailure',
      error: { _type: 'NotFound', id: 'agent-7', message: 'Agent not found' },
    });
    assert.equal(data[2]?.data?.lastName, 'Lee');
  });

  it('updates in bulk: each action replaces every field; unknown ids fail alone', async () => {
    const t = await newDixaTenant(env);
    const a = await create(t, 'Ann', 'ann@example.org');
    const b = await create(t, 'Ben', 'ben@example.org');
    expectData(await t.beta.patch(`/beta/agents/${b.id}`, { phoneNumber: '+45 1234' }), 200);
    const body = [
      { id: a.id, displayName: 'Ann Lee', firstName: 'Ann', middleNames: ['Q'] },
      { id: UNKNOWN_ID, displayName: 'Nobody' },
      { id: b.id, displayName: 'Ben' },
    ];
    const { data } = expectData<Outcomes>(await t.beta.put('/beta/agents', body), 200);
    assert.deepEqual(data[0], {
      _type: 'BulkActionSuccess',
      data: { ...a, displayName: 'Ann Lee', firstName: 'Ann', middleNames: ['Q'] },
    });
    assert.deepEqual(data[1], {
      _type: 'BulkActionFailure',
      error: { _type: 'NotFound', id: UNKNOWN_ID, message: 'Agent not found' },
    });
    assert.deepEqual(data[2], { _type: 'BulkActionSuccess', data: b }, 'the phone number was cleared');
  });

  it("answers another organization's agents NotFound and leaves them alone", async () => {
    const t = await newDixaTenant(env);
    const other = await newDixaTenant(env);
    const theirs = await create(other, 'Theirs', 'theirs@example.org');
    const put = expectData<Outcomes>(
      await t.beta.put('/beta/agents', [{ id: theirs.id, displayName: 'Mine' }]),
      200,
    );
    const patch = expectData<Outcomes>(
      await t.beta.patch('/beta/agents', [{ id: theirs.id, displayName: 'Mine' }]),
      200,
    );
    for (const outcome of [...put.data, ...patch.data]) {
      assert.equal(outcome.error?._type, 'NotFound');
    }
    assert.equal(
      expectData<{ data: DixaAgent }>(await other.beta.get(`/beta/agents/${theirs.id}`), 200).data
        .displayName,
      'Theirs',
    );
  });

  it('answers a malformed call 400 as a whole, and changes nothing', async () => {
    const t = await newDixaTenant(env);
    const a = await create(t, 'Ann', 'ann@example.org');
    for (const body of [
      { data: [{ displayName: 'No email' }] },
      [{ displayName: 'X', email: 'x@y.org' }],
      { data: 'x' },
    ]) {
      expectDixaError(await t.beta.post('/beta/agents/bulk', body), 400, BAD_BODY);
    }
    for (const body of [{ id: a.id, displayName: 'X' }, [{ displayName: 'X' }], [{ id: a.id }]]) {
      expectDixaError(await t.beta.put('/beta/agents', body), 400, BAD_BODY);
    }
    expectDixaError(await t.beta.patch('/beta/agents', [{ displayName: 'No id' }]), 400, BAD_BODY);
    expectDixaError(
      await t.beta.post('/beta/agents/bulk', {
        data: Array(1001).fill({ displayName: 'X', email: 'x@y.org' }),
      }),
      400,
      BAD_BODY,
    );
    const list = expectData<{ data: DixaAgent[] }>(await t.beta.get('/beta/agents'), 200);
    assert.deepEqual(list.data, [a]);
  });
});
