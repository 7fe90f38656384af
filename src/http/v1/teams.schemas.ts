import { type Static, Type } from 'typebox';
import { MAX_BULK_MEMBERS } from '../../core/teams/team-members.js';
import { Nullable, Timestamp, Uuid } from './common.schemas.js';

const Name = Type.String({
  minLength: 1,
  maxLength: 255,
  description: 'Team name, unique in the org (case-insensitive), 1 to 255 characters',
});
const Description = Nullable(Type.String({ maxLength: 10_000, description: 'Team description' }));
const DefaultCapacity = Type.Union([Type.Integer({ minimum: 0, maximum: 1000 }), Type.Null()], {
  description: 'Capacity of members that set none of their own (0 to 1000); null uses the org default',
});

const Email = Nullable(
  Type.String({ format: 'email', maxLength: 254, description: 'Contact address of the team' }),
);
const Priority = Type.Integer({
  minimum: -1_000_000,
  maximum: 1_000_000,
  description: 'Place of the member in the team: lower first (default 0)',
});

/** Team fields shared by create and update, beyond name, description and capacity. */
const settingProperties = {
  enabled: Type.Optional(Type.Boolean({ description: 'A disabled team takes no new work (default true)' })),
  email: Type.Optional(Email),
  show_on_registration: Type.Optional(
    Type.Boolean({ description: 'Offered to customers starting a conversation (default true)' }),
  ),
  show_on_offline_form: Type.Optional(
    Type.Boolean({ description: 'Offered to customers leaving an offline message (default true)' }),
  ),
};

const Routing = Type.Enum(['manual', 'round_robin', 'least_busy'], {
  description:
    'How queued work reaches members: least_busy (fewest active, then longest idle), round_robin ' +
    '(next member in order after the last assigned) or manual (stays queued until assigned)',
});

export const Member = Type.Object({
  id: Uuid('Agent id'),
  email: Type.String({ description: 'Agent email' }),
  full_name: Type.String({ description: 'Agent full name' }),
  priority: Type.Integer({ description: 'Place of the member in the team: lower first' }),
});

/** Filters of the team list. */
export const TeamListFilters = {
  archived: Type.Boolean({
    default: false,
    description: 'true: archived teams only; false (default): teams that are not archived',
  }),
  enabled: Type.Optional(Type.Boolean({ description: 'Only enabled (true) or disabled (false) teams' })),
};

const summaryProperties = {
  id: Uuid('Unique team identifier'),
  name: Type.String({ description: 'Team name' }),
  description: Nullable(Type.String({ description: 'Team description' })),
  default_max_concurrent: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Default capacity of members; null uses the org default',
  }),
  enabled: Type.Boolean({ description: 'A disabled team takes no new work' }),
  archived_at: Type.Union([Timestamp('When the team was archived'), Type.Null()], {
    description: 'When the team was archived; null while it is not',
  }),
  email: Nullable(Type.String({ description: 'Contact address of the team' })),
  show_on_registration: Type.Boolean({ description: 'Offered to customers starting a conversation' }),
  show_on_offline_form: Type.Boolean({ description: 'Offered to customers leaving an offline message' }),
  routing: Routing,
  member_count: Type.Integer({ description: 'Number of members' }),
  created_at: Timestamp('Creation timestamp'),
  updated_at: Timestamp('Last modification timestamp'),
};

export const TeamSummary = Type.Object(summaryProperties, { description: 'A team without its members' });

export const Team = Type.Object(
  { ...summaryProperties, members: Type.Array(Member, { description: 'List of team members' }) },
  { description: 'A team with its members' },
);

export const CreateTeamBody = Type.Object(
  {
    name: Name,
    description: Type.Optional(Description),
    default_max_concurrent: Type.Optional(DefaultCapacity),
    ...settingProperties,
    routing: Type.Optional(Routing),
  },
  { additionalProperties: false },
);

export const UpdateTeamBody = Type.Object(
  {
    name: Type.Optional(Name),
    description: Type.Optional(Description),
    default_max_concurrent: Type.Optional(DefaultCapacity),
    ...settingProperties,
    archived: Type.Optional(
      Type.Boolean({
        description: 'true archives the team (hidden from default listings), false restores it',
      }),
    ),
    routing: Type.Optional(Routing),
  },
  { additionalProperties: false },
);

export const MemberPriorityBody = Type.Object({ priority: Priority }, { additionalProperties: false });

export const AddMemberBody = Type.Object(
  {
    agent_id: Type.Optional(Uuid('Id of the agent to add (required unless user_id is given)')),
    user_id: Type.Optional(
      Uuid('The same as agent_id, the name earlier clients send; if both are given they must be equal'),
    ),
    priority: Type.Optional(Priority),
  },
  {
    additionalProperties: false,
    description: 'Names the agent by agent_id (or, as earlier clients do, user_id)',
  },
);

const IdList = (description: string) =>
  Type.Array(Uuid('Agent id'), { maxItems: MAX_BULK_MEMBERS, default: [], description });

export const BulkMembersBody = Type.Object(
  {
    add: Type.Optional(IdList('Agents to add')),
    remove: Type.Optional(IdList('Agents to remove')),
  },
  { additionalProperties: false, description: `At most ${MAX_BULK_MEMBERS} ids in add and remove together` },
);

export const BulkMembersResult = Type.Object({
  results: Type.Array(
    Type.Object({
      id: Uuid('Agent id as given'),
      action: Type.Enum(['add', 'remove'], { description: 'Which list the id came from' }),
      status: Type.Enum(['added', 'removed', 'duplicate', 'not_member', 'not_found'], {
        description: 'What happened to this id',
      }),
    }),
    { description: 'One entry per id, in request order (add first, then remove)' },
  ),
});

export const TeamMemberParams = Type.Object(
  { id: Uuid('The team ID'), agent_id: Uuid('The agent ID') },
  { additionalProperties: false },
);

/** A create or update body of /v1 as the core's team input (snake_case to camelCase). */
export function toTeamInput<B extends Partial<Static<typeof CreateTeamBody>>>(body: B) {
  return {
    name: body.name,
    description: body.description,
    defaultMaxConcurrent: body.default_max_concurrent,
    enabled: body.enabled,
    email: body.email,
    showOnRegistration: body.show_on_registration,
    showOnOfflineForm: body.show_on_offline_form,
    routing: body.routing,
  };
}
