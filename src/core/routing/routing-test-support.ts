import { sql } from 'drizzle-orm';
import { buildAgent, buildTeam } from '../../../test/factories.js';
import type { Ctx } from '../context.js';
import { heartbeat, setAvailability } from '../presence/presence.js';
import { updateTeamMembers } from '../teams/team-members.js';
import { updateTeam } from '../teams/teams.js';
import type { RoutingMode } from './selection.js';

/** A team of `size` agents, each online and available, with the given mode and capacity. */
export async function buildRoutedTeam(
  ctx: Ctx,
  options: { size: number; mode?: RoutingMode; capacity?: number; online?: boolean },
): Promise<{ teamId: string; agentIds: string[] }> {
  const team = await buildTeam(ctx);
  await updateTeam(ctx, team.id, {
    routing: options.mode ?? 'least_busy',
    defaultMaxConcurrent: options.capacity ?? 2,
  });
  const agentIds: string[] = [];
  for (let i = 0; i < options.size; i++) {
    agentIds.push((await buildAgent(ctx)).id);
  }
  await updateTeamMembers(ctx, team.id, { add: agentIds, remove: [] });
  if (options.online !== false) {
    for (const id of agentIds) {
      await goOnline(ctx, id);
    }
  }
  return { teamId: team.id, agentIds };
}

export const goOnline = (ctx: Ctx, agentId: string) => heartbeat(ctx, agentId, { deviceId: 'desk' });

export const setAvailable = (ctx: Ctx, agentId: string, available: boolean) =>
  setAvailability(ctx, agentId, { available });

/** Sets the member order of agents in a team (what Rocket.Chat calls `order`). */
export async function setMemberOrder(ctx: Ctx, teamId: string, order: string[]): Promise<void> {
  for (const [i, agentId] of order.entries()) {
    await ctx.db.execute(
      sql`UPDATE team_members SET priority = ${i} WHERE org_id = ${ctx.actor.orgId} AND team_id = ${teamId} AND agent_id = ${agentId}`,
    );
  }
}

/** Assigned conversations per agent of the org, straight from the table. */
export async function loads(ctx: Ctx): Promise<Map<string, number>> {
  const result = await ctx.db.execute(sql`
    SELECT assignee_id, count(*)::int AS n FROM conversations
    WHERE org_id = ${ctx.actor.orgId} AND status = 'assigned' GROUP BY assignee_id`);
  const rows = (result as unknown as { rows: { assignee_id: string; n: number }[] }).rows;
  return new Map(rows.map((r) => [r.assignee_id, Number(r.n)]));
}

/** Conversations of the org by status. */
export async function countByStatus(ctx: Ctx): Promise<Record<string, number>> {
  const result = await ctx.db.execute(sql`
    SELECT status, count(*)::int AS n FROM conversations WHERE org_id = ${ctx.actor.orgId} GROUP BY status`);
  const rows = (result as unknown as { rows: { status: string; n: number }[] }).rows;
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
