import { Type } from 'typebox';
import { Timestamp, Uuid } from './common.schemas.js';

const NullableUuid = (description: string) => Type.Union([Uuid(description), Type.Null()], { description });
const Status = Type.Enum(['queued', 'assigned', 'closed'], {
  description: 'queued (waiting for an agent), assigned (counts against its capacity) or closed',
});
const Channel = Type.String({
  minLength: 1,
  maxLength: 100,
  description: 'Channel of the conversation, e.g. chat, Email, Speak; only agents working it receive it',
});
const Force = Type.Boolean({
  description: 'With agent_id: assign even beyond the agent capacity (admins and supervisors only)',
});

export const Conversation = Type.Object(
  {
    id: Uuid('Conversation id'),
    team_id: NullableUuid('Team whose members it is routed to; null when it has none'),
    assignee_id: NullableUuid('Agent it is assigned to (closed conversations keep theirs)'),
    status: Status,
    channel: Type.Union([Type.String(), Type.Null()], { description: 'Channel, or null for any' }),
    external_id: Type.Union([Type.String(), Type.Null()], {
      description: "The client's own id, unique in the org",
    }),
    priority: Type.Integer({ description: 'Higher leaves the queue first' }),
    metadata: Type.Record(Type.String(), Type.Unknown(), { description: 'Free-form data of the client' }),
    created_at: Timestamp('Creation timestamp'),
    updated_at: Timestamp('Last modification timestamp'),
    assigned_at: Type.Union([Timestamp('When it was assigned'), Type.Null()], {
      description: 'When it was assigned to its current agent; null while queued',
    }),
    closed_at: Type.Union([Timestamp('When it was closed'), Type.Null()], {
      description: 'When it was closed; null while open',
    }),
  },
  { description: 'A unit of work (ticket, chat, call)' },
);

export const CreateConversationBody = Type.Object(
  {
    team_id: Type.Optional(NullableUuid('Team to route it to by the team routing mode')),
    agent_id: Type.Optional(NullableUuid('Assign it to this agent instead of routing it')),
    channel: Type.Optional(Type.Union([Channel, Type.Null()])),
    external_id: Type.Optional(
      Type.Union([
        Type.String({
          minLength: 1,
          maxLength: 255,
          description: 'Your own id: a create repeated with it returns the existing conversation (200)',
        }),
        Type.Null(),
      ]),
    ),
    priority: Type.Optional(
      Type.Integer({
        minimum: -1000,
        maximum: 1000,
        default: 0,
        description: 'Higher leaves the queue first',
      }),
    ),
    metadata: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), { description: 'Free-form data, returned as given' }),
    ),
    force: Type.Optional(Force),
  },
  { additionalProperties: false },
);

export const UpdateConversationBody = Type.Object(
  {
    status: Type.Enum(['closed'], {
      description: 'closed: ends the conversation and frees its agent capacity',
    }),
  },
  { additionalProperties: false },
);

export const TransferBody = Type.Object(
  {
    team_id: Type.Optional(Uuid('Team to move it to; routed there again unless agent_id is given')),
    agent_id: Type.Optional(Uuid('Agent to assign it to')),
    force: Type.Optional(Force),
  },
  { additionalProperties: false, description: 'At least one of team_id and agent_id' },
);

export const ConversationFilters = {
  status: Type.Optional(Status),
  team_id: Type.Optional(Uuid('Only conversations of this team')),
  assignee_id: Type.Optional(Uuid('Only conversations assigned to this agent')),
  channel: Type.Optional(Channel),
};
