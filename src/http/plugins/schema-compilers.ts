import { setImmediate as nextTurn } from 'node:timers/promises';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { ValidateFunction } from 'ajv';
import type { FastifyServerOptions } from 'fastify';
import type { ValidatorCompiler } from './validation.js';

/** A route schema that did not compile. */
export interface SchemaFailure {
  /** Which schema: method, URL and part (`GET /v1/teams/:id querystring`, `... response 200`). */
  schema: string;
  error: Error;
}

export interface WarmUpReport {
  /** Schemas this warm-up compiled (requests may have compiled others before it got to them). */
  compiled: number;
  /** Every schema that failed to compile so far, at a request or in a warm-up. */
  failures: SchemaFailure[];
  /** Response serializers compiled so far: one for each distinct response schema. */
  serializers: number;
  ms: number;
}

export interface LazySchemas {
  /** For Fastify's `schemaController` server option. */
  schemaController: NonNullable<FastifyServerOptions['schemaController']>;
  /** Route schemas registered and not compiled yet. */
  pending(): number;
  /**
   * Compiles every pending schema, one per turn of the event loop so that requests are served
   * in between; resolves when none is left. Calls made while one runs share it.
   */
  warmUp(): Promise<WarmUpReport>;
}

/** What Fastify's schema compilers are handed for each schema of a route. */
interface RouteSchemaDef {
  schema: unknown;
  method?: string | string[];
  url?: string;
  httpPart?: string;
  httpStatus?: string;
  contentType?: string;
}

type Serializer = (data: unknown) => string;
// Fastify's declared factory types do not match what it calls them with (a route definition).
type CompilersFactory = NonNullable<
  NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']
>;
type SerializerCompiler = (route: RouteSchemaDef) => Serializer;

/** Thrown in place of a route's validator or serializer whose schema did not compile. */
export class SchemaBuildError extends Error {
  constructor(schema: string, cause: unknown) {
    super(
      `Failed building the schema of ${schema}: ${cause instanceof Error ? cause.message : String(cause)}`,
      {
        cause,
      },
    );
    this.name = 'SchemaBuildError';
  }
}

/** The schema as JSON, or null when it has none (a cycle): such a schema is compiled each time. */
function schemaText(schema: unknown): string | null {
  try {
    return JSON.stringify(schema) ?? null;
  } catch {
    return null;
  }
}

function schemaName(route: RouteSchemaDef): string {
  const method = ([] as string[]).concat(route.method ?? '?').join(',');
  const part =
    route.httpPart !== undefined
      ? route.httpPart
      : `response ${route.httpStatus ?? '?'}${route.contentType ? ` ${route.contentType}` : ''}`;
  return `${method} ${route.url ?? '?'} ${part}`;
}

/**
 * Validator and serializer compilers that compile each route schema on its first use instead of
 * at `app.ready()`: compiling every schema of every dialect up front took most of a second of
 * start-up. `warmUp()` then compiles what is left in the background, so that a schema that does
 * not compile is reported soon after start rather than at its route's first request.
 *
 * Validators come from `validator` (Roster's Ajv instances, unchanged); serializers from
 * Fastify's own default factory (fast-json-stringify), which is what Fastify uses when no
 * compiler is given. Each compiles exactly what it would have compiled eagerly, only later; a
 * response schema met again (the same JSON in the same plugin context) reuses its serializer.
 */
export function lazySchemas(validator: ValidatorCompiler): LazySchemas {
  /** Each pending schema's compile: true when it compiled, false when it failed. */
  const pending = new Set<() => boolean>();
  const failures: SchemaFailure[] = [];

  /** `build`, run once, on the first call of the returned getter (which rethrows its failure). */
  function lazily<T>(schema: string, build: () => T): () => T {
    let state: { value: T } | { error: SchemaBuildError } | null = null;
    const get = (): T => {
      if (state === null) {
        pending.delete(compile);
        try {
          state = { value: build() };
        } catch (err) {
          const error = new SchemaBuildError(schema, err);
          failures.push({ schema, error });
          state = { error };
        }
      }
      if ('error' in state) {
        throw state.error;
      }
      return state.value;
    };
    const compile = () => {
      try {
        get();
        return true;
      } catch {
        return false; // recorded in `failures`
      }
    };
    pending.add(compile);
    return get;
  }

  const buildValidator = () => (route: RouteSchemaDef) => {
    const compiled = lazily(schemaName(route), () => validator(route));
    // Fastify reads `errors` after a `false`, and passes the parent object (so that Ajv may
    // rewrite a root value: coercion, defaults, x-lowercase) only when `schemaEnv` is set, as it
    // is on every function Ajv compiles.
    const validate = function (this: unknown, data: unknown, context?: unknown) {
      const fn = compiled();
      const valid = (fn as (this: unknown, data: unknown, context?: unknown) => unknown).call(
        this,
        data,
        context,
      );
      validate.errors = fn.errors;
      return valid;
    } as ((data: unknown, context?: unknown) => unknown) & Pick<ValidateFunction, 'errors' | 'schemaEnv'>;
    validate.errors = null;
    Object.defineProperty(validate, 'schemaEnv', { get: () => compiled().schemaEnv, enumerable: true });
    return validate;
  };

  const defaultSerializers = SerializerSelector() as unknown as (
    externalSchemas: unknown,
    options: unknown,
  ) => SerializerCompiler;
  let serializers = 0;
  const buildSerializer = (externalSchemas: unknown, options: unknown) => {
    const compile = defaultSerializers(externalSchemas, options);
    // Most response schemas recur: every dialect's error shapes on every route and status, a
    // resource on its GET, PATCH and list routes, each route's HEAD twin. One is compiled per
    // distinct schema text in this plugin context (fast-json-stringify reads nothing else of the
    // route, and `externalSchemas` are this context's): about 215 for Roster's 2,034 route
    // serializers, and the warm-up's serializers went from about 390 to 130 ms of CPU.
    const byObject = new WeakMap<object, Serializer>();
    const byText = new Map<string, Serializer>();
    const compileOnce = (route: RouteSchemaDef): Serializer => {
      const schema = route.schema;
      const keyed = typeof schema === 'object' && schema !== null;
      let serializer = keyed ? byObject.get(schema) : undefined;
      if (serializer === undefined) {
        const text = schemaText(schema);
        serializer = text === null ? undefined : byText.get(text);
        if (serializer === undefined) {
          serializer = compile(route);
          serializers++;
        }
        if (text !== null) {
          byText.set(text, serializer);
        }
        if (keyed) {
          byObject.set(schema, serializer);
        }
      }
      return serializer;
    };
    return (route: RouteSchemaDef): Serializer => {
      const compiled = lazily(schemaName(route), () => compileOnce(route));
      return (data) => compiled()(data);
    };
  };

  let running: Promise<WarmUpReport> | null = null;
  async function run(): Promise<WarmUpReport> {
    const started = performance.now();
    let compiled = 0;
    try {
      for (;;) {
        await nextTurn();
        const next = pending.values().next();
        if (next.done) {
          break;
        }
        if (next.value()) {
          compiled++;
        }
      }
    } finally {
      running = null;
    }
    return { compiled, failures: [...failures], serializers, ms: performance.now() - started };
  }

  return {
    schemaController: {
      compilersFactory: {
        buildValidator: buildValidator as unknown as CompilersFactory['buildValidator'],
        buildSerializer: buildSerializer as unknown as CompilersFactory['buildSerializer'],
      },
    },
    pending: () => pending.size,
    warmUp: () => {
      running ??= run();
      return running;
    },
  };
}
