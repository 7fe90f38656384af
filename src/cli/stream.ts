import { createParser } from 'eventsource-parser';
import { type Api, ApiError, ok } from './api.js';

export interface StreamedEvent {
  id: string;
  type: string;
  occurred_at: string;
  org_id: string;
  data: Record<string, unknown>;
}

export interface FollowOptions {
  types?: string;
  teamId?: string;
  /** Resume after this event id (Last-Event-ID). */
  sinceId?: string;
  /** Called once the stream is open (again); before any event. */
  onOpen?: () => void;
  /** Called when the connection is lost or cannot be made; it is tried again a second later. */
  onDrop?: (reason: string) => void;
  signal: AbortSignal;
}

/**
 * Follows `GET /v1/events` until `signal` aborts: each event goes to `onEvent` in order. A dropped
 * connection is opened again after a second, resuming after the last event received, so nothing
 * is missed or repeated. A refusal by the API (bad key, bad filter) ends it with an ApiError.
 */
export async function followEvents(
  api: Api,
  options: FollowOptions,
  onEvent: (event: StreamedEvent) => void,
): Promise<void> {
  let lastId = options.sinceId;
  while (!options.signal.aborted) {
    try {
      const call = api.client.GET('/v1/events', {
        params: {
          query: { ...api.org, types: options.types, team_id: options.teamId },
          header: lastId === undefined ? {} : { 'last-event-id': lastId },
        },
        parseAs: 'stream',
        signal: options.signal,
      });
      const body = (await ok(call)) as unknown as ReadableStream<Uint8Array>;
      options.onOpen?.();
      const parser = createParser({
        onEvent(message) {
          const event = JSON.parse(message.data) as StreamedEvent;
          lastId = message.id ?? event.id;
          onEvent(event);
        },
      });
      const decoder = new TextDecoder();
      const reader = body.getReader();
      // Cancelling the reader ends a read that waits for the next frame: an abort never hangs.
      const stop = () => {
        reader.cancel().catch(() => {});
      };
      options.signal.addEventListener('abort', stop, { once: true });
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done || options.signal.aborted) {
            break;
          }
          parser.feed(decoder.decode(value, { stream: true }));
        }
      } finally {
        options.signal.removeEventListener('abort', stop);
      }
    } catch (err) {
      if (options.signal.aborted) {
        return;
      }
      if (err instanceof ApiError && err.status !== null) {
        throw err;
      }
      // Dropped or not reachable: try again shortly, from the last event received.
      options.onDrop?.(err instanceof Error ? err.message : String(err));
    }
    if (!options.signal.aborted) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
