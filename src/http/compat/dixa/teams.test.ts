import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  BAD_BODY,
  dixaClient,
  expectData,
  expectDixaError,
  expectEmpty,
  fixture,
  NOT_FOUND,
  newDixaTenant,
  seedTeam,
} from '../../../../test/dixa.js';
import { buildTeam } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { send, UNKNOWN_ID, UUID_V7 } from '../../../../test/http.js';

/** Dixa's /beta/teams, driven by seed 000's samples (test/fixtures/dixa/teams.json). */

interface TeamsFixture {
  createRequest: { name: string };
  createResponse: { data: { id: string; name: string } };
  getResponse: { data: { id: string; name: string } };
  listResponse: { data: { id: string; name: string }[] };
  errorResponse: { message: string };
}
const samples = fixture<TeamsFixture>('teams.json');
type TeamJson = { data: { id: string; name: string } };

let env: TestApp;
before(async () => {
  env = await createTestApp();
});
after(async () => {
  await env.close();
});

describe('/beta/teams', () => {
  it('creates a team from the seed request: 201 {data: {id, name}}', async () => {
    const t = await newDixaTenant(env);
    const created = expectData<TeamJson>(await t.beta.post('/beta/teams', samples.createRequest), 201);
    assert.deepEqual(Object.keys(created), Object.keys(samples.createResponse));
    assert.deepEqual(Object.keys(created.data), Object.keys(samples.createResponse.data));
    assert.match(created.data.id, UUID_V7);
    assert.equal(created.data.name, samples.createResponse.data.name);
    assert.deepEqual(expectData(await t.beta.get(`/beta/teams/${created.data.id}`), 200), created);
  });

  it('gets and lists teams: exactly the seed responses for the seed ids, with no paging', async () => {
    // Sample ids are primary keys: one tenant of this database holds them.
    const t = await newDixaTenant(env);
    for (const team of samples.listResponse.data) {
      await seedTeam(t.ctx, team);
    }
    const { id } = samples.getResponse.data;
    assert.deepEqual(expectData(await t.beta.get(`/beta/teams/${id}`), 200), samples.getResponse);
    // Path ids are UUIDs in any letter case.
    assert.deepEqual(
      expectData(await t.beta.get(`/beta/teams/${id.toUpperCase()}`), 200),
      samples.getResponse,
    );
    assert.deepEqual(expectData(await t.beta.get('/beta/teams'), 200), samples.listResponse);

    // Dixa does not page this list: more teams than one core page still come back in one answer.
    for (let i = 0; i < 120; i++) {
      await buildTeam(t.ctx);
    }
    const all = expectData<{ data: unknown[] }>(await t.beta.get('/beta/teams'), 200);
    assert.equal(all.data.length, 122);
    assert.deepEqual(Object.keys(all), ['data']);
  });

  it('lists only the teams of the key’s organization', async () => {
    const t = await newDixaTenant(env);
    const other = await newDixaTenant(env);
    await buildTeam(other.ctx);
    assert.deepEqual(expectData(await t.beta.get('/beta/teams'), 200), { data: [] });
  });

  it('deletes a team: 204, then it is not found', async () => {
    const t = await newDixaTenant(env);
    const { data } = expectData<TeamJson>(await t.beta.post('/beta/teams', { name: 'Team A' }), 201);
    expectEmpty(await t.beta.delete(`/beta/teams/${data.id}`), 204);
    expectDixaError(await t.beta.get(`/beta/teams/${data.id}`), 404, NOT_FOUND);
    expectDixaError(await t.beta.delete(`/beta/teams/${data.id}`), 404, NOT_FOUND);
  });

  it('answers an unknown id 404 and an id that is not a UUID 400, in Dixa words', async () => {
    const t = await newDixaTenant(env);
    expectDixaError(await t.beta.get(`/beta/teams/${UNKNOWN_ID}`), 404, NOT_FOUND);
    for (const bad of ['not-a-uuid', '123', '005e7108-c85c-41d1-a945-4a8dc58c439']) {
      expectDixaError(
        await t.beta.get(`/beta/teams/${bad}`),
        400,
        'Invalid value for: path parameter teamId',
      );
      expectDixaError(
        await t.beta.delete(`/beta/teams/${bad}`),
        400,
        'Invalid value for: path parameter teamId',
      );
    }
  });

  it('answers a body that does not parse or validate 400 "Invalid value for: body"', async () => {
    const t = await newDixaTenant(env);
    // The seed's error sample is the shape every error has: one member, message.
    const sample = Object.keys(samples.errorResponse);
    for (const body of [{}, { name: '' }, { name: 42 }, { name: null }, [], 'Team A']) {
      const res = await t.beta.post('/beta/teams', body);
      expectDixaError(res, 400, BAD_BODY);
      assert.deepEqual(Object.keys(res.json()), sample);
    }
    const raw = (payload: string, type: string) =>
      send(env.app, {
        method: 'POST',
        url: '/beta/teams',
        body: payload,
        headers: { authorization: t.key, 'content-type': type },
      });
    expectDixaError(await raw('{"name": ', 'application/json'), 400, BAD_BODY);
    expectDixaError(await raw('', 'application/json'), 400, BAD_BODY);
    expectDixaError(await raw('name=Team A', 'application/x-www-form-urlencoded'), 400, BAD_BODY);
    expectDixaError(
      await send(env.app, { method: 'POST', url: '/beta/teams', headers: { authorization: t.key } }),
      400,
      BAD_BODY,
    );
    assert.deepEqual(expectData(await t.beta.get('/beta/teams'), 200), { data: [] });
  });

  it('answers a name taken in the organization (any case) 409', async () => {
    const t = await newDixaTenant(env);
    expectData(await t.beta.post('/beta/teams', { name: 'Team A' }), 201);
    expectDixaError(await t.beta.post('/beta/teams', { name: 'team a' }), 409, /already exists/);
  });

  it('ignores body fields Dixa does not define', async () => {
    const t = await newDixaTenant(env);
    const { data } = expectData<TeamJson>(
      await t.beta.post('/beta/teams', { name: 'Team X', color: 'red' }),
      201,
    );
    assert.deepEqual(Object.keys(data).sort(), ['id', 'name']);
  });

  it('accepts the key after "Bearer " too, and answers unknown /beta paths 404 {message}', async () => {
    const t = await newDixaTenant(env);
    const bearer = dixaClient(env.app, t.key, 'bearer');
    expectData(await bearer.post('/beta/teams', { name: 'Team B' }), 201);
    expectDixaError(await t.beta.get('/beta/queues'), 404);
    expectDixaError(await t.beta.get('/beta/teams/a/b/c'), 404);
  });
});
