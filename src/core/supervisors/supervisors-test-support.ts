import assert from 'node:assert/strict';
import { asc, eq } from 'drizzle-orm';
import { outboxEvents } from '../../db/schema.js';
import { createAgent } from '../agents/agents.js';
import { type Ctx, inTransaction } from '../context.js';
import { DomainError } from '../errors.js';
import { newId } from '../ids.js';
import { listSupervisedAgents } from './supervisors.js';

/** The first page of any list, large enough for a test's rows. */
export const FIRST = { skip: 0, limit: 100, afterId: null };

export const sorted = (ids: Iterable<string>) => [...ids].sort();

/** Asserts the promise rejects with a DomainError of `code`. */
export async function rejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof DomainError, `expected a DomainError, got ${String(err)}`);
    assert.equal(err.code, code, err.message);
    return true;
  });
}

/** The ids a supervisor monitors, in id order. */
export async function supervised(ctx: Ctx, supervisorId: string): Promise<string[]> {
  return (await listSupervisedAgents(ctx, supervisorId, {}, FIRST)).items.map((a) => a.id);
}

/** The org's supervisor events, oldest first. */
export async function supervisorEvents(ctx: Ctx) {
  const rows = await ctx.db
    .select({ type: outboxEvents.type, payload: outboxEvents.payload })
    .from(outboxEvents)
    .where(eq(outboxEvents.orgId, ctx.actor.orgId))
    .orderBy(asc(outboxEvents.id));
  return rows.filter((r) => r.type.startsWith('supervisor.'));
}

/** Creates `count` agents in one transaction (setup for bulk tests; the use case keeps it schema-proof). */
export async function insertAgents(ctx: Ctx, count: number): Promise<string[]> {
  return inTransaction(ctx, async (tx) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      ids.push(
        (await createAgent(tx, { email: `bulk-${i}-${newId()}@example.com`, fullName: `Bulk ${i}` })).id,
      );
    }
    return ids;
  });
}
