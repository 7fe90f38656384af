import { Ajv, type ErrorObject, type Options } from 'ajv';
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

/**
 * Bodies are validated strictly (a string is never coerced into a number), while query strings
 * and path parameters, which arrive as text, are coerced to the types their schemas declare.
 */
export function installValidation(app: FastifyInstance): void {
  const body = withKeywords(addFormats(new Ajv({ ...shared, coerceTypes: false })));
  const text = withKeywords(addFormats(new Ajv({ ...shared, coerceTypes: 'array' })));
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? body : text).compile(schema));
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [
      ['path', request.params],
      ['query', request.query],
      ['body', request.body],
    ] as const) {
      const at = nulPath(value, [part]);
      if (at !== null) {
        throw ERRORS.invalid(at.join('.'), 'must not contain the NUL character');
      }
    }
  });
}

/**
 * Where a request value holds U+0000, or null. PostgreSQL text and jsonb cannot store it, so such
 * input is refused at the edge as a 400 naming the field, instead of failing in the database.
 */
function nulPath(value: unknown, path: string[]): string[] | null {
  if (typeof value === 'string') {
    return value.includes('\u0000') ? path : null;
  }
  if (value === null || typeof value !== 'object') {
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    const at = key.includes('\u0000') ? [...path, key] : nulPath(item, [...path, key]);
    if (at !== null) {
      return at;
    }
  }
  return null;
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
