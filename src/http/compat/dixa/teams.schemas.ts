import { Type } from 'typebox';
import { MAX_BULK_MEMBERS } from '../../../core/teams/team-members.js';
import { DixaUuid } from './common.schemas.js';

/** Dixa Teams API bodies and objects (vendor spec section 1.1, "Teams"; seed 000). */

export const DixaTeam = Type.Object(
  {
    id: Type.String({ description: 'The team id' }),
    name: Type.String({ description: 'The team name' }),
  },
  { description: 'A team' },
);

export const CreateTeamInput = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 255,
      description: 'The team name, unique in the organization (case-insensitive)',
    }),
  },
  { description: 'The team name' },
);

export const TeamMember = Type.Object(
  {
    id: Type.String({ description: 'The agent/admin id' }),
    name: Type.Optional(Type.String({ description: 'Display name' })),
    email: Type.Optional(Type.String({ description: 'Primary email' })),
    phoneNumber: Type.Optional(Type.String({ description: 'Primary phone number' })),
  },
  { description: 'A member of a team' },
);

export const AgentIdsInput = Type.Object(
  {
    agentIds: Type.Optional(
      Type.Array(DixaUuid('An agent/admin id'), {
        maxItems: MAX_BULK_MEMBERS,
        description: `Agent/admin ids (up to ${MAX_BULK_MEMBERS}); every one must exist or nothing changes`,
      }),
    ),
  },
  { description: 'List of agent/admin ids' },
);
