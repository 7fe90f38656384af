/** Helpers of the /v1 teams tests (teams, team-members and conventions .test.ts). */
import type { Static } from 'typebox';
import { expectJson, type Tenant } from '../../../test/http.js';
import type { BulkMembersResult, Member, Team, TeamSummary } from './teams.schemas.js';

export type TeamJson = Static<typeof Team>;
export type SummaryJson = Static<typeof TeamSummary>;
export type MemberJson = Static<typeof Member>;
export type BulkJson = Static<typeof BulkMembersResult>;

export async function createTeam(t: Tenant, body: Record<string, unknown>): Promise<TeamJson> {
  return expectJson<TeamJson>(await t.api.post('/v1/teams', body), 201);
}

export async function addMember(t: Tenant, teamId: string, userId: string): Promise<MemberJson> {
  return expectJson<MemberJson>(await t.api.post(`/v1/teams/${teamId}/members`, { user_id: userId }), 201);
}
