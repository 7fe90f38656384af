import fc from 'fast-check';
import { toWebexId } from '../../src/http/compat/webex/ids.js';
import type { Schema } from './openapi.js';

/**
 * Values from JSON Schemas for the fuzzer: `allowedValue` draws values a schema allows (ids often taken
 * from rows that exist, so handlers run), `nastyValue` draws values most schemas forbid or that
 * stress a server (wrong types, huge strings, odd unicode, bad UUIDs, deeply nested JSON).
 * Whether a request is valid is never assumed from how it was drawn: the oracle decides.
 */

/** Which rows an id names, guessed from a parameter's or field's name. */
export type IdKind = 'agent' | 'team' | 'org' | 'key' | 'status' | 'actingOrg' | 'any';

/** Ids of live rows by kind; read at generation time, as deletes replace rows during a run. */
export interface Pools {
  values(kind: IdKind): readonly string[];
}

/** A chunk of JSON text embedded verbatim in a body: deep nesting, or a huge string, printed short. */
export class RawJson {
  constructor(
    readonly label: string,
    readonly text: string,
  ) {}
  [fc.toStringMethod](): string {
    return `RawJson(${this.label})`;
  }
}

/** The kind of id a path parameter names: `{id}` after `/agents`, `{teamId}`, `{project_id}`... */
export function kindOfParameter(path: string, name: string): IdKind | null {
  if (name === 'id') {
    const collection = /\/([^/{}]+)\/\{id\}/.exec(path)?.[1] ?? '';
    const byCollection: Record<string, IdKind> = {
      orgs: 'org',
      'api-keys': 'key',
      agents: 'agent',
      teams: 'team',
      supervisors: 'agent',
    };
    return byCollection[collection] ?? 'any';
  }
  if (name === 'key' && path.includes('presence-statuses')) {
    return 'status';
  }
  return kindOfName(name);
}

/** The kind of id a field or query parameter holds, from its name. */
export function kindOfName(name: string): IdKind | null {
  if (/^(org_?id|orgId|project_id)$/.test(name)) {
    return 'actingOrg';
  }
  if (/^(agent|user|member|supervisor|project_user)_?ids?$/i.test(name)) {
    return 'agent';
  }
  if (/^team_?ids?$/i.test(name)) {
    return 'team';
  }
  if (/^id$|(_id|Id)s?$/.test(name)) {
    return 'any';
  }
  return null;
}

const UUID_EDGE = [
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '00000000-0000-7000-8000-000000000001',
];

/** An id of `kind`: a live row's in one of its spellings (lower, upper, `urn:uuid:`, Webex), or any UUID. */
function idArb(kind: IdKind, pools: Pools): fc.Arbitrary<string> {
  const live = fc.tuple(fc.nat(), fc.nat({ max: 9 })).map(([i, form]) => {
    const values = pools.values(kind);
    const id = values.length === 0 ? (UUID_EDGE[2] as string) : (values[i % values.length] as string);
    if (form === 7) {
      return id.toUpperCase();
    }
    if (form === 8) {
      return `urn:uuid:${id}`;
    }
    if (form === 9 && /^[0-9a-f-]{36}$/.test(id)) {
      return toWebexId(kind === 'actingOrg' || kind === 'org' ? 'ORGANIZATION' : 'PEOPLE', id);
    }
    return id;
  });
  return fc.oneof(
    { weight: 6, arbitrary: live },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.constantFrom(...UUID_EDGE) },
  );
}

const CHARS = ['x', 'é', '𝕏', '中', ' ', '\u0301'];

/** A string of `min`..`max` code points: ASCII, any graphemes, any code points, or exactly `max` long. */
function textArb(min: number, max: number | undefined): fc.Arbitrary<string> {
  const cap = Math.max(min, Math.min(max ?? 40, 40));
  const options: fc.WeightedArbitrary<string>[] = [
    { weight: 4, arbitrary: fc.string({ minLength: min, maxLength: cap, unit: 'grapheme-ascii' }) },
    { weight: 2, arbitrary: fc.string({ minLength: min, maxLength: cap, unit: 'grapheme' }) },
    { weight: 1, arbitrary: fc.string({ minLength: min, maxLength: cap, unit: 'binary' }) },
  ];
  if (max !== undefined && max <= 100_000) {
    // Exactly the longest string allowed, in 1- to 4-byte UTF-8 characters and combining marks.
    options.push({
      weight: 1,
      arbitrary: fc.constantFrom(...CHARS).map((c) => c.repeat(Math.max(max, min))),
    });
  }
  return fc.oneof(...options);
}

function stringArb(schema: Schema, kind: IdKind | null, pools: Pools): fc.Arbitrary<string> {
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : undefined;
  switch (schema.format) {
    case 'uuid':
      return idArb(kind ?? 'any', pools);
    case 'email':
      return fc.oneof(
        fc.emailAddress(),
        fc.tuple(fc.nat(), fc.constantFrom('', '+tag', '.x')).map(([n, s]) => `fuzz-${n}${s}@example.com`),
      );
    case 'date-time':
      return fc
        .date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2200-01-01T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString());
    case 'uri':
      return fc.webUrl({ withQueryParameters: true, withFragments: true });
    default:
      break;
  }
  if (typeof schema.pattern === 'string') {
    const pattern = new RegExp(schema.pattern);
    if (kind === 'status') {
      return fc.oneof(idArb('status', pools), fc.stringMatching(pattern));
    }
    return fc.stringMatching(pattern);
  }
  if (kind !== null) {
    return fc.oneof(idArb(kind, pools), textArb(min, max));
  }
  return textArb(min, max);
}

function integerArb(schema: Schema): fc.Arbitrary<number> {
  const min = typeof schema.minimum === 'number' ? schema.minimum : undefined;
  const max = typeof schema.maximum === 'number' ? schema.maximum : undefined;
  const lo = min ?? -1_000_000;
  const hi = max ?? Math.max(lo, 0) + 1_000_000;
  const edges = [lo, hi];
  if (max === undefined) {
    // Unbounded integers: JSON and the schema allow any size, the database does not.
    edges.push(2 ** 31, 2 ** 53 - 1, 1e300);
  }
  if (min === undefined) {
    edges.push(-(2 ** 31) - 1, -(2 ** 53) + 1, -1e300);
  }
  return fc.oneof({ weight: 4, arbitrary: fc.integer({ min: lo, max: hi }) }, fc.constantFrom(...edges));
}

function typesOf(schema: Schema): string[] {
  if (Array.isArray(schema.type)) {
    return schema.type as string[];
  }
  return typeof schema.type === 'string' ? [schema.type] : [];
}

/** A value `schema` allows (or, for formats Ajv judges differently from fast-check, almost). */
export function allowedValue(
  schema: Schema,
  pools: Pools,
  kind: IdKind | null = null,
): fc.Arbitrary<unknown> {
  if ('const' in schema) {
    return fc.constant(schema.const);
  }
  if (Array.isArray(schema.enum)) {
    return fc.constantFrom(...(schema.enum as unknown[]));
  }
  const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (Array.isArray(branches)) {
    return fc.oneof(...branches.map((b) => allowedValue(b, pools, kind)));
  }
  const types = typesOf(schema);
  if (types.length > 1) {
    return fc.oneof(...types.map((type) => allowedValue({ ...schema, type }, pools, kind)));
  }
  switch (types[0]) {
    case 'string':
      return stringArb(schema, kind, pools);
    case 'integer':
      return integerArb(schema);
    case 'number':
      return fc.double({
        noNaN: true,
        noDefaultInfinity: true,
        ...(typeof schema.minimum === 'number' ? { min: schema.minimum } : {}),
        ...(typeof schema.maximum === 'number' ? { max: schema.maximum } : {}),
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return arrayArb(schema, pools, kind);
    case 'object':
      return objectArb(schema, pools);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function arrayArb(schema: Schema, pools: Pools, kind: IdKind | null): fc.Arbitrary<unknown[]> {
  const item = allowedValue((schema.items as Schema | undefined) ?? {}, pools, kind);
  const minLength = typeof schema.minItems === 'number' ? schema.minItems : 0;
  const maxLength = Math.max(
    minLength,
    Math.min(typeof schema.maxItems === 'number' ? schema.maxItems : 5, 5),
  );
  if (schema.uniqueItems === true) {
    return fc.uniqueArray(item, { minLength, maxLength, selector: (v) => JSON.stringify(v) });
  }
  return fc.array(item, { minLength, maxLength });
}

function objectArb(schema: Schema, pools: Pools): fc.Arbitrary<Record<string, unknown>> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required ?? []) as string[]);
  const names = Object.keys(properties);
  const extra = schema.additionalProperties;
  if (names.length === 0 && extra !== false) {
    // A free-form object (attributes, settings): any JSON, a few keys.
    const values =
      typeof extra === 'object' && extra !== null
        ? allowedValue(extra as Schema, pools)
        : fc.jsonValue({ maxDepth: 3 });
    const maxKeys = Math.min(typeof schema.maxProperties === 'number' ? schema.maxProperties : 4, 4);
    return fc.dictionary(fc.string({ maxLength: 20, unit: 'grapheme' }), values, { maxKeys });
  }
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const name of names) {
    model[name] = allowedValue(properties[name] as Schema, pools, kindOfName(name));
  }
  for (const name of required) {
    model[name] ??= fc.jsonValue({ maxDepth: 1 });
  }
  return fc.record(model, { requiredKeys: [...required] }) as fc.Arbitrary<Record<string, unknown>>;
}

const deep = (depth: number, shape: 'array' | 'object') =>
  shape === 'array'
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** Values that break most schemas or stress a server. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.constantFrom<unknown>(
      null,
      true,
      false,
      0,
      -1,
      1.5,
      -0.5,
      1e300,
      -1e300,
      2 ** 53 + 2,
      '',
      ' ',
      '\t\n',
      'null',
      'true',
      '0',
      '-1',
      '1.5',
      '1e300',
      'NaN',
      'Infinity',
      'not-a-uuid',
      '00000000-0000-0000-0000-00000000000g',
      '00000000-0000-0000-0000-0000000000000',
      '{00000000-0000-0000-0000-000000000000}',
      '00000000000000000000000000000000',
      "' OR '1'='1",
      '"; DROP TABLE agents; --',
      '\\',
      '%',
      '%00',
      '../../etc/passwd',
      '<script>alert(1)</script>',
      '\u202e\u0645\u0631\u062d\u0628\u0627',
      '\ud800',
      '\udfff\ud800',
      '\u0000',
      '😀😀😀',
      '\u0301',
      '\ufeff',
      [],
      {},
      [null],
      [[]],
      { '': null },
    ),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        length: fc.constantFrom(101, 256, 1_001, 10_001, 100_001, 200_001),
        char: fc.constantFrom(...CHARS),
      })
      .map(({ length, char }) => new RawJson(`"${char}"×${length}`, JSON.stringify(char.repeat(length)))),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({
        depth: fc.constantFrom(16, 256, 2_000, 20_000),
        shape: fc.constantFrom<'array' | 'object'>('array', 'object'),
      })
      .map(({ depth, shape }) => new RawJson(`${shape} nested ${depth} deep`, deep(depth, shape))),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(1_001, 10_000)
      .map(
        (n) =>
          new RawJson(`array of ${n} strings`, JSON.stringify(Array.from({ length: n }, (_, i) => `x${i}`))),
      ),
  },
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.uuid(),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 3 }),
);

/** The JSON text of a value that may hold RawJson chunks. */
export function toJsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof RawJson) {
      raws.push(v.text);
      return `\u0000raw${raws.length - 1}\u0000`;
    }
    return v;
  });
  if (text === undefined) {
    return 'null';
  }
  return raws.length === 0
    ? text
    : text.replace(/"\\u0000raw(\d+)\\u0000"/g, (_m, i: string) => raws[Number(i)] as string);
}

/** The text a value takes in a URL (path segment, query value or header). */
export function asText(value: unknown): string {
  if (value instanceof RawJson) {
    const parsed: unknown = value.text.length < 2_000_000 ? JSON.parse(value.text) : value.text;
    return typeof parsed === 'string' ? parsed : value.text;
  }
  if (typeof value === 'string') {
    return value;
  }
  return value === undefined ? '' : JSON.stringify(value);
}
