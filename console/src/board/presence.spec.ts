import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  type BoardState,
  deriveEffective,
  elapsed,
  nameOrder,
  type Presence,
  totals,
  visibleRows,
} from './presence';

const presence = (id: string, change: Partial<Presence> = {}): Presence => ({
  agent_id: id,
  connection: 'online',
  status: 'working',
  available: true,
  channels: { chat: true },
  active_channels: ['chat'],
  effective_status: 'available',
  active_conversations: 0,
  capacity: 2,
  last_seen: '2026-01-01T00:00:00.000Z',
  changed_at: '2026-01-01T00:00:00.000Z',
  ...change,
});

function board(): BoardState {
  const rows = new Map();
  for (const [id, name] of [
    ['a', 'Ada'],
    ['b', 'Bob'],
  ] as const) {
    rows.set(id, {
      agent: { id, full_name: name, email: `${name.toLowerCase()}@example.com`, role: 'agent' },
      presence: presence(id),
    });
  }
  return {
    rows,
    order: nameOrder(rows),
    statusAvailable: new Map([
      ['working', true],
      ['away', false],
      ['lunch', false],
    ]),
  };
}

const event = (type: string, data: Record<string, unknown>) => ({
  id: 'e1',
  type,
  occurred_at: '2026-01-01T00:01:00.000Z',
  data,
});

describe('the board state', () => {
  it('derives effective status as Roster does: offline, then choice, then capacity', () => {
    const p = presence('a');
    expect(deriveEffective(p, true)).toBe('available');
    expect(deriveEffective({ ...p, connection: 'offline', available: false }, false)).toBe('offline');
    expect(deriveEffective({ ...p, available: false }, true)).toBe('away');
    expect(deriveEffective(p, false)).toBe('away');
    expect(deriveEffective({ ...p, active_conversations: 2 }, true)).toBe('busy');
  });

  it('applies a disconnect and an availability change at once, without asking the API', () => {
    const state = board();
    const off = applyEvent(
      state,
      event('agent.presence_changed', {
        agent_id: 'a',
        connection: 'offline',
        last_seen: '2026-01-01T00:00:59.000Z',
      }),
    );
    expect(off).toMatchObject({ changed: true, reload: false, refetchAgents: [] });
    expect(state.rows.get('a')?.presence).toMatchObject({
      connection: 'offline',
      effective_status: 'offline',
      active_channels: [],
    });
    applyEvent(
      state,
      event('agent.availability_changed', {
        agent_id: 'b',
        available: true,
        status: 'lunch',
        channels: { chat: true },
      }),
    );
    expect(state.rows.get('b')?.presence.effective_status).toBe('away');
    expect(state.rows.get('b')?.presence.changed_at).toBe('2026-01-01T00:01:00.000Z');
    // Coming back online is applied as it is too: a shift's sign-ins do not read the API again.
    const on = applyEvent(
      state,
      event('agent.presence_changed', {
        agent_id: 'a',
        connection: 'online',
        last_seen: '2026-01-01T00:01:30.000Z',
      }),
    );
    expect(on).toMatchObject({ changed: true, reload: false, refetchAgents: [] });
    expect(state.rows.get('a')?.presence).toMatchObject({
      connection: 'online',
      effective_status: 'available',
    });
  });

  it('asks to read again the agents a conversation moved, and to reload on membership changes', () => {
    const state = board();
    expect(
      applyEvent(state, event('conversation.assigned', { agent_id: 'a', conversation_id: 'c' })),
    ).toMatchObject({ refetchAgents: ['a'], queues: true });
    expect(
      applyEvent(state, event('conversation.transferred', { from_agent_id: 'a', to_agent_id: 'b' }))
        .refetchAgents,
    ).toEqual(['a', 'b']);
    expect(applyEvent(state, event('agent.created', { agent_id: 'z' })).reload).toBe(true);
    expect(
      applyEvent(state, event('agent.presence_changed', { agent_id: 'unknown', connection: 'online' }))
        .changed,
    ).toBe(false);
  });

  it('filters by status, channel, text and team, and counts per status', () => {
    const state = board();
    applyEvent(
      state,
      event('agent.presence_changed', { agent_id: 'b', connection: 'offline', last_seen: null }),
    );
    const all = { status: 'all', channel: 'all', text: '', team: null } as const;
    expect(visibleRows(state, all).map((r) => r.agent.full_name)).toEqual(['Ada', 'Bob']);
    expect(visibleRows(state, { ...all, status: 'offline' }).map((r) => r.agent.id)).toEqual(['b']);
    expect(visibleRows(state, { ...all, text: 'ADA@' }).map((r) => r.agent.id)).toEqual(['a']);
    expect(visibleRows(state, { ...all, channel: 'voice' })).toEqual([]);
    expect(visibleRows(state, { ...all, team: new Set(['b']) }).map((r) => r.agent.id)).toEqual(['b']);
    expect(totals(visibleRows(state, all))).toEqual({ available: 1, busy: 0, away: 0, offline: 1 });
  });

  it('says how long an agent has been in its status', () => {
    const now = Date.parse('2026-01-01T02:05:30.000Z');
    expect(elapsed(null, now)).toBe('—');
    expect(elapsed('2026-01-01T02:05:00.000Z', now)).toBe('30 s');
    expect(elapsed('2026-01-01T02:00:00.000Z', now)).toBe('5 min');
    expect(elapsed('2026-01-01T00:00:00.000Z', now)).toBe('2 h 5 min');
  });
});
