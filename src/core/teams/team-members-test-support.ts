/** Helpers of the team members tests (team-members.test.ts, team-members-bulk.test.ts). */
import assert from 'node:assert/strict';
import { asc, eq } from 'drizzle-orm';
import { agents, outboxEvents, users } from '../../db/schema.js';
import type { Ctx } from '../context.js';
import { DomainError } from '../errors.js';
import { newId } from '../ids.js';
import { getTeam } from './teams.js';

/** Awaits `promise`, asserts that it fails with the DomainError `code`, and returns that error. */
export async function rejectsWith(promise: Promise<unknown>, code: string): Promise<DomainError> {
  let caught: DomainError | undefined;
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof DomainError, `expected a DomainError, got ${String(err)}`);
    assert.equal(err.code, code);
    caught = err;
    return true;
  });
  return caught as DomainError;
}

/** The team's member ids, as getTeam lists them. */
export async function memberIds(ctx: Ctx, teamId: string): Promise<string[]> {
  return (await getTeam(ctx, teamId)).members.map((m) => m.id);
}

export const sorted = (ids: Iterable<string>) => [...ids].sort();

/** The org's team.members_* events of the team, in feed order of id. */
export async function membershipEvents(ctx: Ctx, teamId: string) {
  const rows = await ctx.db
    .select({ type: outboxEvents.type, payload: outboxEvents.payload })
    .from(outboxEvents)
    .where(eq(outboxEvents.orgId, ctx.actor.orgId))
    .orderBy(asc(outboxEvents.id));
  return rows.filter((r) => r.type.startsWith('team.members_') && r.payload.team_id === teamId);
}

/** Inserts `count` agents in one statement (the use case is exercised elsewhere; this is setup). */
export async function insertAgents(ctx: Ctx, count: number): Promise<string[]> {
  const now = new Date();
  const people = Array.from({ length: count }, (_, i) => ({
    id: newId(),
    email: `bulk-${i}-${newId()}@example.com`,
    fullName: `Bulk ${i}`,
    createdAt: now,
  }));
  await ctx.db.insert(users).values(people);
  const rows = people.map((p) => ({
    ...p,
    id: newId(),
    userId: p.id,
    orgId: ctx.actor.orgId,
    updatedAt: now,
  }));
  await ctx.db.insert(agents).values(rows);
  return rows.map((r) => r.id);
}
