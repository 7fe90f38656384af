import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestEnv, type TestEnv } from '../../../test/harness.js';
import { type Db, rowsOf } from '../../db/client.js';
import { newId } from '../ids.js';
import { emitEvent } from './events.js';
import { feedPositionOf, findOutboxEvent } from './events.repo.js';

let env: TestEnv;

before(async () => {
  env = await createTestEnv();
});

after(async () => {
  await env.close();
});

/** A database that fails every statement: what must not be asked at all. */
const untouchable = {
  execute: () => {
    throw new Error('no statement expected');
  },
} as unknown as Db;

describe('looking up an event by id', () => {
  it('finds a stored event and its feed position', async () => {
    const teamId = newId();
    await emitEvent(env.masterCtx, 'team.created', { team_id: teamId, name: 'Looked up' });
    const { db } = env.database;
    const orgId = env.masterCtx.actor.orgId;
    const [stored] = rowsOf<{ id: string }>(
      await db.execute(sql`SELECT id FROM outbox_events WHERE payload->>'team_id' = ${teamId}`),
    );
    assert.ok(stored, 'the event is stored');
    assert.equal((await findOutboxEvent(db, orgId, stored.id))?.type, 'team.created');
    assert.ok((await feedPositionOf(db, orgId, stored.id))?.xid);
  });

  it('answers an id that is not a UUIDv7 (no event has one) without asking the database', async () => {
    const v4 = '3b241101-e2bb-4255-8caf-4136c566a962';
    assert.equal(await findOutboxEvent(untouchable, newId(), v4), null);
    assert.equal(await feedPositionOf(untouchable, newId(), v4), null);
  });
});
