/**
 * The presence board's state, and how events change it. Pure: the board component holds one
 * `BoardState`, applies each event from /v1/events with `applyEvent`, and derives the rows it shows
 * with `visibleRows` and `totals`. Effective status is derived as Roster derives it (offline, then
 * the agent's choice, then capacity), so an event shows at once without asking the API again.
 */
export type Effective = 'offline' | 'away' | 'busy' | 'available';
export const EFFECTIVE: Effective[] = ['available', 'busy', 'away', 'offline'];

export interface Presence {
  agent_id: string;
  connection: 'online' | 'offline';
  status: string;
  available: boolean;
  channels: Record<string, boolean>;
  active_channels: string[];
  effective_status: Effective;
  active_conversations: number;
  capacity: number;
  last_seen: string | null;
  changed_at: string | null;
}

export interface AgentInfo {
  id: string;
  full_name: string;
  email: string;
  role: string;
}

export interface BoardRow {
  agent: AgentInfo;
  presence: Presence;
}

export interface BoardState {
  rows: Map<string, BoardRow>;
  /** Agent ids sorted by name, once at load (events never rename), so filtering never sorts. */
  order: string[];
  /** Whether each status key (working, away, custom) counts as available. */
  statusAvailable: Map<string, boolean>;
}

export interface RosterEvent {
  id: string;
  type: string;
  occurred_at: string;
  data: Record<string, unknown>;
}

/** What applying an event asks of the board beyond the change itself. */
export interface EventEffect {
  /** The state changed: render again. */
  changed: boolean;
  /** Agents whose presence view must be read again (their conversation count moved). */
  refetchAgents: string[];
  /** Something the board cannot patch (agents or statuses added or removed): reload it all. */
  reload: boolean;
  /** Queue depths may have changed. */
  queues: boolean;
}

export function deriveEffective(p: Omit<Presence, 'effective_status'>, statusAvailable: boolean): Effective {
  if (p.connection !== 'online') {
    return 'offline';
  }
  if (!p.available || !statusAvailable) {
    return 'away';
  }
  return p.active_conversations >= p.capacity ? 'busy' : 'available';
}

function patch(state: BoardState, agentId: string, change: Partial<Presence>): boolean {
  const row = state.rows.get(agentId);
  if (row === undefined) {
    return false;
  }
  const next = { ...row.presence, ...change };
  next.effective_status = deriveEffective(next, state.statusAvailable.get(next.status) ?? true);
  state.rows.set(agentId, { agent: row.agent, presence: next });
  return true;
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const NONE: EventEffect = { changed: false, refetchAgents: [], reload: false, queues: false };

/** Applies one event to `state` (in place); says what else the board must do. */
export function applyEvent(state: BoardState, event: RosterEvent): EventEffect {
  const d = event.data;
  const agentId = str(d.agent_id);
  switch (event.type) {
    case 'agent.presence_changed': {
      const connection = d.connection === 'online' ? 'online' : 'offline';
      const changed =
        agentId !== null &&
        patch(state, agentId, {
          connection,
          last_seen: str(d.last_seen),
          changed_at: event.occurred_at,
          ...(connection === 'offline' ? { active_channels: [] } : {}),
        });
      // Nothing to read again: the board shows no device channels, and work a sign-in takes from
      // the queue comes as conversation events. (Reading each arrival's view made a shift's
      // sign-ins reload the whole board again and again.)
      return { ...NONE, changed };
    }
    case 'agent.availability_changed': {
      const changed =
        agentId !== null &&
        patch(state, agentId, {
          available: d.available === true,
          status: str(d.status) ?? 'working',
          channels: (d.channels as Record<string, boolean>) ?? {},
          changed_at: event.occurred_at,
        });
      return { ...NONE, changed };
    }
    case 'conversation.assigned':
    case 'conversation.closed':
      return { ...NONE, refetchAgents: agentId === null ? [] : [agentId], queues: true };
    case 'conversation.transferred': {
      const ids = [str(d.from_agent_id), str(d.to_agent_id)].filter((id): id is string => id !== null);
      return { ...NONE, refetchAgents: ids, queues: true };
    }
    case 'conversation.created':
    case 'conversation.queued':
      return { ...NONE, queues: true };
    case 'agent.created':
    case 'agent.deleted':
    case 'agent.updated':
    case 'presence_status.created':
    case 'presence_status.updated':
    case 'presence_status.deleted':
    case 'team.members_added':
    case 'team.members_removed':
    case 'team.updated':
      return { ...NONE, reload: true, queues: true };
    default:
      return NONE;
  }
}

export interface BoardFilter {
  status: Effective | 'all';
  channel: string | 'all';
  text: string;
  /** Members of the chosen team, or null for the whole org. */
  team: ReadonlySet<string> | null;
}

/** Agent ids of `rows` in name order. */
export function nameOrder(rows: Map<string, BoardRow>): string[] {
  const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
  return [...rows.values()]
    .sort((a, b) => collator.compare(a.agent.full_name, b.agent.full_name))
    .map((r) => r.agent.id);
}

/** Rows that pass the filter, in name order. */
export function visibleRows(state: BoardState, filter: BoardFilter): BoardRow[] {
  const text = filter.text.trim().toLowerCase();
  const rows: BoardRow[] = [];
  for (const id of state.order) {
    const row = state.rows.get(id);
    if (row === undefined) {
      continue;
    }
    const p = row.presence;
    if (filter.team !== null && !filter.team.has(row.agent.id)) {
      continue;
    }
    if (filter.status !== 'all' && p.effective_status !== filter.status) {
      continue;
    }
    if (filter.channel !== 'all' && p.channels[filter.channel] !== true) {
      continue;
    }
    if (text !== '' && !`${row.agent.full_name} ${row.agent.email}`.toLowerCase().includes(text)) {
      continue;
    }
    rows.push(row);
  }
  return rows;
}

/** Count of agents per effective status among `rows`. */
export function totals(rows: readonly BoardRow[]): Record<Effective, number> {
  const counts: Record<Effective, number> = { available: 0, busy: 0, away: 0, offline: 0 };
  for (const row of rows) {
    counts[row.presence.effective_status] += 1;
  }
  return counts;
}

/** Every channel named by any agent's flags, sorted. */
export function channelsOf(state: BoardState): string[] {
  const names = new Set<string>();
  for (const row of state.rows.values()) {
    for (const name of Object.keys(row.presence.channels)) {
      names.add(name);
    }
  }
  return [...names].sort();
}

/** "42 s", "3 min", "2 h 5 min": how long since `since`. */
export function elapsed(since: string | null, now: number): string {
  if (since === null) {
    return '—';
  }
  const seconds = Math.max(0, Math.floor((now - Date.parse(since)) / 1000));
  if (seconds < 60) {
    return `${seconds} s`;
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    return `${minutes} min`;
  }
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
