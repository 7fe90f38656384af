import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { allPages, api, ok, presenceStatusesQuery } from '../api';
import { useOrgQuery } from '../session';
import {
  type AgentInfo,
  applyEvent,
  type BoardState,
  nameOrder,
  type Presence,
  type RosterEvent,
} from './presence';

export type StreamState = 'connecting' | 'live' | 'reconnecting';

/** More agents than this to read again: reload the whole board instead. */
const REFETCH_LIMIT = 50;

async function loadBoard(client: QueryClient, org_id: string): Promise<BoardState> {
  // One list: each presence view names its agent (expand=agent), in pages of 1,000 (presence lists
  // allow more than others), so 2,000 agents take two round trips. The statuses come through the
  // query the board's menus use, so they are read once, and read again with each reload.
  const query = { org_id, limit: 1000, expand: 'agent' as const };
  const [presence, statuses] = await Promise.all([
    allPages((after) => ok(api.GET('/v1/presence', { params: { query: { ...query, after } } }))),
    client.fetchQuery(presenceStatusesQuery(org_id)),
  ]);
  const rows = new Map<string, { agent: AgentInfo; presence: Presence }>();
  for (const { agent, ...p } of presence) {
    if (agent !== undefined) {
      rows.set(p.agent_id, { agent, presence: p as Presence });
    }
  }
  return {
    rows,
    order: nameOrder(rows),
    statusAvailable: new Map(statuses.map((s) => [s.key, s.available])),
  };
}

/** A batch of events is applied at most this often, so a burst renders a few times a second. */
const BATCH_MS = 200;

/**
 * The presence board of the org, live: loaded from /v1/presence, then kept current by /v1/events.
 * Events are applied in batches, in an animation frame at most every BATCH_MS: an event after a
 * quiet spell shows at the next frame, a burst of hundreds a second renders five times a second,
 * not once per event or per frame. The browser's EventSource resumes with Last-Event-ID after
 * a drop; while it is down the board says so, and it reloads once the stream is back.
 */
export function useLiveBoard() {
  const { org_id } = useOrgQuery();
  const client = useQueryClient();
  const state = useRef<BoardState | null>(null);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [stream, setStream] = useState<StreamState>('connecting');
  const [queueVersion, setQueueVersion] = useState(0);
  const pending = useRef<RosterEvent[]>([]);
  const scheduled = useRef(false);
  const lastFlush = useRef(0);
  const toRefetch = useRef(new Set<string>());
  const refetchTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Events applied per agent: a view read before an event arrived must not overwrite it.
  const applied = useRef(new Map<string, number>());

  const reload = useCallback(async () => {
    try {
      state.current = await loadBoard(client, org_id);
      setError(null);
      setVersion((v) => v + 1);
      setQueueVersion((v) => v + 1);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }, [client, org_id]);

  const flushRefetch = useCallback(async () => {
    refetchTimer.current = null;
    const ids = [...toRefetch.current];
    toRefetch.current.clear();
    const seen = new Map(ids.map((id) => [id, applied.current.get(id) ?? 0]));
    if (ids.length > REFETCH_LIMIT) {
      await reload();
      return;
    }
    const views = await Promise.all(
      ids.map((id) =>
        api
          .GET('/v1/agents/{id}/presence', { params: { path: { id }, query: { org_id } } })
          .then((r) => r.data),
      ),
    );
    const board = state.current;
    if (board === null) {
      return;
    }
    for (const view of views) {
      const row = view === undefined ? undefined : board.rows.get(view.agent_id);
      if (view === undefined || row === undefined) {
        continue;
      }
      if ((applied.current.get(view.agent_id) ?? 0) !== seen.get(view.agent_id)) {
        // An event came in while it was read: read it again rather than go back in time.
        toRefetch.current.add(view.agent_id);
        continue;
      }
      board.rows.set(view.agent_id, { agent: row.agent, presence: view as Presence });
    }
    setVersion((v) => v + 1);
    if (toRefetch.current.size > 0) {
      refetchTimer.current = setTimeout(() => void flushRefetch(), 100);
    }
  }, [org_id, reload]);

  const flush = useCallback(() => {
    scheduled.current = false;
    lastFlush.current = performance.now();
    const board = state.current;
    const events = pending.current;
    pending.current = [];
    if (board === null) {
      return;
    }
    let changed = false;
    let needReload = false;
    let queues = false;
    for (const event of events) {
      const agentId = event.data.agent_id;
      if (typeof agentId === 'string') {
        applied.current.set(agentId, (applied.current.get(agentId) ?? 0) + 1);
      }
      const effect = applyEvent(board, event);
      changed ||= effect.changed;
      needReload ||= effect.reload;
      queues ||= effect.queues;
      for (const id of effect.refetchAgents) {
        toRefetch.current.add(id);
      }
    }
    if (changed) {
      setVersion((v) => v + 1);
    }
    if (queues) {
      setQueueVersion((v) => v + 1);
    }
    if (needReload) {
      void reload();
    } else if (toRefetch.current.size > 0 && refetchTimer.current === null) {
      refetchTimer.current = setTimeout(() => void flushRefetch(), 100);
    }
  }, [reload, flushRefetch]);

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let closed = false;
    let dropped = false;
    const connect = () => {
      source = new EventSource(`/v1/events?org_id=${encodeURIComponent(org_id)}`, { withCredentials: true });
      source.onopen = () => {
        setStream('live');
        if (dropped) {
          // Back after a drop: EventSource resumed with Last-Event-ID; read everything again too,
          // in case the gap outlived what the server keeps.
          dropped = false;
          void reload();
        }
      };
      source.onerror = () => {
        dropped = true;
        setStream('reconnecting');
        if (source?.readyState === EventSource.CLOSED && !closed) {
          // The browser gave up (an HTTP error such as 401): check the session and try again.
          void api.GET('/v1/sessions/current', {});
          retry = setTimeout(connect, 2000);
        }
      };
      source.onmessage = null;
      const onEvent = (message: MessageEvent<string>) => {
        pending.current.push(JSON.parse(message.data) as RosterEvent);
        if (!scheduled.current) {
          scheduled.current = true;
          const wait = Math.max(0, lastFlush.current + BATCH_MS - performance.now());
          setTimeout(() => requestAnimationFrame(flush), wait);
        }
      };
      for (const type of EVENT_TYPES) {
        source.addEventListener(type, onEvent);
      }
    };
    void reload().then(connect);
    return () => {
      closed = true;
      source?.close();
      if (retry !== null) {
        clearTimeout(retry);
      }
    };
  }, [org_id, reload, flush]);

  return { board: state.current, version, queueVersion, error, stream, reload };
}

/** Frames are named by event type: the board listens to those it uses. */
const EVENT_TYPES = [
  'agent.presence_changed',
  'agent.availability_changed',
  'agent.created',
  'agent.deleted',
  'agent.updated',
  'conversation.created',
  'conversation.queued',
  'conversation.assigned',
  'conversation.transferred',
  'conversation.closed',
  'presence_status.created',
  'presence_status.updated',
  'presence_status.deleted',
  'team.members_added',
  'team.members_removed',
  'team.updated',
];
