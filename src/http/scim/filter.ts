import { type AttrExp, type Filter, parse } from 'scim2-parse-filter';
import type { CompareOp, GroupField, Predicate, UserField } from '../../core/scim/query.js';
import { scimError } from './errors.js';
import { ENTERPRISE_SCHEMA, GROUP_SCHEMA, ROSTER_SCHEMA, USER_SCHEMA } from './schemas-urn.js';

/** How one SCIM attribute path maps to a Roster field; `type` says how its literals are read. */
interface Target<F extends string> {
  field: F;
  type?: 'bool' | 'time';
}

type Attributes<F extends string> = Record<string, Target<F> | 'all'>;

const USER_ATTRIBUTES: Attributes<UserField> = {
  id: { field: 'id' },
  username: { field: 'userName' },
  externalid: { field: 'externalId' },
  displayname: { field: 'fullName' },
  'name.formatted': { field: 'fullName' },
  'name.givenname': { field: 'firstName' },
  'name.familyname': { field: 'lastName' },
  emails: { field: 'email' },
  'emails.value': { field: 'email' },
  phonenumbers: { field: 'phone' },
  'phonenumbers.value': { field: 'phone' },
  active: { field: 'active', type: 'bool' },
  'meta.created': { field: 'createdAt', type: 'time' },
  'meta.lastmodified': { field: 'updatedAt', type: 'time' },
  employeenumber: { field: 'employeeNumber' },
  department: { field: 'department' },
  role: { field: 'role' },
  schemas: 'all',
  'meta.resourcetype': 'all',
};

const GROUP_ATTRIBUTES: Attributes<GroupField> = {
  id: { field: 'id' },
  displayname: { field: 'name' },
  externalid: { field: 'externalId' },
  members: { field: 'member' },
  'members.value': { field: 'member' },
  'meta.created': { field: 'createdAt', type: 'time' },
  'meta.lastmodified': { field: 'updatedAt', type: 'time' },
  schemas: 'all',
  'meta.resourcetype': 'all',
};

/** An attribute path without its schema URN, lower-cased (SCIM attribute names ignore case). */
export function normalizePath(path: string): string {
  let rest = path;
  for (const urn of [USER_SCHEMA, GROUP_SCHEMA, ENTERPRISE_SCHEMA, ROSTER_SCHEMA]) {
    if (rest.toLowerCase().startsWith(`${urn.toLowerCase()}:`)) {
      rest = rest.slice(urn.length + 1);
    }
  }
  return rest.toLowerCase();
}

/** Sub-attributes of a multi-valued attribute inside `attr[...]`: `value` is the value; type/primary any. */
function insideValuePath<F extends string>(
  attributes: Attributes<F>,
  parent: string,
  f: Filter,
): Predicate<F> {
  if (f.op === 'and' || f.op === 'or') {
    return { kind: f.op, items: f.filters.map((g) => insideValuePath(attributes, parent, g)) };
  }
  if (f.op === 'not') {
    return { kind: 'not', item: insideValuePath(attributes, parent, f.filter) };
  }
  if (f.op === '[]') {
    throw scimError('invalidFilter', `A value filter cannot be nested in ${parent}[...]`);
  }
  const e = f as AttrExp;
  const sub = e.attrPath.toLowerCase();
  if (sub === 'value') {
    return translate(attributes, { ...e, attrPath: `${parent}.value` });
  }
  if (sub === 'type' || sub === 'primary' || sub === 'display') {
    // Every user has a primary work address; further ones are listed as "other". Roster keeps
    // no type per value, so these sub-attributes narrow nothing.
    return { kind: 'all' };
  }
  throw scimError('invalidFilter', `Unknown sub-attribute "${e.attrPath}" of ${parent}`);
}

function literal(
  target: { type?: 'bool' | 'time' },
  path: string,
  value: unknown,
): string | number | boolean | null {
  if (target.type === 'bool') {
    if (typeof value === 'boolean') {
      return value;
    }
    if (typeof value === 'string' && /^(true|false)$/i.test(value)) {
      return value.toLowerCase() === 'true';
    }
    throw scimError('invalidFilter', `${path} is compared with true or false, not ${JSON.stringify(value)}`);
  }
  if (target.type === 'time' && (typeof value !== 'string' || Number.isNaN(Date.parse(value)))) {
    throw scimError('invalidFilter', `${path} is compared with a date-time, not ${JSON.stringify(value)}`);
  }
  return value as string | number | boolean | null;
}

function translate<F extends string>(attributes: Attributes<F>, f: Filter): Predicate<F> {
  switch (f.op) {
    case 'and':
    case 'or':
      return { kind: f.op, items: f.filters.map((g) => translate(attributes, g)) };
    case 'not':
      return { kind: 'not', item: translate(attributes, f.filter) };
    case '[]':
      return insideValuePath(attributes, normalizePath(f.attrPath), f.valFilter);
    default: {
      const path = normalizePath(f.attrPath);
      const target = attributes[path];
      if (target === undefined) {
        throw scimError(
          'invalidFilter',
          `The filter names "${f.attrPath}", which is not a filterable attribute`,
        );
      }
      if (target === 'all') {
        return f.op === 'pr' || f.op === 'eq' || f.op === 'co' || f.op === 'sw'
          ? { kind: 'all' }
          : { kind: 'none' };
      }
      if (f.op === 'pr') {
        return { kind: 'present', field: target.field };
      }
      if (target.type === 'bool' && f.op !== 'eq' && f.op !== 'ne') {
        throw scimError('invalidFilter', `${f.attrPath} takes only eq and ne`);
      }
      const op = f.op as CompareOp;
      return { kind: 'compare', field: target.field, op, value: literal(target, f.attrPath, f.compValue) };
    }
  }
}

/** Parses a SCIM filter with scim2-parse-filter. @throws invalidFilter. */
function parseFilter(text: string): Filter {
  if (text.length > 2000) {
    throw scimError('invalidFilter', 'filter is longer than 2000 characters');
  }
  try {
    return parse(text);
  } catch (err) {
    throw scimError('invalidFilter', `filter cannot be parsed: ${(err as Error).message}`);
  }
}

/** The predicate on agents a `/Users` filter asks for; none: every agent. @throws invalidFilter. */
export function userFilter(text: string | undefined): Predicate<UserField> {
  return text === undefined || text.trim() === ''
    ? { kind: 'all' }
    : translate(USER_ATTRIBUTES, parseFilter(text));
}

/** The predicate on teams a `/Groups` filter asks for. @throws invalidFilter. */
export function groupFilter(text: string | undefined): Predicate<GroupField> {
  return text === undefined || text.trim() === ''
    ? { kind: 'all' }
    : translate(GROUP_ATTRIBUTES, parseFilter(text));
}
