import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Db } from '../db/client.js';
import { systemActor } from './access.js';
import { afterCommit, type Ctx, inTransaction } from './context.js';
import type { EventBus } from './events/bus.js';
import type { PresenceStore } from './presence/presence-store.js';

/** A context whose "database" runs a transaction's body at once, and whose bus always fails. */
function fakeCtx(warnings: string[]): Ctx {
  const db = { transaction: (fn: (tx: unknown) => Promise<unknown>) => fn(db) } as unknown as Db;
  return {
    actor: systemActor('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'),
    db,
    now: () => new Date(),
    events: {
      publish: async () => {
        throw new Error('bus down');
      },
    } as unknown as EventBus,
    presence: {} as PresenceStore,
    log: { warn: (_obj, msg) => warnings.push(msg) },
  };
}

describe('inTransaction', () => {
  it('returns the committed result when follow-up work fails, and reports the failure', async () => {
    const warnings: string[] = [];
    const result = await inTransaction(fakeCtx(warnings), async (tx) => {
      tx.pending?.push({
        id: 'e1',
        orgId: tx.actor.orgId,
        type: 'team.created',
        data: {},
        occurredAt: new Date(),
      });
      await afterCommit(tx, async () => {
        throw new Error('drain failed');
      });
      return 'committed';
    });
    assert.equal(result, 'committed');
    assert.deepEqual(warnings, ['live event delivery failed', 'follow-up after commit failed']);
  });
});
