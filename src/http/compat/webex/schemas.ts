import { type TProperties, Type } from 'typebox';
import { MAX_BULK_SUPERVISED } from '../../../core/supervisors/supervisors.js';
import { SUPERVISOR_ORDERS } from '../../../core/supervisors/supervisors.repo.js';

/** Most rows one Webex list page returns. */
export const WEBEX_MAX_PAGE = 1000;
export const WEBEX_DEFAULT_PAGE = 100;

const Id = (description: string) =>
  Type.String({
    minLength: 1,
    maxLength: 200,
    description: `${description}: a UUID, or the Webex base64 id of ciscospark://us/PEOPLE/<uuid>`,
  });

/** Query parameters every Webex call accepts. */
const commonQuery = {
  orgId: Type.Optional(
    Type.String({
      maxLength: 200,
      description:
        'Org to act on, as a UUID or a Webex base64 ORGANIZATION id: picks the org for the master key, ' +
        "and must be the key's own org otherwise",
    }),
  ),
  hasCxEssentials: Type.Optional(
    Type.Boolean({
      description: 'Customer Experience Essentials flavour; accepted and echoed, Roster has one flavour',
    }),
  ),
};

const listQuery = {
  start: Type.Integer({
    minimum: 0,
    maximum: 1_000_000,
    default: 0,
    description: 'Offset of the first row (0-based)',
  }),
  max: Type.Integer({
    minimum: 1,
    maximum: WEBEX_MAX_PAGE,
    default: WEBEX_DEFAULT_PAGE,
    description: `Most rows to return (at most ${WEBEX_MAX_PAGE})`,
  }),
  name: Type.Optional(
    Type.String({ minLength: 1, maxLength: 255, description: 'Part of the first, last or full name' }),
  ),
  phoneNumber: Type.Optional(
    Type.String({ minLength: 1, maxLength: 50, description: 'Part of the phone number' }),
  ),
  order: Type.Optional(Type.Enum(SUPERVISOR_ORDERS, { description: 'Sort order; by id when absent' })),
};

const object = <P extends TProperties>(properties: P) =>
  Type.Object(properties, { additionalProperties: false });

// Webex ignores query parameters it does not know, and clients send some (their SDKs pass extras through).
export const WebexQuery = Type.Object(commonQuery);
export const WebexListQuery = Type.Object({ ...commonQuery, ...listQuery });

export const SupervisorParams = object({ supervisorId: Id('The supervisor') });

const person = {
  id: Type.String({ description: 'Webex base64 id of the person' }),
  firstName: Type.String({ description: 'First name' }),
  lastName: Type.String({ description: 'Last name' }),
  phoneNumber: Type.Optional(Type.String({ description: 'Phone number, when the agent has one' })),
  extension: Type.Optional(
    Type.String({ description: 'Extension: the agent attribute "extension", when set' }),
  ),
};
const displayName = Type.String({ description: 'Full name' });
const hasCxEssentials = Type.Boolean({
  description: 'The hasCxEssentials of the request (false when absent)',
});

export const SupervisorList = Type.Object({
  supervisors: Type.Array(
    Type.Object({
      ...person,
      agentCount: Type.Integer({ description: 'Number of agents the supervisor monitors' }),
      hasCxEssentials,
    }),
    { description: 'Supervisors: people monitoring at least one agent' },
  ),
});

export const SupervisorDetail = Type.Object({
  id: Type.String({ description: 'Webex base64 id of the supervisor' }),
  agents: Type.Array(Type.Object(person), { description: 'Agents the supervisor monitors' }),
});

export const AvailableSupervisors = Type.Object({
  supervisors: Type.Array(Type.Object({ ...person, displayName, hasCxEssentials }), {
    description: 'People who may become supervisors: not disabled, not supervising yet',
  }),
});

export const AvailableAgents = Type.Object({
  agents: Type.Array(
    Type.Object({ ...person, displayName, type: Type.Literal('PEOPLE', { description: 'Always PEOPLE' }) }),
    { description: 'People who may be assigned to a supervisor: not disabled' },
  ),
});

const AgentRef = Type.Object(
  { id: Id('The agent') },
  { description: 'An agent (other members are ignored, as Webex clients may echo them)' },
);

export const CreateSupervisorBody = Type.Object({
  id: Id('The person who becomes a supervisor'),
  agents: Type.Array(AgentRef, {
    minItems: 1,
    maxItems: MAX_BULK_SUPERVISED,
    description: `Agents to assign: at least one, at most ${MAX_BULK_SUPERVISED}`,
  }),
});

export const UpdateSupervisorBody = Type.Object({
  agents: Type.Array(
    Type.Object({
      id: Id('The agent'),
      action: Type.Enum(['ADD', 'DELETE'], { description: 'ADD assigns the agent, DELETE unassigns it' }),
    }),
    {
      minItems: 1,
      maxItems: MAX_BULK_SUPERVISED,
      description: `Agents to assign or unassign: at least one, at most ${MAX_BULK_SUPERVISED}`,
    },
  ),
});

const SupervisorIds = (description: string) =>
  Type.Optional(Type.Array(Id('A supervisor'), { maxItems: MAX_BULK_SUPERVISED, description }));

export const DeleteSupervisorsBody = Type.Object({
  supervisorIds: SupervisorIds('Supervisors to delete (ignored with deleteAll); required without it'),
  supervisorsIds: SupervisorIds("Alias of supervisorIds, as Webex's Python SDK spells it"),
  deleteAll: Type.Optional(Type.Boolean({ description: 'Delete every supervisor of the org' })),
});

export const SupervisorAgentStatus = Type.Object({
  supervisorAgentStatus: Type.Array(
    Type.Object({
      id: Type.String({ description: 'Webex base64 id of the agent' }),
      status: Type.Enum(['DUPLICATE', 'NOT_AVAILABLE', 'NOT_FOUND'], {
        description: 'What kept the action from applying',
      }),
      message: Type.String({ description: 'Detailed message for the status' }),
    }),
    { description: 'One entry per agent whose action did not apply' },
  ),
});

export const NoContent = Type.Null({ description: 'No Content' });
