import { Type } from 'typebox';
import { MAX_BULK_SUPERVISED } from '../../core/supervisors/supervisors.js';
import { Nullable, Timestamp, Uuid } from './common.schemas.js';

const person = {
  id: Uuid('Agent id'),
  email: Type.String({ description: 'Email' }),
  full_name: Type.String({ description: 'Full name' }),
  phone_number: Nullable(Type.String({ description: 'Phone number' })),
  role: Type.String({ description: 'owner, admin, supervisor or agent' }),
  status: Type.String({ description: 'active, invited or disabled' }),
};

export const Supervisor = Type.Object(
  { ...person, agent_count: Type.Integer({ description: 'Number of agents this supervisor monitors' }) },
  { description: 'An agent who monitors at least one other agent' },
);

export const SupervisedAgent = Type.Object(
  { ...person, assigned_at: Timestamp('When the agent was assigned to the supervisor') },
  { description: 'An agent a supervisor monitors' },
);

const IdList = (description: string) =>
  Type.Array(Uuid('Agent id'), { maxItems: MAX_BULK_SUPERVISED, default: [], description });

export const SupervisedAgentsBody = Type.Object(
  {
    add: Type.Optional(IdList('Agents to assign to the supervisor')),
    remove: Type.Optional(IdList('Agents to unassign')),
  },
  {
    additionalProperties: false,
    description: `At most ${MAX_BULK_SUPERVISED} ids in add and remove together`,
  },
);

export const SupervisedAgentsResult = Type.Object({
  results: Type.Array(
    Type.Object({
      id: Uuid('Agent id as given'),
      action: Type.Enum(['add', 'remove'], { description: 'Which list the id came from' }),
      status: Type.Enum(['added', 'removed', 'duplicate', 'not_member', 'not_found', 'not_available'], {
        description: 'What happened to this id; not_available: the supervisor itself, or a disabled agent',
      }),
    }),
    { description: 'One entry per id, in request order (add first, then remove)' },
  ),
});
