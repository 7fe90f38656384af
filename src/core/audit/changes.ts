/**
 * What an audit record says a change did: each changed field, named as the /v1 API names it
 * (snake_case), with its value before and after.
 */
export type AuditChanges = Record<string, [unknown, unknown]>;

/** What replaces a secret in an audit record's changes. */
export const REDACTED = '[redacted]';

/** Fields whose values never reach the audit log, whichever row they belong to. */
const SECRET_FIELDS: ReadonlySet<string> = new Set(['keyHash', 'secret', 'previousSecret']);

const redact = (value: unknown) => (value === null ? null : REDACTED);

const snakeCase = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** JSON with object keys sorted, so that values equal but for key order compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * The fields among `keys` whose values differ between `before` and `after` (two states of one
 * row), each as [before, after] under its snake_case name; secrets redacted. Fields that did not
 * change are left out, so a write that changed nothing yields `{}`.
 */
export function fieldChanges<T extends object>(
  before: T,
  after: T,
  keys: readonly (keyof T & string)[],
): AuditChanges {
  const changes: AuditChanges = {};
  for (const key of keys) {
    const was = before[key] ?? null;
    const is = after[key] ?? null;
    if (canonical(was) !== canonical(is)) {
      changes[snakeCase(key)] = SECRET_FIELDS.has(key) ? [redact(was), redact(is)] : [was, is];
    }
  }
  return changes;
}
