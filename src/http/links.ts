import type { FastifyRequest } from 'fastify';

/**
 * The absolute URL of a request, as the client addressed it: its scheme and host, which come from
 * `X-Forwarded-Proto`/`X-Forwarded-Host` only when the server trusts the proxy that sent them
 * (`ROSTER_TRUST_PROXY`). Paging links are built from it, since clients such as python-requests
 * based SDKs follow a `Link` header as given and cannot resolve a relative one.
 */
export function requestUrl(request: FastifyRequest): URL {
  const host = request.host === '' ? 'localhost' : request.host;
  try {
    return new URL(request.url, `${request.protocol}://${host}`);
  } catch {
    // A Host header that is no host (the client's own doing) still gets a usable link.
    return new URL(request.url, `${request.protocol}://localhost`);
  }
}
