import type { Span, Tracer } from '@opentelemetry/api';
import Redis from 'ioredis';
import pg from 'pg';
import { VERSION } from '../http/app.js';
import { setEmbeddedInstrumentation } from './db-spans.js';
import type { AppTracing } from './tracing.js';

/**
 * OpenTelemetry tracing, loaded only when an OTLP endpoint is configured (see config.ts): with
 * tracing off this module is never imported, so no SDK is loaded and nothing is patched.
 *
 * The OpenTelemetry packages stay outside the server's bundle (scripts/build.mjs) and are imported
 * here at run time. `pg` and `ioredis` are inside it, where require hooks never see them load, so
 * their official instrumentations are applied by hand to the very modules the bundle uses.
 * Exporting follows the standard OTEL_* variables (OTLP over HTTP; OTEL_EXPORTER_OTLP_ENDPOINT,
 * _HEADERS, OTEL_SERVICE_NAME, OTEL_TRACES_SAMPLER...).
 */
export async function startTracing(): Promise<{ app: AppTracing; shutdown: () => Promise<void> }> {
  const [api, sdk, exporter, resources, fastifyOtel, pgInst, redisInst] = await Promise.all([
    import('@opentelemetry/api'),
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
    import('@fastify/otel'),
    import('@opentelemetry/instrumentation-pg'),
    import('@opentelemetry/instrumentation-ioredis'),
  ]);
  const resource = resources
    .resourceFromAttributes({ 'service.name': 'roster', 'service.version': VERSION })
    .merge(resources.detectResources({ detectors: [resources.envDetector] }));
  const provider = new sdk.NodeTracerProvider({
    resource,
    spanProcessors: [new sdk.BatchSpanProcessor(new exporter.OTLPTraceExporter())],
  });
  // The global provider, the AsyncLocalStorage context manager and W3C trace context (traceparent).
  provider.register();

  const fastify = new fastifyOtel.FastifyOtelInstrumentation({ registerOnInitialization: false });
  fastify.setTracerProvider(provider);

  const pgInstrumentation = new pgInst.PgInstrumentation({ requireParentSpan: true });
  pgInstrumentation.setTracerProvider(provider);
  for (const definition of pgInstrumentation.getModuleDefinitions()) {
    if (definition.name === 'pg') {
      definition.patch?.(pg);
    } else if (definition.name === 'pg-pool') {
      // pg.Pool is pg's subclass of pg-pool's class, whose prototype holds connect().
      definition.patch?.(Object.getPrototypeOf(pg.Pool));
    }
  }
  const redisInstrumentation = new redisInst.IORedisInstrumentation({ requireParentSpan: true });
  redisInstrumentation.setTracerProvider(provider);
  for (const definition of redisInstrumentation.getModuleDefinitions()) {
    definition.patch?.(Redis, definition.supportedVersions[0]);
  }
  setEmbeddedInstrumentation((client) =>
    instrumentPglite(client as PgliteLike, provider.getTracer('roster-pglite', VERSION), api),
  );

  const logFields = (): Record<string, string> => {
    const context = api.trace.getActiveSpan()?.spanContext();
    if (context === undefined || !api.isSpanContextValid(context)) {
      return {};
    }
    return {
      trace_id: context.traceId,
      span_id: context.spanId,
      trace_flags: `0${context.traceFlags.toString(16)}`.slice(-2),
    };
  };
  const tracer = provider.getTracer('roster', VERSION);
  const outgoing: AppTracing['outgoing'] = (name, attributes, send) =>
    tracer.startActiveSpan(name, { kind: api.SpanKind.CLIENT, attributes }, async (span: Span) => {
      const headers: Record<string, string> = {};
      api.propagation.inject(api.context.active(), headers);
      try {
        return await send(headers, (key, value) => span.setAttribute(key, value));
      } catch (err) {
        span.recordException(err as Error);
        span.setStatus({ code: api.SpanStatusCode.ERROR });
        throw err;
      } finally {
        span.end();
      }
    });
  return {
    app: { plugin: fastify.plugin(), logFields, outgoing },
    shutdown: async () => {
      setEmbeddedInstrumentation(null);
      await provider.shutdown();
    },
  };
}

interface PgliteLike {
  query: (sql: string, ...rest: unknown[]) => Promise<unknown>;
  exec: (sql: string, ...rest: unknown[]) => Promise<unknown>;
  transaction: (fn: (tx: PgliteLike) => Promise<unknown>) => Promise<unknown>;
}

type Api = typeof import('@opentelemetry/api');

/** Gives each statement of a PGlite client (and of its transactions) a client span, under the request's. */
function instrumentPglite(client: PgliteLike, tracer: Tracer, api: Api): void {
  const wrap = (target: PgliteLike, method: 'query' | 'exec') => {
    const original = target[method].bind(target);
    target[method] = (sql: string, ...rest: unknown[]) => {
      if (api.trace.getActiveSpan() === undefined) {
        return original(sql, ...rest);
      }
      return tracer.startActiveSpan(
        `${sql.trimStart().split(/\s/, 1)[0]?.toUpperCase() ?? 'SQL'} pglite`,
        {
          kind: api.SpanKind.CLIENT,
          attributes: { 'db.system.name': 'postgresql', 'db.namespace': 'pglite', 'db.query.text': sql },
        },
        (span: Span) =>
          original(sql, ...rest).then(
            (result) => {
              span.end();
              return result;
            },
            (err: unknown) => {
              span.recordException(err as Error);
              span.setStatus({ code: api.SpanStatusCode.ERROR });
              span.end();
              throw err;
            },
          ),
      );
    };
  };
  wrap(client, 'query');
  wrap(client, 'exec');
  const transaction = client.transaction.bind(client);
  client.transaction = (fn) =>
    transaction((tx) => {
      wrap(tx, 'query');
      wrap(tx, 'exec');
      return fn(tx);
    });
}
