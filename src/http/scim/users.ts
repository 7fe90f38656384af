import { ROLES, type Role } from '../../core/access.js';
import { MAX_ADDITIONAL_CONTACTS } from '../../core/agents/agents.js';
import {
  DEPARTMENT_KEY,
  EMPLOYEE_NUMBER_KEY,
  isActiveAgent,
  type ScimUserState,
} from '../../core/scim/scim-users.js';
import type { AgentRow } from '../../db/schema.js';
import { scimError } from './errors.js';
import { ENTERPRISE_SCHEMA, ROSTER_SCHEMA, USER_SCHEMA } from './schemas-urn.js';

/** A SCIM resource as JSON: what the dialect reads, patches and writes. */
export type Json = Record<string, unknown>;

/** SCIM's weak ETag of a row at `version`. */
export const etagOf = (version: number) => `W/"${version}"`;

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** The SCIM User of an agent; attributes with no value are left out. */
export function toScimUser(agent: AgentRow, location: string): Json {
  const name: Json = { formatted: agent.fullName };
  if (agent.firstName !== null) {
    name.givenName = agent.firstName;
  }
  if (agent.lastName !== null) {
    name.familyName = agent.lastName;
  }
  const emails = [
    { value: agent.email, type: 'work', primary: true },
    ...agent.additionalEmails.map((value) => ({ value, type: 'other', primary: false })),
  ];
  const phones = [
    ...(agent.phoneNumber === null ? [] : [{ value: agent.phoneNumber, type: 'work', primary: true }]),
    ...agent.additionalPhoneNumbers.map((value) => ({ value, type: 'other', primary: false })),
  ];
  const enterprise: Json = {};
  const employeeNumber = agent.attributes[EMPLOYEE_NUMBER_KEY];
  const department = agent.attributes[DEPARTMENT_KEY];
  if (typeof employeeNumber === 'string') {
    enterprise.employeeNumber = employeeNumber;
  }
  if (typeof department === 'string') {
    enterprise.department = department;
  }
  return {
    schemas: [USER_SCHEMA, ENTERPRISE_SCHEMA, ROSTER_SCHEMA],
    id: agent.id,
    ...(agent.externalId === null ? {} : { externalId: agent.externalId }),
    userName: agent.username ?? agent.email,
    name,
    displayName: agent.fullName,
    emails,
    ...(phones.length > 0 ? { phoneNumbers: phones } : {}),
    active: isActiveAgent(agent),
    [ENTERPRISE_SCHEMA]: enterprise,
    [ROSTER_SCHEMA]: { role: agent.role, maxConcurrent: agent.maxConcurrent },
    meta: {
      resourceType: 'User',
      created: agent.createdAt.toISOString(),
      lastModified: agent.updatedAt.toISOString(),
      location,
      version: etagOf(agent.version),
    },
  };
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+$/;

function str(value: unknown, path: string, max: number, required = false): string | null {
  if (value === undefined || value === null || value === '') {
    if (required) {
      throw scimError('invalidValue', `${path} is required`);
    }
    return null;
  }
  if (typeof value !== 'string') {
    throw scimError('invalidValue', `${path} must be a string`);
  }
  const trimmed = value.trim();
  if (trimmed.length > max) {
    throw scimError('invalidValue', `${path} must be at most ${max} characters`);
  }
  if (trimmed === '' && required) {
    throw scimError('invalidValue', `${path} is required`);
  }
  return trimmed === '' ? null : trimmed;
}

/** A boolean as IdPs send it: true/false, or Entra's "True"/"False" strings. */
export function bool(value: unknown, path: string, fallback: boolean): boolean {
  if (value === undefined || value === null) {
    return fallback;
  }
  if (typeof value === 'boolean') {
    return value;
  }
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) {
    return value.trim().toLowerCase() === 'true';
  }
  throw scimError('invalidValue', `${path} must be true or false`);
}

interface MultiValue {
  value: string;
  primary: boolean;
  type: string | null;
}

/** A multi-valued attribute (emails, phoneNumbers): the primary value first, the rest deduplicated. */
function multi(value: unknown, path: string, max: number): { primary: string | null; others: string[] } {
  if (value === undefined || value === null) {
    return { primary: null, others: [] };
  }
  if (!Array.isArray(value)) {
    throw scimError('invalidValue', `${path} must be an array`);
  }
  const items: MultiValue[] = value.flatMap((v, i) => {
    if (typeof v !== 'object' || v === null) {
      throw scimError('invalidValue', `${path}[${i}] must be an object with a value`);
    }
    const item = v as Json;
    const s = str(item.value, `${path}[${i}].value`, max);
    return s === null
      ? []
      : [
          {
            value: s,
            primary: bool(item.primary, `${path}[${i}].primary`, false),
            type: text(item.type)?.toLowerCase() ?? null,
          },
        ];
  });
  const first = items.find((i) => i.primary) ?? items.find((i) => i.type === 'work') ?? items[0];
  const others = [...new Set(items.filter((i) => i !== first).map((i) => i.value))].filter(
    (v) => v !== first?.value,
  );
  if (others.length > MAX_ADDITIONAL_CONTACTS) {
    throw scimError('invalidValue', `${path} may hold at most ${MAX_ADDITIONAL_CONTACTS + 1} values`);
  }
  return { primary: first?.value ?? null, others };
}

function objectAt(body: Json, key: string, path: string): Json {
  const value = body[key];
  if (value === undefined || value === null) {
    return {};
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw scimError('invalidValue', `${path} must be an object`);
  }
  return value as Json;
}

function roleOf(value: unknown): Role | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'string' || !(ROLES as readonly string[]).includes(value.toLowerCase())) {
    throw scimError('invalidValue', `${ROSTER_SCHEMA}:role must be one of ${ROLES.join(', ')}`);
  }
  return value.toLowerCase() as Role;
}

function capacityOf(extension: Json): number | null | undefined {
  if (!('maxConcurrent' in extension)) {
    return undefined;
  }
  const value = extension.maxConcurrent;
  if (value === null) {
    return null;
  }
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 1000) {
    throw scimError(
      'invalidValue',
      `${ROSTER_SCHEMA}:maxConcurrent must be an integer from 0 to 1000, or null`,
    );
  }
  return n;
}

/**
 * What a SCIM User body (created, replaced, or patched) says the agent is. `active` absent is true;
 * the Roster extension's fields absent leave the agent's as they are.
 * @throws invalidValue naming the attribute at fault.
 */
export function fromScimUser(body: Json): ScimUserState {
  const userName = str(body.userName, 'userName', 320, true) as string;
  const name = objectAt(body, 'name', 'name');
  const emails = multi(body.emails, 'emails', 320);
  const email = emails.primary ?? (EMAIL_RE.test(userName) ? userName : null);
  if (email === null) {
    throw scimError(
      'invalidValue',
      'emails is required (a work email) when userName is not an email address',
    );
  }
  for (const address of [email, ...emails.others]) {
    if (!EMAIL_RE.test(address)) {
      throw scimError('invalidValue', `emails value "${address}" is not an email address`);
    }
  }
  const phones = multi(body.phoneNumbers, 'phoneNumbers', 50);
  const firstName = str(name.givenName, 'name.givenName', 255);
  const lastName = str(name.familyName, 'name.familyName', 255);
  const joined = [firstName, lastName].filter((n) => n !== null).join(' ');
  const fullName =
    str(body.displayName, 'displayName', 255) ??
    str(name.formatted, 'name.formatted', 255) ??
    (joined || userName);
  const enterprise = objectAt(body, ENTERPRISE_SCHEMA, ENTERPRISE_SCHEMA);
  const roster = objectAt(body, ROSTER_SCHEMA, ROSTER_SCHEMA);
  return {
    userName,
    externalId: str(body.externalId, 'externalId', 255),
    email,
    additionalEmails: emails.others,
    fullName: fullName.slice(0, 255),
    firstName,
    lastName,
    phoneNumber: phones.primary,
    additionalPhoneNumbers: phones.others,
    active: bool(body.active, 'active', true),
    employeeNumber: str(enterprise.employeeNumber, `${ENTERPRISE_SCHEMA}:employeeNumber`, 255),
    department: str(enterprise.department, `${ENTERPRISE_SCHEMA}:department`, 255),
    role: roleOf(roster.role),
    maxConcurrent: capacityOf(roster),
  };
}

/**
 * Keys given flat as `urn:...:User:attr` (some IdPs send them so in POST and PUT bodies) moved
 * into their schema's object, as scim-patch does for PATCH.
 */
export function nestExtensionKeys(body: Json): Json {
  const out: Json = { ...body };
  for (const urn of [ENTERPRISE_SCHEMA, ROSTER_SCHEMA]) {
    for (const key of Object.keys(body)) {
      if (key.startsWith(`${urn}:`)) {
        const inner = { ...((out[urn] as Json | undefined) ?? {}) };
        inner[key.slice(urn.length + 1)] = body[key];
        out[urn] = inner;
        delete out[key];
      }
    }
  }
  return out;
}
