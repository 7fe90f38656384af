import type { Static } from 'typebox';
import type { Ctx } from '../../../core/context.js';
import { isUuid } from '../../../core/ids.js';
import {
  listTeamMemberDetails,
  type MEMBER_SORT_FIELDS,
  type TEAM_SORT_FIELDS,
} from '../../../core/teams/team-details.js';
import type { TeamInput } from '../../../core/teams/teams.js';
import type { TeamRow } from '../../../db/schema.js';
import { failure } from './errors.js';
import { presentDepartmentAgent } from './presenters.js';
import type { DepartmentFields } from './schemas.js';

type SortKey<F> = { field: F; direction: 'asc' | 'desc' };

/** Rocket.Chat department fields that can be sorted on, as Roster team fields. */
export const DEPARTMENT_SORT: Record<string, (typeof TEAM_SORT_FIELDS)[number]> = {
  name: 'name',
  description: 'description',
  email: 'email',
  enabled: 'enabled',
  numAgents: 'memberCount',
  _updatedAt: 'updatedAt',
};

/** Rocket.Chat department-agent fields that can be sorted on, as Roster member fields. */
export const AGENT_SORT: Record<string, (typeof MEMBER_SORT_FIELDS)[number]> = {
  username: 'username',
  order: 'priority',
  count: 'activeConversations',
};

/**
 * Rocket.Chat's `sort` query parameter (a JSON object of field to 1 or -1) as sort keys.
 * @throws a Rocket.Chat 400 when it is not JSON, or names a field or direction not known.
 */
export function parseSort<F>(
  raw: string | undefined,
  fields: Record<string, F>,
  fallback: SortKey<NoInfer<F>>[],
) {
  if (raw === undefined || raw.trim() === '') {
    return fallback;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw failure(400, 'The sort parameter is not JSON', 'error-invalid-sort');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw failure(400, 'The sort parameter must be an object of field to 1 or -1', 'error-invalid-sort');
  }
  return Object.entries(parsed).map(([name, value]): SortKey<F> => {
    const field = Object.hasOwn(fields, name) ? fields[name] : undefined;
    if (field === undefined || (value !== 1 && value !== -1)) {
      const known = Object.keys(fields).join(', ');
      throw failure(
        400,
        `Cannot sort by ${name}: ${value} (fields: ${known}; 1 or -1)`,
        'error-invalid-sort',
      );
    }
    return { field, direction: value === 1 ? 'asc' : 'desc' };
  });
}

/** Rocket.Chat's `count`: absent or 0 is the default page. */
export const pageSize = (count: number | undefined) => (count === undefined || count === 0 ? 50 : count);

/** The team a department path names, or null when it cannot name one (Rocket.Chat ids are any text). */
export const teamIdOf = (raw: string): string | null => (isUuid(raw) ? raw.toLowerCase() : null);

/** Rocket.Chat's department fields as the core's team input. */
export function toTeamInput(d: Static<typeof DepartmentFields>): TeamInput {
  const max = d.maxNumberSimultaneousChat;
  const capacity = typeof max === 'string' ? (max.trim() === '' ? 0 : Number(max)) : max;
  if (capacity !== undefined && capacity !== null && capacity > 1000) {
    throw failure(400, 'maxNumberSimultaneousChat must be 0 to 1000', 'invalid-params');
  }
  return {
    name: d.name,
    description: d.description,
    enabled: d.enabled,
    email: d.email === '' ? null : d.email,
    showOnRegistration: d.showOnRegistration,
    showOnOfflineForm: d.showOnOfflineForm,
    // Rocket.Chat's 0 means the department sets no limit: the org's default then applies.
    defaultMaxConcurrent: capacity === undefined ? undefined : capacity === 0 ? null : capacity,
  };
}

/** Agents of a department body as the core's member change: ids to add and their priorities. */
export function toMemberUpsert(agents: { agentId: string; order?: number }[]) {
  const priorities = new Map<string, number>();
  for (const a of agents) {
    if (a.order !== undefined) {
      priorities.set(a.agentId.toLowerCase(), a.order);
    }
  }
  return { add: agents.map((a) => a.agentId), priorities };
}

/** Every agent of a department, by username, as Rocket.Chat department agents. */
export async function allDepartmentAgents(ctx: Ctx, team: TeamRow) {
  const { items } = await listTeamMemberDetails(ctx, team.id, {
    offset: 0,
    limit: null,
    sort: [{ field: 'username', direction: 'asc' }],
  });
  return items.map((m) => presentDepartmentAgent(team, m));
}
