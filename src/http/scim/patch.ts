import {
  InvalidScimPatch,
  ScimError,
  type ScimPatchOperation,
  type ScimResource,
  scimPatch,
} from 'scim-patch';
import { scimError } from './errors.js';

/** Names that would reach an object's prototype if a path or key walked through them. */
const POISON = new Set(['__proto__', 'constructor', 'prototype']);

/** One operation of a PatchOp body as it arrives (op case and shapes vary by identity provider). */
export interface PatchOperation {
  op: string;
  path?: string;
  value?: unknown;
}

/** @throws invalidPath when a segment of `text` (split on `.`, `:`, `[`, `]`, quotes, spaces) is a poison name. */
function assertNoPoison(text: string, where: string): void {
  for (const segment of text.split(/[.:[\]"\s]+/)) {
    if (POISON.has(segment.toLowerCase())) {
      throw scimError('invalidPath', `${where} names "${segment}", which is not an attribute`);
    }
  }
}

function assertValueSafe(value: unknown, where: string, depth = 0): void {
  if (depth > 8) {
    throw scimError('invalidValue', `${where} is nested too deeply`);
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      assertValueSafe(v, `${where}[${i}]`, depth + 1);
    });
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const key of Reflect.ownKeys(value)) {
      const name = String(key);
      assertNoPoison(name, `${where} key "${name}"`);
      assertValueSafe((value as Record<string, unknown>)[name], `${where}.${name}`, depth + 1);
    }
  }
}

/**
 * Entra's legacy member removal, `remove` on `members` with a value array of `{value}`: one
 * removal by value filter per entry, so entries match by their value whatever else they carry
 * (scim-patch would compare whole objects, and `{value}` never equals `{value, display}`).
 */
function removeByValue(path: string, value: unknown, i: number): ScimPatchOperation[] {
  const items = Array.isArray(value) ? value : [value];
  return items.map((item, j) => {
    const v = (item as { value?: unknown } | null)?.value;
    if (typeof v !== 'string' || v.includes('"') || path.includes('[')) {
      throw scimError('invalidValue', `Operations[${i}].value[${j}] must be an object with a string value`);
    }
    return { op: 'remove', path: `${path}[value eq "${v}"]` };
  });
}

/**
 * Applies a PatchOp's operations to a copy of `resource` with scim-patch, as identity providers
 * send them: `op` in any case (Entra's Add/Replace/Remove), path-less operations with dotted or
 * URN-prefixed keys, value filters. Paths and keys naming __proto__, constructor or prototype are
 * refused before the library sees them (it would follow them into Object.prototype).
 * @throws invalidPath; invalidValue; invalidSyntax; noTarget (as SCIM errors).
 */
export function applyPatch<T extends object>(resource: T, operations: PatchOperation[]): T {
  const ops = operations.flatMap((o, i): ScimPatchOperation[] => {
    const op = typeof o.op === 'string' ? o.op.toLowerCase() : '';
    if (op !== 'add' && op !== 'replace' && op !== 'remove') {
      throw scimError(
        'invalidSyntax',
        `Operations[${i}].op must be add, replace or remove, not ${JSON.stringify(o.op)}`,
      );
    }
    if (o.path !== undefined) {
      assertNoPoison(o.path, `Operations[${i}].path`);
    }
    assertValueSafe(o.value, `Operations[${i}].value`);
    if (op === 'remove') {
      if (o.path === undefined || o.path === '') {
        throw scimError('noTarget', `Operations[${i}] removes without a path`);
      }
      return o.value === undefined ? [{ op, path: o.path }] : removeByValue(o.path, o.value, i);
    }
    if (!('value' in o) || o.value === undefined) {
      throw scimError('invalidValue', `Operations[${i}] (${op}) has no value`);
    }
    return [o.path === undefined ? { op, value: o.value } : { op, path: o.path, value: o.value }];
  });
  const copy = structuredClone(resource) as unknown as ScimResource;
  try {
    return scimPatch(copy, ops, { mutateDocument: true, treatMissingAsAdd: true }) as unknown as T;
  } catch (err) {
    if (err instanceof ScimError) {
      const type =
        err.scimCode === 'noTarget' ? 'noTarget' : /path/i.test(err.message) ? 'invalidPath' : 'invalidValue';
      throw scimError(type, err.message);
    }
    if (err instanceof InvalidScimPatch || err instanceof TypeError) {
      throw scimError('invalidPath', `The PATCH cannot be applied: ${(err as Error).message}`);
    }
    throw err;
  }
}
