import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { openEventFeed } from '../../core/events/event-feed.js';
import { FeedTailer } from '../../realtime/feed-tailer.js';
import { EventStreamHub, SSE_HEADERS } from '../../realtime/sse.js';
import type { AppDeps } from '../deps.js';
import { problems, SECURED } from './common.schemas.js';
import { EventsHeaders, EventsQuery, StreamedEvent } from './events.schemas.js';

/** `GET /v1/events`: the org's domain events as Server-Sent Events, resumable with Last-Event-ID. */
export const eventsRoutes =
  (deps: AppDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const hub = new EventStreamHub();
    const own = deps.feed === undefined ? new FeedTailer(deps.db, deps.events, { log: app.log }) : null;
    const feed = deps.feed ?? (own as FeedTailer);
    // preClose, not onClose: onClose runs once the server has closed, which it never would while
    // streams hold their connections open.
    app.addHook('preClose', async () => {
      hub.closeAll();
      await own?.close();
    });

    app.get(
      '/events',
      {
        schema: {
          tags: ['events'],
          summary: 'Stream the org events (Server-Sent Events)',
          security: SECURED,
          querystring: EventsQuery,
          headers: EventsHeaders,
          response: {
            200: {
              description: 'An endless text/event-stream of events',
              content: { 'text/event-stream': { schema: StreamedEvent } },
            },
            ...problems(400, 401, 403),
          },
        },
        config: { scope: 'events:read' },
      },
      async (request, reply) => {
        const { query, headers } = request;
        const header = headers['last-event-id'];
        const lastEventId =
          header !== undefined
            ? { id: header, field: 'header.last-event-id' }
            : query.last_event_id !== undefined
              ? { id: query.last_event_id, field: 'query.last_event_id' }
              : null;
        const stream = await hub.open({
          bus: feed,
          orgId: request.ctx.actor.orgId,
          keepAliveMs: deps.config.sseKeepAliveSeconds * 1000,
          openFeed: () =>
            openEventFeed(request.ctx, { types: query.types, teamId: query.team_id, lastEventId }),
          log: request.log,
        });
        // Covers what Fastify does not: a HEAD request, whose body it drops without ending it.
        reply.raw.once('close', () => stream.close());
        // A stream is piped as it is: the 200 schema documents its frames, it never serializes them.
        return reply
          .status(200)
          .headers(SSE_HEADERS)
          .send(stream.body as never);
      },
    );
  };
