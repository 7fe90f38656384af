import underPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';
import Fastify, { LogController } from 'fastify';
import { ERRORS } from '../core/errors.js';
import { newId } from '../core/ids.js';
import type { AppDeps } from './deps.js';
import { DIALECTS } from './dialects.js';
import { frameworkError } from './framework-errors.js';
import { installHealth } from './health.routes.js';
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
    logController: new LogController({ requestIdLogLabel: 'request_id' }),
    requestIdHeader: false,
    // Accept a caller's X-Request-Id when it is a sane token, so traces line up across services.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID_RE.test(given) ? given : newId();
    },
    return503OnClosing: true,
    // Long enough for every id any dialect takes; longer ones fail validation in the dialect's shape.
    routerOptions: { maxParamLength: 1_000 },
    frameworkErrors: frameworkError,
    forceCloseConnections: 'idle',
  });
  let draining = false;

  installValidation(app);
  // Only JSON bodies are accepted; anything else is answered 415 rather than parsed as text.
  app.removeContentTypeParser('text/plain');
  app.decorateRequest('actor', null);
  app.decorateRequest('ctx', null as never);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Every 503 (database away, overload, draining) tells the client when to retry, whoever sent it.
  app.addHook('onSend', async (_request, reply) => {
    if (reply.statusCode === 503 && !reply.hasHeader('retry-after')) {
      reply.header('retry-after', '1');
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
  await installOpenApi(app, VERSION);
  installHealth(app, deps, () => draining);
  for (const dialect of DIALECTS) {
    await app.register(dialect.plugin(deps), { prefix: dialect.prefix });
  }
  return {
    app,
    drain: () => {
      draining = true;
    },
    schemas,
  };
}
