import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import {
  allowedValue,
  asText,
  type IdKind,
  kindOfName,
  kindOfParameter,
  nastyValue,
  type Pools,
  RawJson,
  toJsonText,
} from './generate.js';
import type { Operation, Parameter, Schema } from './openapi.js';

/**
 * One fuzz case of an operation: values the schemas allow, then maybe one mutation. The oracle
 * validates the request as the server's Ajv would (bodies uncoerced, path/query/headers coerced
 * from text, defaults applied) and so says whether the schemas forbid it.
 */

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** Ajv as the server configures it (the `x-lowercase` keyword only rewrites, so is ignored). */
export function newAjv(coerceTypes: false | 'array'): Ajv2020 {
  return addFormats(
    new Ajv2020({ allErrors: false, removeAdditional: false, useDefaults: true, strict: false, coerceTypes }),
  );
}

const MUTATIONS = [
  'param-nasty',
  'param-drop',
  'param-repeat',
  'body-nasty',
  'body-drop',
  'body-extra',
  'body-root',
  'body-none',
  'body-empty',
  'body-text',
] as const;
type MutationKind = (typeof MUTATIONS)[number];

interface Mutation {
  kind: MutationKind;
  pick: number;
  nasty: unknown;
  key: string;
  text: string;
}

export interface Case {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  body: unknown;
  charset: boolean;
  mutation: Mutation | null;
}

export interface FuzzRequest {
  method: Operation['method'];
  url: string;
  headers: Record<string, string>;
  payload?: string;
  /** The schemas forbid it, and why. */
  invalid: string | null;
  mutation: string;
}

export interface OperationFuzzer {
  cases: fc.Arbitrary<Case>;
  build(c: Case, credentials: Record<string, string>): FuzzRequest;
}

const EXTRA_KEYS = ['__fuzz_unknown', 'constructor', '__proto__', '', 'é', 'a'.repeat(300)];
const BAD_TEXT = [
  '{',
  '{"a":',
  '[1,]',
  'nul',
  "{'a': 1}",
  '{"a": 1} trailing',
  '\ufeff{}',
  '{"a":1,"a":2}',
  'NaN',
  '1e999',
];

/** Every place in a JSON value: its path and whether it is an object (a place to add keys). */
function places(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(path);
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      places(item, [...path, i], out);
    }
  } else if (value !== null && typeof value === 'object' && !(value instanceof RawJson)) {
    for (const [key, item] of Object.entries(value)) {
      places(item, [...path, key], out);
    }
  }
  return out;
}

function setOwn(target: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A copy of `root` with the value at `path` replaced (or removed, or given an extra key). */
function edit(
  root: unknown,
  path: (string | number)[],
  change: (parent: Record<string | number, unknown>, key: string | number) => void,
): unknown {
  const copy = structuredClone(root) as unknown;
  let parent = copy as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) {
    parent = parent[step] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (last !== undefined) {
    change(parent, last);
  }
  return copy;
}

/** Percent-encodes a path segment or query value; lone surrogates go out as CESU-8 bytes. */
function encode(text: string): string {
  let out = '';
  for (const char of text) {
    try {
      out += encodeURIComponent(char);
    } catch {
      const unit = char.charCodeAt(0);
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    }
  }
  return out;
}

const HEADER_SAFE = /^[\x20-\x7e]*$/;

function objectSchema(parameters: Parameter[]): Schema {
  return {
    type: 'object',
    properties: Object.fromEntries(
      parameters.map((p) => [p.in === 'header' ? p.name.toLowerCase() : p.name, p.schema]),
    ),
    required: parameters
      .filter((p) => p.required)
      .map((p) => (p.in === 'header' ? p.name.toLowerCase() : p.name)),
  };
}

function parameterArb(op: Operation, p: Parameter, pools: Pools): fc.Arbitrary<unknown> {
  const kind: IdKind | null = p.in === 'path' ? kindOfParameter(op.path, p.name) : kindOfName(p.name);
  const value = allowedValue(p.schema, pools, kind);
  return p.in === 'header' ? value.filter((v) => HEADER_SAFE.test(asText(v))) : value;
}

export function fuzzerFor(op: Operation, pools: Pools): OperationFuzzer {
  const text = newAjv('array');
  const json = newAjv(false);
  const byPlace = (where: Parameter['in']) => op.parameters.filter((p) => p.in === where);
  const pathParams = byPlace('path');
  const queryParams = byPlace('query');
  const headerParams = byPlace('header');
  const validators: [string, Parameter[], ValidateFunction][] = (
    [
      ['path', pathParams],
      ['query', queryParams],
      ['header', headerParams],
    ] as const
  ).map(([where, params]) => [where, params, text.compile(objectSchema(params))]);
  const validateBody = op.body === null ? null : json.compile(op.body.schema);
  const bodyAllowed =
    op.method === 'POST' || op.method === 'PUT' || op.method === 'PATCH' || op.body !== null;

  const record = (params: Parameter[]) =>
    fc.record(Object.fromEntries(params.map((p) => [p.name, parameterArb(op, p, pools)])), {
      requiredKeys: params.filter((p) => p.required).map((p) => p.name),
    }) as fc.Arbitrary<Record<string, unknown>>;

  const kinds = MUTATIONS.filter((kind) => {
    if (kind.startsWith('param-')) {
      return op.parameters.length > 0;
    }
    return kind === 'body-text' || kind === 'body-empty' ? bodyAllowed : op.body !== null;
  });
  // An operation without parameters or body (GET /beta/teams) can only be sent valid.
  const mutation: fc.Arbitrary<Mutation | null> =
    kinds.length === 0
      ? fc.constant(null)
      : fc.record({
          kind: fc.constantFrom(...kinds),
          pick: fc.nat(),
          nasty: nastyValue,
          key: fc.constantFrom(...EXTRA_KEYS),
          text: fc.constantFrom(...BAD_TEXT),
        });

  const cases: fc.Arbitrary<Case> = fc.record({
    path: record(pathParams),
    query: record(queryParams),
    headers: record(headerParams),
    body: op.body === null ? fc.constant(undefined) : allowedValue(op.body.schema, pools),
    charset: fc.boolean(),
    mutation: fc.option(mutation, { freq: 2, nil: null }),
  });

  function build(c: Case, credentials: Record<string, string>): FuzzRequest {
    const values: Record<string, Record<string, unknown>> = {
      path: { ...c.path },
      query: { ...c.query },
      header: { ...c.headers },
    };
    let body: unknown = c.body;
    let payload: string | undefined;
    let contentType = c.charset ? 'application/json; charset=utf-8' : 'application/json';
    const m = c.mutation;
    let described = 'none';
    if (m !== null) {
      described = m.kind;
      if (m.kind.startsWith('param-')) {
        const p = op.parameters[m.pick % op.parameters.length] as Parameter;
        const at = values[p.in] as Record<string, unknown>;
        described = `${m.kind} ${p.in}.${p.name}`;
        if (m.kind === 'param-drop' && p.in !== 'path') {
          delete at[p.name];
        } else if (m.kind === 'param-repeat' && p.in === 'query') {
          at[p.name] = [asText(at[p.name] ?? 'a'), asText(m.nasty)];
        } else {
          const nasty = asText(m.nasty);
          at[p.name] = p.in === 'header' && !HEADER_SAFE.test(nasty) ? 'not-a-uuid' : nasty;
          described += ` = ${JSON.stringify(nasty.slice(0, 60))}${nasty.length > 60 ? `…(${nasty.length})` : ''}`;
        }
      } else if (m.kind === 'body-nasty' || m.kind === 'body-drop' || m.kind === 'body-extra') {
        const all = places(body);
        if (m.kind === 'body-extra') {
          const objects = all.filter((path) => {
            const v = path.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], body);
            return v !== null && typeof v === 'object' && !Array.isArray(v);
          });
          const path = objects[m.pick % Math.max(objects.length, 1)];
          if (path !== undefined) {
            const copy = structuredClone(body) as unknown;
            const target = path.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], copy);
            setOwn(target as Record<string, unknown>, m.key, m.nasty);
            body = copy;
            described = `body-extra at /${path.join('/')} key ${JSON.stringify(m.key.slice(0, 20))}`;
          }
        } else {
          const inner = all.slice(1);
          const path = inner[m.pick % Math.max(inner.length, 1)];
          if (path === undefined) {
            body = m.nasty;
          } else if (m.kind === 'body-drop') {
            body = edit(body, path, (parent, key) => {
              if (Array.isArray(parent)) {
                parent.splice(Number(key), 1);
              } else {
                delete parent[key];
              }
            });
          } else {
            const nasty = m.nasty;
            body = edit(body, path, (parent, key) => setOwn(parent, key, nasty));
          }
          described = `${m.kind} at /${(path ?? []).join('/')}`;
        }
      } else if (m.kind === 'body-root') {
        body = m.nasty;
      }
      if (m.kind === 'body-nasty' || m.kind === 'body-root' || m.kind === 'body-extra') {
        described += ` -> ${String(fc.stringify(m.nasty)).slice(0, 60)}`;
      }
    }

    if (m?.kind === 'body-none') {
      payload = undefined;
    } else if (m?.kind === 'body-empty') {
      payload = '';
    } else if (m?.kind === 'body-text') {
      const odd = m.pick % 3;
      payload = odd === 0 ? m.text : toJsonText(body);
      if (odd === 1) {
        contentType = 'text/plain';
      } else if (odd === 2) {
        contentType = 'application/x-www-form-urlencoded';
      }
      described = `body-text ${contentType} ${JSON.stringify(payload.slice(0, 40))}`;
    } else if (op.body !== null) {
      payload = toJsonText(body);
    }

    // An empty, `.` or `..` path segment never reaches the route as a value: URL parsers resolve
    // dot segments and an empty one changes the path. Such values are sent with a suffix.
    for (const [name, value] of Object.entries(values.path as Record<string, unknown>)) {
      const segment = asText(value);
      if (segment === '' || segment === '.' || segment === '..') {
        (values.path as Record<string, unknown>)[name] = `${segment}_`;
      }
    }

    // The oracle: does any schema forbid this request?
    let invalid: string | null = null;
    for (const [where, , validate] of validators) {
      const given = values[where] as Record<string, unknown>;
      const asSent: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(given)) {
        asSent[where === 'header' ? name.toLowerCase() : name] =
          Array.isArray(value) && where === 'query' ? value : asText(value);
      }
      if (!validate(asSent)) {
        invalid = `${where}: ${text.errorsText(validate.errors)}`;
        break;
      }
    }
    // An empty (or blank) JSON body is taken as no body (src/http/app.ts), as real clients send
    // bodiless POSTs and DELETEs: where the body is optional, that is allowed.
    const bodyLeftOut =
      (payload === undefined || payload.trim() === '') && op.body !== null && !op.body.required;
    if (invalid === null && op.body !== null && validateBody !== null && !bodyLeftOut) {
      if (payload === undefined || payload === '') {
        invalid = 'body: missing';
      } else if (!contentType.startsWith('application/json')) {
        invalid = `body: ${contentType} is not a documented media type`;
      } else {
        let parsed: unknown;
        try {
          // Like Fastify's parser, a leading byte order mark is ignored.
          parsed = JSON.parse(payload.replace(/^\ufeff/, ''));
        } catch {
          invalid = 'body: not JSON';
        }
        if (invalid === null && !validateBody(parsed)) {
          invalid = `body: ${json.errorsText(validateBody.errors)}`;
        }
      }
    }

    const path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encode(asText(values.path?.[name])));
    const query = Object.entries(values.query as Record<string, unknown>).flatMap(([name, value]) =>
      (Array.isArray(value) ? value : [value]).map((v) => `${encode(name)}=${encode(asText(v))}`),
    );
    const headers: Record<string, string> = { ...credentials };
    for (const [name, value] of Object.entries(values.header as Record<string, unknown>)) {
      headers[name.toLowerCase()] = asText(value);
    }
    if (payload !== undefined) {
      headers['content-type'] = contentType;
    }
    return {
      method: op.method,
      url: query.length === 0 ? path : `${path}?${query.join('&')}`,
      headers,
      ...(payload === undefined ? {} : { payload }),
      invalid,
      mutation: described,
    };
  }

  return { cases, build };
}
