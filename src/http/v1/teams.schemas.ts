import { Type } from 'typebox';
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

const Routing = Type.Enum(['manual', 'round_robin', 'least_busy'], {
  description:
    'How queued work reaches members: least_busy (fewest active, then longest idle), round_robin ' +
    '(next member in order after the last assigned) or manual (stays queued until assigned)',
});

export const Member = Type.Object({
  id: Uuid('Agent id'),
  email: Type.String({ description: 'Agent email' }),
  full_name: Type.String({ description: 'Agent full name' }),
});

const summaryProperties = {
  id: Uuid('Unique team identifier'),
  name: Type.String({ description: 'Team name' }),
  description: Nullable(Type.String({ description: 'Team description' })),
  default_max_concurrent: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Default capacity of members; null uses the org default',
  }),
  routing: Routing,
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
    routing: Type.Optional(Routing),
  },
  { additionalProperties: false },
);

export const UpdateTeamBody = Type.Object(
  {
    name: Type.Optional(Name),
    description: Type.Optional(Description),
    default_max_concurrent: Type.Optional(DefaultCapacity),
    routing: Type.Optional(Routing),
  },
  { additionalProperties: false },
);

export const AddMemberBody = Type.Object(
  { user_id: Uuid('Id of the agent to add') },
  { additionalProperties: false },
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
  { id: Uuid('The team ID'), user_id: Uuid('The agent ID') },
  { additionalProperties: false },
);
