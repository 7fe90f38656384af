import { Type } from 'typebox';
import { ROLES } from '../../core/access.js';
import { MAX_ADDITIONAL_CONTACTS, MAX_MIDDLE_NAMES } from '../../core/agents/agents.js';
import { MAX_BULK_AGENTS } from '../../core/agents/agents-bulk.js';
import { Nullable, PageQuery, Timestamp, Uuid } from './common.schemas.js';

const Role = Type.Enum(ROLES, { description: 'owner, admin, supervisor or agent' });
const Status = Type.Enum(['active', 'invited', 'disabled'], { description: 'active, invited or disabled' });
const Text = (description: string, maxLength = 255) => Type.String({ minLength: 1, maxLength, description });
const Capacity = Type.Union([Type.Integer({ minimum: 0, maximum: 1000 }), Type.Null()], {
  description:
    'Most conversations the agent handles at once (0 to 1000); null inherits the team or org default',
});
const Attributes = Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), {
  description: 'Free-form attributes (skills, languages, ...)',
  maxProperties: 100,
});
const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
  maxItems: 100,
  description: 'Labels',
});

const TagColors = Type.Record(Type.String({ minLength: 1, maxLength: 100 }), Type.String({ maxLength: 32 }), {
  maxProperties: 100,
  description: 'Display colour of tags, by tag (e.g. "#f00"); colours of tags the agent lacks are dropped',
});

const Email = (description: string) => Type.String({ format: 'email', maxLength: 320, description });

const writable = {
  email: Email('Email, unique in the org (case-insensitive)'),
  full_name: Text('Full name'),
  role: Role,
  status: Status,
  username: Nullable(Text('Username, unique in the org (case-insensitive)', 100)),
  first_name: Nullable(Text('First name')),
  last_name: Nullable(Text('Last name')),
  phone_number: Nullable(Text('Phone number', 50)),
  middle_names: Type.Array(Text('A middle name'), {
    maxItems: MAX_MIDDLE_NAMES,
    description: 'Middle names',
  }),
  avatar_url: Nullable(
    Type.String({ format: 'uri', maxLength: 2048, description: 'URL of the avatar image' }),
  ),
  additional_emails: Type.Array(Email('An email'), {
    maxItems: MAX_ADDITIONAL_CONTACTS,
    uniqueItems: true,
    description: 'Further emails of the agent (not unique in the org)',
  }),
  additional_phone_numbers: Type.Array(Text('A phone number', 50), {
    maxItems: MAX_ADDITIONAL_CONTACTS,
    uniqueItems: true,
    description: 'Further phone numbers of the agent',
  }),
  max_concurrent: Capacity,
  attributes: Attributes,
  tags: Tags,
  tag_colors: TagColors,
  profile_status: Type.String({ maxLength: 255, description: 'A free status text the agent shows' }),
  settings: Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), {
    description: "The agent's own preferences, free-form",
    maxProperties: 100,
  }),
};

export const CreateAgentBody = Type.Object(
  {
    email: writable.email,
    full_name: writable.full_name,
    role: Type.Optional(writable.role),
    status: Type.Optional(writable.status),
    username: Type.Optional(writable.username),
    first_name: Type.Optional(writable.first_name),
    last_name: Type.Optional(writable.last_name),
    phone_number: Type.Optional(writable.phone_number),
    middle_names: Type.Optional(writable.middle_names),
    avatar_url: Type.Optional(writable.avatar_url),
    additional_emails: Type.Optional(writable.additional_emails),
    additional_phone_numbers: Type.Optional(writable.additional_phone_numbers),
    max_concurrent: Type.Optional(writable.max_concurrent),
    attributes: Type.Optional(writable.attributes),
    tags: Type.Optional(writable.tags),
    tag_colors: Type.Optional(writable.tag_colors),
    profile_status: Type.Optional(writable.profile_status),
    settings: Type.Optional(writable.settings),
  },
  { additionalProperties: false },
);

export const UpdateAgentBody = Type.Partial(CreateAgentBody, { additionalProperties: false });

export const Agent = Type.Object({
  id: Uuid('Agent id'),
  user_id: Uuid('The person: one user id for all agents with this email, in every org'),
  email: Type.String({ description: 'Email' }),
  full_name: Type.String({ description: 'Full name' }),
  first_name: Nullable(Type.String({ description: 'First name' })),
  last_name: Nullable(Type.String({ description: 'Last name' })),
  username: Nullable(Type.String({ description: 'Username' })),
  phone_number: Nullable(Type.String({ description: 'Phone number' })),
  middle_names: Type.Array(Type.String(), { description: 'Middle names' }),
  avatar_url: Nullable(Type.String({ description: 'URL of the avatar image' })),
  additional_emails: Type.Array(Type.String(), { description: 'Further emails' }),
  additional_phone_numbers: Type.Array(Type.String(), { description: 'Further phone numbers' }),
  role: Type.String({ description: 'owner, admin, supervisor or agent' }),
  status: Type.String({ description: 'active, invited or disabled' }),
  max_concurrent: Type.Union([Type.Integer(), Type.Null()], { description: 'Capacity; null inherits' }),
  attributes: Type.Record(Type.String(), Type.Unknown(), { description: 'Free-form attributes' }),
  tags: Type.Array(Type.String(), { description: 'Labels' }),
  tag_colors: Type.Record(Type.String(), Type.String(), { description: 'Colours of tags, by tag' }),
  profile_status: Type.String({ description: 'A free status text the agent shows; empty when none' }),
  settings: Type.Record(Type.String(), Type.Unknown(), { description: "The agent's own preferences" }),
  trashed_at: Nullable(Timestamp('When the agent was put in the trash; null when it is not there')),
  created_by: Nullable(Uuid('User id of the agent that created it; null for org-level keys')),
  created_at: Timestamp('Creation timestamp'),
  updated_at: Timestamp('Last modification timestamp'),
});

export const ListAgentsQuery = PageQuery({
  role: Type.Optional(Role),
  status: Type.Optional(Status),
  team_id: Type.Optional(Uuid('Only members of this team')),
  q: Type.Optional(
    Type.String({ minLength: 1, maxLength: 200, description: 'Matches name or email, case-insensitively' }),
  ),
});

export const BulkAgentsBody = Type.Object(
  {
    agents: Type.Array(
      Type.Object(
        {
          email: writable.email,
          full_name: Type.Optional(writable.full_name),
          role: Type.Optional(writable.role),
          username: Type.Optional(writable.username),
          phone_number: Type.Optional(writable.phone_number),
          max_concurrent: Type.Optional(writable.max_concurrent),
          tags: Type.Optional(writable.tags),
          teams: Type.Optional(
            Type.Array(Type.String({ minLength: 1, maxLength: 255, description: 'A team name' }), {
              maxItems: 100,
              description:
                'Teams, by name (case-insensitive), the agent joins; it leaves none. Missing teams are created',
            }),
          ),
        },
        {
          additionalProperties: false,
          description: 'An agent matched by email (case-insensitive); full_name is required to create it',
        },
      ),
      { minItems: 1, maxItems: MAX_BULK_AGENTS, description: `1 to ${MAX_BULK_AGENTS} agents` },
    ),
    update: Type.Optional(
      Type.Boolean({
        default: false,
        description: 'Write the differing fields of agents that exist (otherwise they are left as they are)',
      }),
    ),
    dry_run: Type.Optional(
      Type.Boolean({
        default: false,
        description: 'Only answer what the call would do: nothing is written, created agents get no id',
      }),
    ),
  },
  { additionalProperties: false },
);

export const BulkAgentsResult = Type.Object({
  created: Type.Integer({ description: 'Agents created' }),
  updated: Type.Integer({ description: 'Agents updated' }),
  unchanged: Type.Integer({ description: 'Agents that exist and were left as they are' }),
  failed: Type.Integer({ description: 'Items that could not be applied' }),
  teams_created: Type.Array(
    Type.Object({
      id: Nullable(Uuid('The new team; null in a dry run')),
      name: Type.String({ description: 'Its name, as first spelt in the call' }),
    }),
    { description: 'Teams named by items that did not exist and were created (would be, in a dry run)' },
  ),
  results: Type.Array(
    Type.Object({
      index: Type.Integer({ description: 'Position of the item in the request' }),
      email: Type.String({ description: 'Email of the item' }),
      status: Type.Enum(['created', 'updated', 'unchanged', 'failed'], {
        description: 'created, updated, unchanged or failed',
      }),
      id: Nullable(Uuid('The agent matched or created; null when the item failed before either')),
      fields: Type.Array(Type.String(), {
        description: 'Fields that differ from the agent: written when updated, left as they were otherwise',
      }),
      error: Type.Union([
        Type.Object({
          code: Type.String({ description: 'Error code' }),
          field: Nullable(Type.String({ description: 'The field at fault' })),
          message: Type.String({ description: 'What is wrong' }),
        }),
        Type.Null(),
      ]),
      joined_team_ids: Type.Array(Uuid('A team id'), {
        description: "Teams of the item's `teams` the agent joined (not those it was a member of already)",
      }),
    }),
    { description: 'One result per item, in request order' },
  ),
});
