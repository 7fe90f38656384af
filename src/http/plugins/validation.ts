import { Ajv, type AnySchema, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance, FastifySchemaValidationError } from 'fastify';
import { ERRORS, type FieldError } from '../../core/errors.js';

// ajv-formats ships CommonJS with the function as `module.exports.default`.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const shared: Options = {
  allErrors: true,
  removeAdditional: false,
  useDefaults: true,
  strict: false,
};

/** Compiles the schema of one part of a route's requests (Fastify's `httpPart`). */
export type ValidatorCompiler = (route: { schema: unknown; httpPart?: string }) => ValidateFunction;

/**
 * The validator compiler of every route. Bodies are validated strictly (a string is never
 * coerced into a number), while query strings and path parameters, which arrive as text, are
 * coerced to the types their schemas declare. Shared schemas added with `addSchema` are not
 * resolved: request schemas do not refer to them.
 */
export function createValidatorCompiler(): ValidatorCompiler {
  const body = withFormats(withKeywords(addFormats(new Ajv({ ...shared, coerceTypes: false }))));
  const text = withFormats(withKeywords(addFormats(new Ajv({ ...shared, coerceTypes: 'array' }))));
  return ({ schema, httpPart }) => (httpPart === 'body' ? body : text).compile(schema as AnySchema);
}

/**
 * Refuses, before schema validation, request values the database could not store. The route
 * schemas themselves are compiled by `createValidatorCompiler`, installed through the server's
 * `schemaController` (see schema-compilers.ts).
 */
export function installValidation(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [
      ['path', request.params],
      ['query', request.query],
      ['body', request.body],
    ] as const) {
      const problem = unstorable(value, part);
      if (problem !== null) {
        throw ERRORS.invalid(problem.path, problem.message);
      }
    }
  });
}

/** Deepest nesting of objects and arrays a request may carry. */
export const MAX_JSON_DEPTH = 32;

/** NUL, or a lone UTF-16 surrogate (in a `u` regex a well-formed pair is one code point). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is one of the two it looks for
const UNSTORABLE_TEXT = /[\u0000\p{Cs}]/u;

function badText(text: string): string | null {
  if (!UNSTORABLE_TEXT.test(text)) {
    return null;
  }
  return text.includes('\u0000')
    ? 'must not contain the NUL character'
    : 'must be well-formed Unicode (it holds a lone surrogate)';
}

/** A value met while walking a request value, with the way to it (spelt out only when refused). */
interface Visit {
  value: unknown;
  key: string;
  parent: Visit | null;
  depth: number;
}

const pathOf = (visit: Visit): string => {
  const keys: string[] = [];
  for (let at: Visit | null = visit; at !== null; at = at.parent) {
    keys.push(at.key);
  }
  return keys.reverse().join('.');
};

/**
 * The first part of a request value the database could not store, or null: U+0000 and lone
 * surrogates (PostgreSQL text and jsonb refuse both), and nesting deeper than MAX_JSON_DEPTH.
 * Refused at the edge as a 400 naming the field, instead of failing in the database. Iterative,
 * so that no input can exhaust the stack; a path is only put together for a value refused (a bulk
 * call carries thousands of values, and copying each one's path cost more than checking it).
 */
function unstorable(value: unknown, root: string): { path: string; message: string } | null {
  const stack: Visit[] = [{ value, key: root, parent: null, depth: 1 }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const item = next.value;
    if (typeof item === 'string') {
      const message = badText(item);
      if (message !== null) {
        return { path: pathOf(next), message };
      }
      continue;
    }
    if (item === null || typeof item !== 'object') {
      continue;
    }
    if (next.depth > MAX_JSON_DEPTH) {
      return { path: pathOf(next), message: `is nested too deeply (at most ${MAX_JSON_DEPTH} levels)` };
    }
    for (const key of Object.keys(item)) {
      const visit = {
        value: (item as Record<string, unknown>)[key],
        key,
        parent: next,
        depth: next.depth + 1,
      };
      const message = badText(key);
      if (message !== null) {
        return { path: pathOf(visit), message };
      }
      stack.push(visit);
    }
  }
  return null;
}

/**
 * ajv-formats' `uuid` also accepts `urn:uuid:<uuid>`, which no database column takes: ids are the
 * bare 36-character form only.
 */
function withFormats(ajv: Ajv): Ajv {
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  return ajv;
}

/** Schema keyword that rewrites a string field to lower case once it is valid. */
export const LOWERCASE_KEYWORD = 'x-lowercase';

/**
 * Adds `x-lowercase`: ids are UUIDs, which PostgreSQL returns in lower case, so every field
 * declared as one is normalised at the edge and the core only ever sees the canonical form.
 */
function withKeywords(ajv: Ajv): Ajv {
  ajv.addKeyword({
    keyword: LOWERCASE_KEYWORD,
    modifying: true,
    schemaType: 'boolean',
    compile: (enabled: boolean) => (data: unknown, ctx) => {
      if (enabled && typeof data === 'string' && ctx?.parentData && ctx.parentDataProperty !== undefined) {
        (ctx.parentData as Record<string | number, unknown>)[ctx.parentDataProperty] = data.toLowerCase();
      }
      return true;
    },
  });
  return ajv;
}

const PART_NAMES: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'header',
};

/** Turns Ajv errors into field errors whose paths name the field (`body.name`, `query.limit`). */
export function toFieldErrors(
  errors: FastifySchemaValidationError[] | ErrorObject[],
  context: string | undefined,
): FieldError[] {
  const part = PART_NAMES[context ?? 'body'] ?? context ?? 'body';
  return errors.map((error) => {
    const e = error as ErrorObject;
    const pointer = (e.instancePath ?? '')
      .split('/')
      .filter(Boolean)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const params = (e.params ?? {}) as Record<string, unknown>;
    if (e.keyword === 'required' && typeof params.missingProperty === 'string') {
      return { path: [part, ...pointer, params.missingProperty].join('.'), message: 'is required' };
    }
    if (e.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
      return {
        path: [part, ...pointer, params.additionalProperty].join('.'),
        message: 'is not a known field',
      };
    }
    return { path: [part, ...pointer].join('.'), message: e.message ?? 'is invalid' };
  });
}
