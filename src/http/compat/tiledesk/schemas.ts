import { Type } from 'typebox';
import { LOWERCASE_KEYWORD } from '../../plugins/validation.js';

/** Route schemas of the Tiledesk teammate API (seed 002; vendor spec section 1.3). */

export const TILEDESK_SECURED = [{ bearerAuth: [] }];

const Id = (description: string) => Type.String({ format: 'uuid', description, [LOWERCASE_KEYWORD]: true });
const Free = (description: string) =>
  Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { description, maxProperties: 100 });

export const ProjectParams = Type.Object({
  project_id: Type.String({ maxLength: 100, description: 'The project (Roster org) id' }),
});
export const TeammateParams = Type.Object({
  project_id: ProjectParams.properties.project_id,
  project_user_id: Id('The teammate (project_user) id: the Roster agent id'),
});
export const UserParams = Type.Object({
  project_id: ProjectParams.properties.project_id,
  user_id: Id('The user id (id_user._id): the person, the same in every project'),
});

const Stamp = (description: string) => Type.String({ format: 'date-time', description });

export const Teammate = Type.Object(
  {
    _id: Type.String({ description: 'The teammate id' }),
    id: Type.String({ description: 'The teammate id (same as _id)' }),
    id_project: Type.String({ description: 'The project id' }),
    id_user: Type.Object(
      {
        _id: Type.String({ description: 'The user id' }),
        email: Type.String({ description: 'Email' }),
        firstname: Type.String({ description: 'First name' }),
        lastname: Type.String({ description: 'Last name' }),
      },
      { description: 'The user the teammate is, populated' },
    ),
    role: Type.String({ description: 'owner, admin, supervisor or agent' }),
    user_available: Type.Boolean({ description: "The agent's own availability switch (as /v1 `available`)" }),
    profileStatus: Type.String({ description: 'A free status text; empty when none' }),
    max_served_chat: Type.Integer({ description: 'Capacity: the agent own value, else team or org default' }),
    max_assigned_chat: Type.Integer({
      description: "The same capacity, under the name Tiledesk's dashboard reads",
    }),
    number_assigned_requests: Type.Integer({ description: 'Open conversations assigned to the teammate' }),
    isBusy: Type.Boolean({ description: 'True when its open conversations reach its capacity' }),
    attributes: Type.Record(Type.String(), Type.Unknown(), { description: 'Custom attributes' }),
    tags: Type.Array(
      Type.Object({
        tag: Type.String({ description: 'The tag' }),
        color: Type.Optional(Type.String({ description: 'Its colour, when one was given' })),
      }),
      { description: 'Tag objects' },
    ),
    settings: Type.Record(Type.String(), Type.Unknown(), { description: 'Setting configurations' }),
    presence: Type.Object(
      {
        status: Type.String({ description: 'online or offline: connection presence from heartbeats' }),
        changedAt: Stamp('When the connection last went online or offline'),
      },
      { description: 'Connection presence' },
    ),
    isAuthenticated: Type.Boolean({ description: 'Always true: teammates are authenticated users' }),
    status: Type.String({ description: 'active, invited or disabled' }),
    trashed: Type.Boolean({ description: 'In the trash (left the project with ?soft=true)' }),
    createdAt: Stamp('Creation time'),
    updatedAt: Stamp('Last update time'),
    createdBy: Type.Union([Type.String(), Type.Null()], { description: 'User id of the creator, or null' }),
  },
  { description: 'A Tiledesk teammate (project_user)' },
);

export const PendingInvitationRecord = Type.Object(
  {
    _id: Type.String({ description: 'Id of the pending teammate' }),
    email: Type.String({ description: 'Invited email' }),
    role: Type.String({ description: 'Role it will have' }),
    id_project: Type.String({ description: 'The project id' }),
    createdBy: Type.Union([Type.String(), Type.Null()], { description: 'User id of the inviter, or null' }),
    createdAt: Stamp('When the invitation was made'),
    updatedAt: Stamp('Last update time'),
  },
  { description: 'An invitation not accepted yet: a Roster agent in status invited' },
);

export const PendingInvitation = Type.Object({
  msg: Type.String({ description: 'What happened' }),
  pendingInvitation: PendingInvitationRecord,
});

const Roles = Type.Array(Type.String({ maxLength: 50 }), {
  description: 'Only teammates with one of these roles',
});

export const ListQuery = Type.Object({
  role: Type.Optional(Roles),
  'role[]': Type.Optional(Roles),
  presencestatus: Type.Optional(Type.Enum(['online', 'offline'], { description: 'Connection presence' })),
  status: Type.Optional(
    Type.Enum(['active', 'invited', 'disabled'], {
      description: 'Teammate status; pending invitations (invited) are listed only when asked for',
    }),
  ),
  trashed: Type.Optional(Type.Boolean({ description: 'true: only trashed teammates; default false' })),
});

export const InviteBody = Type.Object({
  email: Type.String({ format: 'email', maxLength: 320, description: 'Email of the person to invite' }),
  role: Type.String({ description: 'admin, supervisor or agent' }),
  user_available: Type.Optional(Type.Boolean({ description: 'Availability of the new teammate' })),
});

const Capacity = Type.Union([Type.Integer({ minimum: 0, maximum: 1000 }), Type.Null()], {
  description: 'Most chats at once (0 to 1000); null inherits the team or org default',
});

const selfFields = {
  user_available: Type.Optional(Type.Boolean({ description: 'Available to take requests' })),
  profileStatus: Type.Optional(Type.String({ maxLength: 255, description: 'A free status text' })),
  max_served_chat: Type.Optional(Capacity),
  max_assigned_chat: Type.Optional(Capacity),
  attributes: Type.Optional(Free('Custom attributes')),
  tags: Type.Optional(
    Type.Array(
      Type.Union([
        Type.String({ minLength: 1, maxLength: 100 }),
        Type.Object({
          tag: Type.String({ minLength: 1, maxLength: 100 }),
          color: Type.Optional(Type.String({ maxLength: 32 })),
        }),
      ]),
      { maxItems: 100, description: 'Tags: strings, or Tiledesk tag objects {tag, color}' },
    ),
  ),
  settings: Type.Optional(Free('Setting configurations')),
};

export const UpdateSelfBody = Type.Object(selfFields);

export const UpdateTeammateBody = Type.Object({
  ...selfFields,
  role: Type.Optional(Type.Enum(['owner', 'admin', 'supervisor', 'agent'], { description: 'Role' })),
  status: Type.Optional(Type.Enum(['active', 'disabled'], { description: 'active or disabled' })),
});

export const DeleteQuery = Type.Object({
  soft: Type.Optional(Type.Boolean({ description: 'true: put the teammate in the trash' })),
  hard: Type.Optional(Type.Boolean({ description: 'true: remove the teammate for good' })),
});
