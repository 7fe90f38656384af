import { scimError } from './errors.js';
import { normalizePath } from './filter.js';
import { DEFAULT_COUNT, ENTERPRISE_SCHEMA, MAX_RESULTS, ROSTER_SCHEMA } from './schemas-urn.js';
import type { Json } from './users.js';

/** Query parameters of SCIM reads. */
export interface ScimQuery {
  filter?: string;
  startIndex?: string;
  count?: string;
  attributes?: string;
  excludedAttributes?: string;
}

function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') {
    return undefined;
  }
  if (!/^-?\d{1,10}$/.test(value.trim())) {
    throw scimError('invalidValue', `${name} must be an integer`);
  }
  return Number(value);
}

/** SCIM paging: startIndex is 1-based (below 1 counts as 1); count below 0 is 0 and above maxResults is capped. */
export function pageOf(query: ScimQuery): { startIndex: number; count: number } {
  const startIndex = Math.max(1, integer(query.startIndex, 'startIndex') ?? 1);
  const count = Math.min(MAX_RESULTS, Math.max(0, integer(query.count, 'count') ?? DEFAULT_COUNT));
  return { startIndex, count };
}

/** Attribute names of a comma-separated list, each as a path of lower-case segments. */
function pathsOf(list: string | undefined): string[][] | null {
  if (list === undefined || list.trim() === '') {
    return null;
  }
  return list.split(',').map((raw) => {
    const name = raw.trim();
    const lower = name.toLowerCase();
    for (const urn of [ENTERPRISE_SCHEMA, ROSTER_SCHEMA]) {
      if (lower === urn.toLowerCase()) {
        return [urn.toLowerCase()];
      }
      if (lower.startsWith(`${urn.toLowerCase()}:`)) {
        return [urn.toLowerCase(), ...lower.slice(urn.length + 1).split('.')];
      }
    }
    return normalizePath(name).split('.');
  });
}

/** Attributes returned whatever the request asks (RFC 7643 `returned: always`). */
const ALWAYS = new Set(['id', 'schemas']);

function keyOf(obj: Json, lower: string): string | undefined {
  return Object.keys(obj).find((k) => k.toLowerCase() === lower);
}

function pick(source: Json, target: Json, path: string[]): void {
  const [head, ...rest] = path;
  const key = head === undefined ? undefined : keyOf(source, head);
  if (key === undefined) {
    return;
  }
  const value = source[key];
  if (rest.length === 0 || typeof value !== 'object' || value === null || Array.isArray(value)) {
    target[key] = Array.isArray(value) && rest.length > 0 ? value.map((v) => pickOne(v, rest)) : value;
    return;
  }
  const inner = (target[key] as Json | undefined) ?? {};
  pick(value as Json, inner, rest);
  target[key] = inner;
}

function pickOne(value: unknown, rest: string[]): unknown {
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  const out: Json = {};
  pick(value as Json, out, rest);
  return out;
}

function drop(target: Json, path: string[]): void {
  const [head, ...rest] = path;
  const key = head === undefined ? undefined : keyOf(target, head);
  if (key === undefined || ALWAYS.has(key)) {
    return;
  }
  if (rest.length === 0) {
    delete target[key];
    return;
  }
  const value = target[key];
  if (Array.isArray(value)) {
    target[key] = value.map((v) => {
      const copy = typeof v === 'object' && v !== null ? { ...(v as Json) } : v;
      if (typeof copy === 'object' && copy !== null) {
        drop(copy as Json, rest);
      }
      return copy;
    });
  } else if (typeof value === 'object' && value !== null) {
    const copy = { ...(value as Json) };
    drop(copy, rest);
    target[key] = copy;
  }
}

/** Applies `attributes` (only these, plus id and schemas) or `excludedAttributes` to one resource. */
export function project(resource: Json, query: ScimQuery): Json {
  const only = pathsOf(query.attributes);
  if (only !== null) {
    const out: Json = { schemas: resource.schemas, id: resource.id };
    for (const path of only) {
      pick(resource, out, path);
    }
    return out;
  }
  const excluded = pathsOf(query.excludedAttributes);
  if (excluded === null) {
    return resource;
  }
  const out: Json = { ...resource };
  for (const path of excluded) {
    drop(out, path);
  }
  return out;
}

/** Whether a group's members must be read: not when `members` is excluded or not asked for. */
export function wantsMembers(query: ScimQuery): boolean {
  const only = pathsOf(query.attributes);
  if (only !== null) {
    return only.some((p) => p[0] === 'members');
  }
  return !(pathsOf(query.excludedAttributes) ?? []).some((p) => p[0] === 'members' && p.length === 1);
}
