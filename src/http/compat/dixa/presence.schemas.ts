import { Type } from 'typebox';
import { pagingQueryProperties } from './common.schemas.js';

/** Dixa's UserPresence and working-channel input (vendor spec section 1.1, "UserPresence"). */

export const UserPresence = Type.Object(
  {
    userId: Type.String({ description: 'The agent/admin id' }),
    requestTime: Type.String({ description: 'When this view was computed (UTC, no zone designator)' }),
    lastSeen: Type.Optional(Type.String({ description: 'Latest heartbeat (UTC, no zone designator)' })),
    presenceStatus: Type.String({
      description: "Working or Away: the agent's own choice (switch and status), whatever its connection",
    }),
    connectionStatus: Type.String({ description: 'Online or Offline: whether a device is connected' }),
    activeChannels: Type.Array(Type.String(), { description: 'Channels reported by live devices' }),
  },
  { description: "An agent/admin's presence" },
);

export const TeamPresenceQuery = Type.Object(pagingQueryProperties);

/** The channels Dixa's working toggle names. */
export const WORKING_CHANNELS = ['Email', 'InteractiveChat', 'Messaging', 'Speak'] as const;

export const WorkingChannelInput = Type.Object(
  {
    channel: Type.Enum([...WORKING_CHANNELS], { description: 'Email, InteractiveChat, Messaging or Speak' }),
    working: Type.Boolean({ description: 'Whether the agent works this channel' }),
  },
  { description: 'The state of one presence channel' },
);
