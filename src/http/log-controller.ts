import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';

/** Paths polled by load balancers and orchestrators every few seconds. */
const PROBES = new Set(['/healthz', '/readyz']);

function isProbe(request: FastifyRequest): boolean {
  const url = request.url ?? '';
  const query = url.indexOf('?');
  return PROBES.has(query === -1 ? url : url.slice(0, query));
}

/**
 * Fastify's per-request log lines, with the health probes' lines at debug instead of info: a
 * probe every few seconds would otherwise fill an info-level log with two lines each. A failing
 * readiness check still logs its own warning.
 */
export class RosterLogController extends LogController {
  override incomingRequest(request: FastifyRequest, reply: FastifyReply): void {
    if (isProbe(request)) {
      request.log.debug({ req: request }, 'incoming request');
      return;
    }
    super.incomingRequest(request, reply);
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (!error && isProbe(request)) {
      reply.log.debug({ res: reply, responseTime: reply.elapsedTime }, 'request completed');
      return;
    }
    super.requestCompleted(error, request, reply);
  }
}
