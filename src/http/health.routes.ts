import type { FastifyInstance } from 'fastify';
import type { AppDeps } from './deps.js';

/** Liveness and readiness; readiness fails while the database is unreachable or the app drains. */
export function installHealth(app: FastifyInstance, deps: AppDeps, draining: () => boolean): void {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (request, reply) => {
    if (draining()) {
      return reply.status(503).send({ status: 'draining' });
    }
    try {
      await deps.ping();
      return { status: 'ready' };
    } catch (err) {
      request.log.warn({ err }, 'readiness check failed');
      return reply.status(503).send({ status: 'unavailable', reason: 'database unreachable' });
    }
  });
}
