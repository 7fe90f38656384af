import type { FastifyPluginCallback } from 'fastify';

/** What the HTTP layer needs from tracing when it is on. */
export interface AppTracing {
  /** Fastify plugin that gives each request its server span (registered before every route). */
  plugin: FastifyPluginCallback;
  /** The active span's trace_id, span_id and trace_flags for log lines, or nothing outside a span. */
  logFields: () => Record<string, string>;
  /**
   * Runs `send` in a new client span named `name` (an outgoing request of background work, such
   * as a webhook delivery): `send` gets the W3C `traceparent` header to add, and may set
   * attributes from the outcome.
   */
  outgoing: <T>(
    name: string,
    attributes: Record<string, string | number>,
    send: (headers: Record<string, string>, set: (key: string, value: string | number) => void) => Promise<T>,
  ) => Promise<T>;
}
