import { Type } from 'typebox';
import { MAX_ADDITIONAL_CONTACTS, MAX_MIDDLE_NAMES } from '../../../core/agents/agents.js';
import { pagingQueryProperties } from './common.schemas.js';

/**
 * Dixa Agents API bodies and objects (vendor spec section 1.1, "Agents": CreateAgentInput,
 * UpdateAgentInput, PatchAgentInput, the bulk inputs, Agent and BulkActionOutcome). Unknown body
 * fields are ignored, as Dixa does, so a client may send back an agent object it read.
 */

/** Most agents one bulk call may name. */
export const MAX_BULK_AGENTS = 1000;

const Text = (description: string, maxLength = 255) => Type.String({ minLength: 1, maxLength, description });
const Email = (description: string) => Type.String({ format: 'email', maxLength: 320, description });

const profile = {
  phoneNumber: Type.Optional(Text("The agent's primary phone number", 50)),
  additionalEmails: Type.Optional(
    Type.Array(Email('An email'), {
      maxItems: MAX_ADDITIONAL_CONTACTS,
      uniqueItems: true,
      description: 'Additional email addresses for the agent',
    }),
  ),
  additionalPhoneNumbers: Type.Optional(
    Type.Array(Text('A phone number', 50), {
      maxItems: MAX_ADDITIONAL_CONTACTS,
      uniqueItems: true,
      description: 'Additional phone numbers for the agent',
    }),
  ),
  firstName: Type.Optional(Text("The agent's first name")),
  lastName: Type.Optional(Text("The agent's last name")),
  middleNames: Type.Optional(
    Type.Array(Text('A middle name'), {
      maxItems: MAX_MIDDLE_NAMES,
      description: "The agent's middle names",
    }),
  ),
  avatarUrl: Type.Optional(
    Type.String({
      format: 'uri',
      maxLength: 2048,
      description: "The url from which to load the agent's avatar",
    }),
  ),
};

const displayName = Text("The agent's display name");
const BulkId = Type.String({ minLength: 1, maxLength: 100, description: 'The id of the agent to change' });

export const CreateAgentInput = Type.Object(
  { displayName, email: Email("The agent's primary email address, unique in the organization"), ...profile },
  { description: "The agent's details" },
);

export const UpdateAgentInput = Type.Object(
  { displayName, ...profile },
  { description: 'Every field of the agent: absent optional fields are cleared' },
);

export const PatchAgentInput = Type.Object(
  { displayName: Type.Optional(displayName), ...profile },
  { description: 'The fields to change; absent fields keep their value' },
);

export const CreateAgentsInput = Type.Object(
  { data: Type.Array(CreateAgentInput, { maxItems: MAX_BULK_AGENTS, description: 'The agents to create' }) },
  { description: "The list of agents' details" },
);

export const BulkUpdateAgentsInput = Type.Array(Type.Object({ id: BulkId, displayName, ...profile }), {
  maxItems: MAX_BULK_AGENTS,
  description: 'Agent update actions, each replacing every field of one agent',
});

export const BulkPatchAgentsInput = Type.Array(
  Type.Object({ id: BulkId, displayName: Type.Optional(displayName), ...profile }),
  { maxItems: MAX_BULK_AGENTS, description: 'Agent patch actions' },
);

export const DixaAgent = Type.Object(
  {
    id: Type.String({ description: 'Unique identifier for the agent' }),
    createdAt: Type.String({ description: 'Time when the agent was created (UTC)' }),
    displayName: Type.String({ description: "The agent's display name" }),
    email: Type.String({ description: "The agent's primary email address" }),
    avatarUrl: Type.Optional(Type.String({ description: "The url of the agent's avatar" })),
    phoneNumber: Type.Optional(Type.String({ description: "The agent's primary phone number" })),
    additionalEmails: Type.Array(Type.String(), { description: 'Additional email addresses' }),
    additionalPhoneNumbers: Type.Array(Type.String(), { description: 'Additional phone numbers' }),
    firstName: Type.Optional(Type.String({ description: "The agent's first name" })),
    lastName: Type.Optional(Type.String({ description: "The agent's last name" })),
    middleNames: Type.Array(Type.String(), { description: "The agent's middle names" }),
    roles: Type.Array(Type.String(), {
      description: 'Agent, or Admin for owners and admins; empty once the agent was deleted (downgraded)',
    }),
  },
  { description: 'An agent/admin' },
);

const BulkError = Type.Object(
  {
    _type: Type.String({ description: 'NotFound, Validation, EmptyPatchSet or ErrorResponse' }),
    id: Type.Optional(Type.String({ description: 'The id of the agent the action named' })),
    message: Type.String({ description: 'What went wrong' }),
  },
  { description: 'Why one action failed' },
);

export const BulkActionOutcome = Type.Object(
  {
    _type: Type.String({ description: 'BulkActionSuccess or BulkActionFailure' }),
    data: Type.Optional(DixaAgent),
    error: Type.Optional(BulkError),
  },
  { description: 'The outcome of one action: data on success, error on failure' },
);

export const ListAgentsQuery = Type.Object({
  ...pagingQueryProperties,
  email: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 320,
      description: 'Only the agent with this email (primary or additional)',
    }),
  ),
  phone: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 50,
      description: 'Only agents with this phone number (primary or additional)',
    }),
  ),
});
