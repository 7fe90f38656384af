import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The few requests Fastify refuses before any route sees them (a path that does not decode to
 * UTF-8, a path parameter beyond the router's length limit) are answered with a 400 in the error
 * shape of the dialect their path belongs to, like every other client error.
 */
export function frameworkError(error: Error, request: FastifyRequest, reply: FastifyReply): void {
  const path = request.url.split('?')[0] ?? '';
  const message = `The request path is not valid: ${error.message}`;
  reply.code(400).header('x-request-id', request.id);
  if (path.startsWith('/v1/telephony/config')) {
    reply
      .header('trackingid', request.id)
      .type('application/json')
      .send(JSON.stringify({ message, errors: [{ description: message }], trackingId: request.id }));
  } else if (path.startsWith('/beta/')) {
    reply.type('application/json').send(JSON.stringify({ message }));
  } else if (path.startsWith('/v3/')) {
    reply.type('application/json').send(JSON.stringify({ success: false, msg: message }));
  } else if (path.startsWith('/api/v1/livechat')) {
    reply.type('application/json').send(JSON.stringify({ success: false, error: message }));
  } else {
    reply.type('application/problem+json').send(
      JSON.stringify({
        type: 'urn:roster:problem:invalid_request',
        title: 'Bad Request',
        status: 400,
        detail: message,
        code: 'invalid_request',
        request_id: request.id,
      }),
    );
  }
}
