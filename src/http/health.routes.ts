import type { FastifyInstance } from 'fastify';
import type { AppDeps } from './deps.js';

/** Liveness and readiness; readiness fails while the database is unreachable or the app drains. */
export function installHealth(app: FastifyInstance, deps: AppDeps, draining: () => boolean): void {
  // Probes are never shed under load: a busy instance is still alive, and readiness says the rest.
  const config = { pressureHandler: () => undefined };
  app.get('/healthz', { schema: { hide: true }, config }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true }, config }, async (request, reply) => {
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
