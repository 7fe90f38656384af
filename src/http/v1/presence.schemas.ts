import { Type } from 'typebox';
import { DEFAULT_LIMIT, PRESENCE_MAX_LIMIT } from '../../core/paging.js';
import { Nullable, orgQueryProperties, Timestamp, Uuid } from './common.schemas.js';

const ChannelName = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'Channel name, e.g. Email, Speak, chat',
});
const ChannelFlags = Type.Record(ChannelName, Type.Boolean(), {
  maxProperties: 50,
  description: 'Channel name -> whether the agent works it',
});
const EffectiveStatus = Type.Enum(['offline', 'away', 'busy', 'available'], {
  description: 'Derived: offline (no live device), away (not available), busy (at capacity), available',
});
const Connection = Type.Enum(['online', 'offline'], {
  description: 'Whether a device sent a heartbeat within the TTL',
});

export const PresenceView = Type.Object({
  agent_id: Uuid('Agent id'),
  connection: Connection,
  status: Type.String({ description: 'Chosen status key: working, away or one of the org' }),
  available: Type.Boolean({ description: "The agent's own available switch" }),
  channels: Type.Record(Type.String(), Type.Boolean(), { description: 'Channel working flags' }),
  active_channels: Type.Array(Type.String(), { description: 'Channels reported by live devices' }),
  effective_status: EffectiveStatus,
  active_conversations: Type.Integer({ description: 'Open conversations assigned to the agent' }),
  capacity: Type.Integer({ description: 'Resolved capacity: agent, else team default, else org default' }),
  last_seen: Nullable(Timestamp('Latest heartbeat')),
  changed_at: Nullable(Timestamp('Last change of availability or connection')),
  request_time: Timestamp('When this view was computed'),
  agent: Type.Optional(
    Type.Object(
      {
        id: Uuid('Agent id'),
        full_name: Type.String({ description: "The agent's full name" }),
        email: Type.String({ description: "The agent's email" }),
        role: Type.String({ description: "The agent's role" }),
      },
      { description: 'Who the agent is; only with `expand=agent`' },
    ),
  ),
});

export const AvailabilityBody = Type.Object(
  {
    available: Type.Optional(Type.Boolean({ description: 'Whether the agent takes work' })),
    status: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: 'A status key: working, away or one of the org',
      }),
    ),
    channels: Type.Optional(ChannelFlags),
  },
  { additionalProperties: false },
);

export const HeartbeatBody = Type.Object(
  {
    device_id: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 128,
        description: 'Device or session id; defaults to "default"',
      }),
    ),
    channels: Type.Optional(
      Type.Array(ChannelName, { maxItems: 50, description: 'Channels this device is connected on' }),
    ),
  },
  { additionalProperties: false },
);

export const DeviceView = Type.Object({
  device_id: Type.String({ description: 'The device ID its heartbeats carry' }),
  last_seen: Timestamp('Latest heartbeat of this device'),
  expires_at: Timestamp('When the device stops counting unless it beats again'),
  channels: Type.Array(Type.String(), { description: 'Channels reported with its latest heartbeat' }),
});

export const DeviceParams = Type.Object(
  {
    id: Uuid('The agent ID'),
    device_id: Type.String({ minLength: 1, maxLength: 128, description: 'The device ID' }),
  },
  { additionalProperties: false },
);

const presencePaging = {
  limit: Type.Integer({
    minimum: 1,
    maximum: PRESENCE_MAX_LIMIT,
    default: DEFAULT_LIMIT,
    description: `Page size (max ${PRESENCE_MAX_LIMIT}, more than other lists: boards read every agent)`,
  }),
  after: Type.Optional(
    Type.String({ minLength: 1, maxLength: 200, description: 'Cursor from the Link rel="next" header' }),
  ),
  effective_status: Type.Optional(EffectiveStatus),
  connection: Type.Optional(Connection),
  expand: Type.Optional(
    Type.Literal('agent', {
      description: "`agent` adds each agent's id, name, email and role, so a board needs no second list",
    }),
  ),
};

export const PresenceListQuery = Type.Object(
  { ...orgQueryProperties, ...presencePaging, team_id: Type.Optional(Uuid('Only members of this team')) },
  { additionalProperties: false },
);

export const TeamPresenceQuery = Type.Object(
  { ...orgQueryProperties, ...presencePaging },
  { additionalProperties: false },
);

const StatusKey = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$',
  description: 'Status key: letters, digits, _ . - (up to 64)',
});

export const PresenceStatus = Type.Object({
  key: Type.String({ description: 'Status key' }),
  label: Type.String({ description: 'Display label' }),
  available: Type.Boolean({ description: 'Whether agents in this status take work' }),
  built_in: Type.Boolean({ description: 'working and away exist in every org and cannot change' }),
});

export const CreateStatusBody = Type.Object(
  {
    key: StatusKey,
    label: Type.String({ minLength: 1, maxLength: 255, description: 'Display label' }),
    available: Type.Boolean({ description: 'Whether agents in this status take work' }),
  },
  { additionalProperties: false },
);

export const UpdateStatusBody = Type.Object(
  {
    label: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'Display label' })),
    available: Type.Optional(Type.Boolean({ description: 'Whether agents in this status take work' })),
  },
  { additionalProperties: false },
);

export const StatusParams = Type.Object({ key: StatusKey }, { additionalProperties: false });
