import { Type } from 'typebox';
import { orgQueryProperties, Timestamp, Uuid } from './common.schemas.js';

export const EventsQuery = Type.Object(
  {
    ...orgQueryProperties,
    types: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 1000,
        description:
          'Comma list of event types to receive; an item ending in .* matches a prefix ' +
          '(e.g. team.*,agent.presence_changed). Default: every type',
      }),
    ),
    team_id: Type.Optional(
      Uuid('Only events about this team: its team.* events and the agent.* events of its members'),
    ),
    last_event_id: Type.Optional(
      Uuid(
        'Resume after this event id, as the Last-Event-ID header does (the header wins when both are given)',
      ),
    ),
  },
  { additionalProperties: false },
);

export const EventsHeaders = Type.Object({
  'last-event-id': Type.Optional(
    Uuid('Id of the last event received: the stream first replays the events after it, in order'),
  ),
});

/** The JSON on the `data:` line of each frame; documentation only, a stream is never serialized. */
export const StreamedEvent = Type.Object(
  {
    id: Uuid('Event id (UUIDv7, time-ordered); also the frame id, for Last-Event-ID'),
    type: Type.String({ description: 'Event type, e.g. team.members_added; also the frame event name' }),
    occurred_at: Timestamp('When the change was made'),
    org_id: Uuid('Org the event belongs to'),
    data: Type.Object({}, { additionalProperties: true, description: 'Payload of the event type' }),
  },
  {
    description:
      'Server-Sent Events: each frame is `id: <id>`, `event: <type>`, `data: <this object as JSON>`; ' +
      'a `: keep-alive` comment line comes at a fixed interval',
  },
);
