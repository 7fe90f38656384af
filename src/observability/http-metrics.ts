import { timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DIALECTS } from '../http/dialects.js';
import { collectRuntimeMetrics, httpDuration, httpInFlight, registry, scrapeMetrics } from './metrics.js';

/** The label of every request no route matched: scanners' random paths all land here. */
export const UNMATCHED_ROUTE = 'unmatched';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The dialect a route template belongs to (longest prefix); "none" outside every dialect. */
function dialectOfTemplate(template: string): string {
  let best: { name: string; prefix: string } | undefined;
  for (const dialect of DIALECTS) {
    const inside = template === dialect.prefix || template.startsWith(`${dialect.prefix}/`);
    if (inside && (best === undefined || dialect.prefix.length > best.prefix.length)) {
      best = dialect;
    }
  }
  return best?.name ?? 'none';
}

/** Route template and dialect of a request, from the matched route only, never the raw URL. */
function routeLabels(
  request: FastifyRequest,
  dialects: Map<string, string>,
): { route: string; dialect: string } {
  const template = request.routeOptions.url;
  if (template === undefined || template === '') {
    return { route: UNMATCHED_ROUTE, dialect: 'none' };
  }
  let dialect = dialects.get(template);
  if (dialect === undefined) {
    dialect = dialectOfTemplate(template);
    dialects.set(template, dialect);
  }
  return { route: template, dialect };
}

/** Records every request's duration and the requests in flight. */
export function installHttpMetrics(app: FastifyInstance): void {
  collectRuntimeMetrics();
  const dialects = new Map<string, string>();
  app.addHook('onRequest', async (_request, reply) => {
    httpInFlight.inc();
    // 'close' comes once the response is done or the client went away, streams included.
    reply.raw.once('close', () => httpInFlight.dec());
  });
  app.addHook('onResponse', async (request, reply) => {
    const { route, dialect } = routeLabels(request, dialects);
    httpDuration.observe(
      {
        method: METHODS.has(request.method) ? request.method : 'OTHER',
        route,
        status_code: String(reply.statusCode),
        dialect,
      },
      reply.elapsedTime / 1000,
    );
  });
}

/** Whether `header` is `Bearer <token>`, compared in constant time. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  if (header === undefined || !header.startsWith('Bearer ')) {
    return false;
  }
  const given = Buffer.from(header.slice('Bearer '.length).trim());
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** `GET /metrics` on the public app, behind the bearer token (`ROSTER_METRICS_TOKEN`). */
export function installMetricsRoute(app: FastifyInstance, token: string): void {
  app.get(
    '/metrics',
    { schema: { hide: true }, config: { pressureHandler: () => undefined } },
    async (request, reply) => {
      if (!bearerMatches(request.headers.authorization, token)) {
        return reply.status(401).header('www-authenticate', 'Bearer realm="metrics"').send({
          error: 'unauthorized',
          message: 'GET /metrics needs Authorization: Bearer <ROSTER_METRICS_TOKEN>',
        });
      }
      const body = await scrapeMetrics();
      return reply.type(registry.contentType).send(body);
    },
  );
}

/**
 * `GET /metrics` on a listener of its own (`ROSTER_METRICS_PORT`), off the public API; when a
 * token is configured as well, it is required here too. Resolves once listening.
 */
export async function startMetricsServer(options: {
  host: string;
  port: number;
  token: string | null;
}): Promise<{ address: string; close: () => Promise<void> }> {
  collectRuntimeMetrics();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    if (options.token !== null && !bearerMatches(req.headers.authorization, options.token)) {
      res.writeHead(401, { 'www-authenticate': 'Bearer realm="metrics"' }).end();
      return;
    }
    scrapeMetrics().then(
      (body) => res.writeHead(200, { 'content-type': registry.contentType }).end(body),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const bound = server.address();
  const port = typeof bound === 'object' && bound !== null ? bound.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    address: `http://${host}:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
