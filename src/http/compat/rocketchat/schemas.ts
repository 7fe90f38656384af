import { Type } from 'typebox';
import { MAX_OFFSET_PAGE } from '../../../core/teams/team-details.js';
import { LOWERCASE_KEYWORD } from '../../plugins/validation.js';

/** Route schemas of Rocket.Chat's omnichannel department API (seed 004; vendor spec section 1.5). */

export const ROCKETCHAT_SECURED = [{ rocketChatToken: [], rocketChatUserId: [] }];

const AgentId = Type.String({
  format: 'uuid',
  [LOWERCASE_KEYWORD]: true,
  description: 'The agent id (a Roster agent id)',
});
const Success = Type.Literal(true, { description: 'Always true' });
const Flag = (description: string) =>
  Type.String({ maxLength: 10, description: `${description} ("true" or "false")` });

/** Path of one department; any string is accepted, and one that names no team is unknown. */
export const DepartmentParams = Type.Object({
  _id: Type.String({ maxLength: 200, description: 'The department id (a Roster team id)' }),
});

const pageQuery = {
  offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0, description: 'Number of rows to skip' }),
  count: Type.Integer({
    minimum: 0,
    default: 50,
    description: `Most rows to return: 0 or absent is 50, more than ${MAX_OFFSET_PAGE} reads ${MAX_OFFSET_PAGE}`,
  }),
  sort: Type.Optional(
    Type.String({
      maxLength: 500,
      description: 'Sort as a JSON object of field to 1 (ascending) or -1, e.g. {"name":1}',
    }),
  ),
};

export const DepartmentListQuery = Type.Object({
  ...pageQuery,
  text: Type.Optional(Type.String({ maxLength: 255, description: 'Part of the name, any case' })),
  enabled: Type.Optional(Flag('"true": enabled departments only')),
  showArchived: Type.Optional(Flag('"true": archived departments too')),
});

export const ArchivedListQuery = Type.Object({
  ...pageQuery,
  text: DepartmentListQuery.properties.text,
});

export const AgentListQuery = Type.Object(pageQuery);

export const DepartmentQuery = Type.Object({
  includeAgents: Type.Optional(Flag('"true": also return the agents of the department')),
});

export const Department = Type.Object(
  {
    _id: Type.String({ description: 'The department id (the Roster team id)' }),
    name: Type.String({ description: 'Name' }),
    enabled: Type.Boolean({ description: 'A disabled department takes no new chats' }),
    description: Type.String({ description: 'Description ("" when none)' }),
    showOnRegistration: Type.Boolean({ description: 'Offered on the registration form' }),
    showOnOfflineForm: Type.Boolean({ description: 'Offered on the offline form' }),
    email: Type.String({ description: 'Contact address ("" when none)' }),
    numAgents: Type.Integer({ description: 'Number of agents' }),
    archived: Type.Boolean({ description: 'Archived' }),
    maxNumberSimultaneousChat: Type.Integer({
      description: "Capacity of agents that set none of their own; 0: the org's default applies",
    }),
    _updatedAt: Type.String({ format: 'date-time', description: 'Last change' }),
    offlineMessageChannelName: Type.String({ description: 'Always "": Roster routes no offline messages' }),
    requestTagBeforeClosingChat: Type.Boolean({ description: 'Always false: Roster does not close chats' }),
    chatClosingTags: Type.Array(Type.String(), { description: 'Always empty' }),
    departmentsAllowedToForward: Type.Array(Type.String(), {
      description: 'Always empty: any department may receive forwarded chats',
    }),
    fallbackForwardDepartment: Type.String({ description: 'Always "": none' }),
  },
  { description: 'A department: a Roster team' },
);

export const DepartmentAgent = Type.Object(
  {
    _id: Type.String({ description: 'Id of the link: department id and agent id' }),
    departmentId: Type.String({ description: 'The department id' }),
    departmentEnabled: Type.Boolean({ description: 'The department is enabled and not archived' }),
    agentId: Type.String({ description: 'The agent id' }),
    username: Type.String({ description: "The agent's username, its email when it has none" }),
    count: Type.Integer({ description: 'Open chats of this department assigned to the agent' }),
    order: Type.Integer({ description: 'Place of the agent in the department: lower first' }),
    _updatedAt: Type.String({ format: 'date-time', description: 'When the agent joined the department' }),
  },
  { description: 'An agent of a department' },
);

const AgentOrder = Type.Integer({
  minimum: -1_000_000,
  maximum: 1_000_000,
  description: 'Place of the agent in the department, lower first (kept as the member priority)',
});
const AgentCount = Type.Integer({
  minimum: 0,
  description: 'Accepted and ignored: Roster counts chats itself',
});
const Username = Type.String({ maxLength: 255, description: 'Username; accepted, the agent id decides' });

/** An agent to add to or update in a department, as departments created or updated send it. */
const DepartmentBodyAgent = Type.Object({
  agentId: AgentId,
  username: Type.Optional(Username),
  count: Type.Optional(AgentCount),
  order: Type.Optional(AgentOrder),
});

export const DepartmentFields = Type.Object(
  {
    enabled: Type.Boolean({ description: 'Takes new chats' }),
    showOnRegistration: Type.Boolean({ description: 'Offered on the registration form' }),
    name: Type.String({ minLength: 1, maxLength: 255, description: 'Name, unique in the org (any case)' }),
    email: Type.String({
      maxLength: 254,
      pattern: '^$|^[^\\s@]+@[^\\s@]+$',
      description: 'Contact address ("" for none)',
    }),
    showOnOfflineForm: Type.Boolean({ description: 'Offered on the offline form' }),
    description: Type.Optional(Type.String({ maxLength: 10_000, description: 'Description' })),
    maxNumberSimultaneousChat: Type.Optional(
      Type.Union(
        [
          Type.Integer({ minimum: 0, maximum: 1000 }),
          Type.String({ pattern: '^\\s*\\d{0,4}\\s*$' }),
          Type.Null(),
        ],
        {
          description:
            'Capacity of agents that set none of their own (0 to 1000); 0, "" or null: the org\'s default',
        },
      ),
    ),
  },
  { description: 'Department fields; other Rocket.Chat fields are accepted and ignored' },
);

export const DepartmentBody = Type.Object({
  department: DepartmentFields,
  agents: Type.Optional(
    Type.Array(DepartmentBodyAgent, {
      maxItems: 1000,
      description: 'Agents to add, or whose order to change',
    }),
  ),
});

export const UpdateAgentsBody = Type.Object({
  upsert: Type.Array(
    Type.Object({
      agentId: AgentId,
      username: Username,
      count: Type.Optional(AgentCount),
      order: Type.Optional(AgentOrder),
    }),
    { maxItems: 1000, description: 'Agents to add, or whose order to change' },
  ),
  remove: Type.Array(Type.Object({ agentId: AgentId }), { maxItems: 1000, description: 'Agents to remove' }),
});

export const AgentStatusBody = Type.Object({
  status: Type.Optional(
    Type.Enum(['available', 'not-available'], { description: 'The new status; absent: the other one' }),
  ),
  agentId: Type.Optional(
    Type.String({ maxLength: 200, description: 'Agent to set (manage-livechat-agents); absent: the caller' }),
  ),
});

const paged = {
  count: Type.Integer({ description: 'Rows in this page' }),
  offset: Type.Integer({ description: 'Rows skipped' }),
  total: Type.Integer({ description: 'Rows matching in all' }),
  success: Success,
};

export const DepartmentList = Type.Object({
  departments: Type.Array(Department, { description: 'One page of departments' }),
  ...paged,
});

export const AgentList = Type.Object({
  agents: Type.Array(DepartmentAgent, { description: 'One page of the agents of the department' }),
  ...paged,
});

export const DepartmentWithAgents = Type.Object({
  department: Department,
  agents: Type.Array(DepartmentAgent, { description: 'Every agent of the department' }),
  success: Success,
});

export const DepartmentRead = Type.Object({
  department: Type.Union([Department, Type.Null()], { description: 'The department; null when unknown' }),
  agents: Type.Optional(Type.Array(DepartmentAgent, { description: 'Its agents, with includeAgents=true' })),
  success: Success,
});

export const SuccessOnly = Type.Object({ success: Success });

export const AgentStatusResult = Type.Object({
  status: Type.Enum(['available', 'not-available'], { description: 'The status of the agent now' }),
  success: Success,
});

export const LivechatAgent = Type.Object(
  {
    _id: Type.String({ description: 'The agent id' }),
    username: Type.String({ description: 'Username; the email when the agent has none' }),
    name: Type.String({ description: 'Full name' }),
    type: Type.Literal('user'),
    active: Type.Boolean({ description: 'false for a disabled agent' }),
    status: Type.Enum(['online', 'away', 'offline'], { description: 'Connection and availability' }),
    statusLivechat: Type.Enum(['available', 'not-available'], { description: 'The availability switch' }),
    emails: Type.Array(Type.Object({ address: Type.String(), verified: Type.Boolean() })),
    roles: Type.Array(Type.String(), { description: 'Always user and livechat-agent' }),
    livechat: Type.Object({
      maxNumberSimultaneousChat: Type.Integer({ description: 'Capacity: chats the agent may hold at once' }),
    }),
    livechatCount: Type.Integer({ description: 'Chats assigned to the agent now' }),
    departments: Type.Array(Type.String(), { description: 'Ids of the departments (teams) of the agent' }),
    createdAt: Type.String({ format: 'date-time' }),
    _updatedAt: Type.String({ format: 'date-time' }),
  },
  { description: 'A Roster agent as a Rocket.Chat livechat agent' },
);
