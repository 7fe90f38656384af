import { ROLES } from '../../core/access.js';
import {
  DEFAULT_COUNT,
  ENTERPRISE_SCHEMA,
  GROUP_SCHEMA,
  MAX_RESULTS,
  PATCH_SCHEMA,
  ROSTER_SCHEMA,
  USER_SCHEMA,
} from './schemas-urn.js';
import type { Json } from './users.js';

type Type = 'string' | 'boolean' | 'integer' | 'dateTime' | 'reference' | 'complex';

interface AttrOptions {
  required?: boolean;
  multiValued?: boolean;
  caseExact?: boolean;
  mutability?: 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
  returned?: 'always' | 'never' | 'default' | 'request';
  uniqueness?: 'none' | 'server' | 'global';
  subAttributes?: Json[];
  canonicalValues?: readonly string[];
  referenceTypes?: string[];
}

/** One attribute definition of a /Schemas document (RFC 7643 §7), with the RFC's defaults. */
function attr(name: string, type: Type, description: string, o: AttrOptions = {}): Json {
  return {
    name,
    type,
    multiValued: o.multiValued ?? false,
    description,
    required: o.required ?? false,
    caseExact: o.caseExact ?? false,
    mutability: o.mutability ?? 'readWrite',
    returned: o.returned ?? 'default',
    uniqueness: o.uniqueness ?? 'none',
    ...(o.canonicalValues ? { canonicalValues: o.canonicalValues } : {}),
    ...(o.referenceTypes ? { referenceTypes: o.referenceTypes } : {}),
    ...(o.subAttributes ? { subAttributes: o.subAttributes } : {}),
  };
}

const multiValue = (what: string, types: string[]) => [
  attr('value', 'string', `The ${what}`),
  attr('type', 'string', `Kind of ${what}: the primary one is "work", further ones "other"`, {
    canonicalValues: types,
  }),
  attr('primary', 'boolean', `Whether this is the agent's primary ${what}`),
];

const meta = (location: string, resourceType: string): Json => ({ resourceType, location });

function schema(id: string, name: string, description: string, attributes: Json[], location: string): Json {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
    id,
    name,
    description,
    attributes,
    meta: meta(`${location}/Schemas/${id}`, 'Schema'),
  };
}

/** The /Schemas documents: User, the enterprise extension, Roster's extension, Group. */
export function schemaDocuments(base: string): Json[] {
  return [
    schema(
      USER_SCHEMA,
      'User',
      'A Roster agent',
      [
        attr('userName', 'string', "The agent's username (its email when it has none)", {
          required: true,
          uniqueness: 'server',
        }),
        attr('name', 'complex', "The agent's name", {
          subAttributes: [
            attr('formatted', 'string', 'Full name (the same as displayName)'),
            attr('givenName', 'string', 'First name'),
            attr('familyName', 'string', 'Last name'),
          ],
        }),
        attr('displayName', 'string', "The agent's full name"),
        attr('emails', 'complex', 'The primary email (unique in the org) and further ones', {
          multiValued: true,
          subAttributes: multiValue('email', ['work', 'other']),
        }),
        attr('phoneNumbers', 'complex', 'The primary phone number and further ones', {
          multiValued: true,
          subAttributes: multiValue('phone number', ['work', 'other']),
        }),
        attr('active', 'boolean', 'false: the agent is disabled (kept on record, takes no work)'),
        attr('password', 'string', 'Accepted and ignored: Roster agents sign in with API keys', {
          mutability: 'writeOnly',
          returned: 'never',
        }),
      ],
      base,
    ),
    schema(
      ENTERPRISE_SCHEMA,
      'EnterpriseUser',
      'Enterprise User (stored in the agent attributes employee_number and department)',
      [attr('employeeNumber', 'string', 'Employee number'), attr('department', 'string', 'Department')],
      base,
    ),
    schema(
      ROSTER_SCHEMA,
      'RosterAgent',
      "Roster's agent fields: absent on a write, they stay as they are",
      [
        attr('role', 'string', 'owner, admin, supervisor or agent', { canonicalValues: ROLES }),
        attr('maxConcurrent', 'integer', 'Most conversations at once (0 to 1000); null inherits the default'),
      ],
      base,
    ),
    schema(
      GROUP_SCHEMA,
      'Group',
      'A Roster team',
      [
        attr('displayName', 'string', "The team's name, unique in the org (case-insensitive)", {
          required: true,
          uniqueness: 'server',
        }),
        attr('members', 'complex', "The team's agents", {
          multiValued: true,
          subAttributes: [
            attr('value', 'string', 'Id of the agent (a SCIM User id)', { mutability: 'immutable' }),
            attr('display', 'string', "The agent's name", { mutability: 'readOnly' }),
            attr('$ref', 'reference', 'URL of the User', {
              mutability: 'immutable',
              referenceTypes: ['User'],
            }),
            attr('type', 'string', 'Always User', { mutability: 'immutable', canonicalValues: ['User'] }),
          ],
        }),
      ],
      base,
    ),
  ];
}

export function resourceTypes(base: string): Json[] {
  return [
    {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
      id: 'User',
      name: 'User',
      endpoint: '/Users',
      description: 'Roster agents',
      schema: USER_SCHEMA,
      schemaExtensions: [
        { schema: ENTERPRISE_SCHEMA, required: false },
        { schema: ROSTER_SCHEMA, required: false },
      ],
      meta: meta(`${base}/ResourceTypes/User`, 'ResourceType'),
    },
    {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
      id: 'Group',
      name: 'Group',
      endpoint: '/Groups',
      description: 'Roster teams',
      schema: GROUP_SCHEMA,
      schemaExtensions: [],
      meta: meta(`${base}/ResourceTypes/Group`, 'ResourceType'),
    },
  ];
}

export function serviceProviderConfig(base: string): Json {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_RESULTS },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'Roster API key',
        description: `Authorization: Bearer <API key with the scope "scim">; lists default to ${DEFAULT_COUNT} results`,
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${base}/ServiceProviderConfig` },
  };
}

export { PATCH_SCHEMA };
