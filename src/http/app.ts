import underPressure from '@fastify/under-pressure';
import type { FastifyError, FastifyInstance } from 'fastify';
import Fastify from 'fastify';
import { DomainError, ERRORS, ErrorCode } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { installHttpMetrics, installMetricsRoute } from '../observability/http-metrics.js';
import { installConsole } from './console.routes.js';
import type { AppDeps } from './deps.js';
import { DIALECTS, mountsOf } from './dialects.js';
import { frameworkError } from './framework-errors.js';
import { installHealth } from './health.routes.js';
import { RosterLogController } from './log-controller.js';
import { installOpenApi } from './plugins/openapi.js';
import { type LazySchemas, lazySchemas } from './plugins/schema-compilers.js';
import { createValidatorCompiler, installValidation } from './plugins/validation.js';

export const VERSION = '0.1.0';

const REQUEST_ID_RE = /^[A-Za-z0-9._:-]{1,128}$/;

export interface BuiltApp {
  app: FastifyInstance;
  /** Marks the app as draining: readiness fails so load balancers stop sending traffic. */
  drain: () => void;
  /**
   * Route schemas compile on first use; `schemas.warmUp()` compiles the rest in the background
   * (the server calls it once it listens).
   */
  schemas: LazySchemas;
}

/** Fastify's `trustProxy` for the configured value; a hop count trusts that many proxies. */
function trustProxyOf(
  value: boolean | number | string,
): boolean | string | ((a: string, hop: number) => boolean) {
  return typeof value === 'number' ? (_address, hop) => hop < value : value;
}

/** Builds the Fastify app with every dialect; it does not listen. */
export async function buildApp(deps: AppDeps): Promise<BuiltApp> {
  const schemas = lazySchemas(createValidatorCompiler());
  const app = Fastify({
    // Each route's validators and serializers compile on first use rather than all at ready().
    schemaController: schemas.schemaController,
    logger: { level: deps.config.logLevel },
    bodyLimit: deps.config.bodyLimitBytes,
    // A client that trickles its request (slowloris) is cut off; responses, such as event
    // streams, are not limited by this.
    requestTimeout: deps.config.requestTimeoutMs ?? 30_000,
    logController: new RosterLogController({ requestIdLogLabel: 'request_id' }),
    requestIdHeader: false,
    // Accept a caller's X-Request-Id when it is a sane token, so traces line up across services.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID_RE.test(given) ? given : newId();
    },
    // A request that reaches a closing instance on a kept-alive connection is served, not refused:
    // the database stays open until every request has ended, and draining (below) has already
    // told every client and load balancer to stop reusing this instance's connections.
    return503OnClosing: false,
    // Long enough for every id any dialect takes; longer ones fail validation in the dialect's shape.
    routerOptions: { maxParamLength: 1_000, ignoreTrailingSlash: true },
    // Behind a proxy the operator names, X-Forwarded-Proto/-Host/-For give the request's scheme,
    // host and client address (absolute paging links, rate limits); otherwise they are ignored.
    trustProxy: trustProxyOf(deps.config.trustProxy ?? false),
    frameworkErrors: frameworkError,
    forceCloseConnections: 'idle',
  });
  let draining = false;

  if (deps.tracing != null) {
    // Before every route, so that each request gets its server span.
    await app.register(deps.tracing.plugin);
    const { logFields } = deps.tracing;
    // Inside the span just opened: the request's log lines from here on carry its trace and span.
    app.addHook('onRequest', (request, reply, done) => {
      const fields = logFields();
      if (fields.trace_id !== undefined) {
        request.log = request.log.child(fields);
        reply.log = request.log;
      }
      done();
    });
  }
  installValidation(app);
  // Only JSON bodies are accepted; anything else is answered 415 rather than parsed as text.
  app.removeContentTypeParser('text/plain');
  // A request that needs no body but says `Content-Type: application/json` (with no body, or
  // `Content-Length: 0`) is what real clients send for DELETEs and bodiless POSTs (Webex's
  // wxc_sdk, Rocket.Chat's admin UI, Tiledesk's dashboard): it is taken as no body, not refused.
  // Any other body goes to Fastify's own JSON parser (prototype-poisoning checks included).
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (String(body).trim() === '') {
      done(null, undefined);
      return;
    }
    parseJson(request, String(body), done);
  });
  app.decorateRequest('actor', null);
  app.decorateRequest('ctx', null as never);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Every 503 (database away, overload, draining) tells the client when to retry, whoever sent it.
  // While draining, every answer closes its connection, so that a load balancer's kept-alive
  // connections are gone by the time the listener closes, and none is reused as it does.
  app.addHook('onSend', async (_request, reply) => {
    if (reply.statusCode === 503 && !reply.hasHeader('retry-after')) {
      reply.header('retry-after', '1');
    }
    if (draining) {
      reply.header('connection', 'close');
    }
  });

  const maxDelay = deps.config.maxEventLoopDelayMs ?? 0;
  if (maxDelay > 0) {
    // Overload shedding: while the event loop lags past the threshold, new requests get a 503 in
    // their dialect's error shape (the handler's rejection reaches each plugin's error handler).
    await app.register(underPressure, {
      maxEventLoopDelay: maxDelay,
      sampleInterval: 250,
      pressureHandler: async (_request, reply) => {
        reply.header('retry-after', 1);
        throw ERRORS.overloaded();
      },
    });
  }
  // Metrics are recorded only when something serves them: a port of their own, or a token here.
  const { metricsPort = null, metricsToken = null } = deps.config;
  if (metricsPort !== null || metricsToken !== null) {
    installHttpMetrics(app);
  }
  if (metricsPort === null && metricsToken !== null) {
    installMetricsRoute(app, metricsToken);
  }
  await installOpenApi(app, VERSION);
  installHealth(app, deps, () => draining);
  await installConsole(app);
  for (const dialect of DIALECTS) {
    for (const prefix of mountsOf(dialect)) {
      await app.register(dialect.plugin(deps), { prefix });
    }
  }
  // Under `/compat/<dialect>`, a vendor path Roster does not serve is a 404 in that vendor's shape.
  for (const name of new Set(DIALECTS.filter((d) => d.compat.length > 0).map((d) => d.name))) {
    const dialect = DIALECTS.find((d) => d.name === name) as (typeof DIALECTS)[number];
    await app.register(
      async (scope) => {
        scope.setNotFoundHandler((request, reply) => {
          const path = request.url.split('?')[0] ?? '';
          const error = new DomainError(ErrorCode.NotFound, `No route ${request.method} ${path}`);
          return dialect.errorHandler(error as unknown as FastifyError, request, reply);
        });
      },
      { prefix: `/compat/${name}` },
    );
  }
  return {
    app,
    drain: () => {
      draining = true;
    },
    schemas,
  };
}
