import { Alert, Badge, Group, Loader, Select, Stack, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { allPages, api, ok, presenceStatusesQuery } from '../api';
import { useSession } from '../session';
import { type BoardActions, BoardTable } from './BoardTable';
import { type AgentInfo, channelsOf, EFFECTIVE, type Effective, totals, visibleRows } from './presence';
import { QueuePanel } from './QueuePanel';
import { SignOutDevice } from './SignOutDevice';
import { STATUS_COLOR } from './StatusBadge';
import { useLiveBoard } from './useLiveBoard';

/** A clock for "time in status": one tick a second for the whole board. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** The home screen: every agent's presence, live, with totals, filters and the queues. */
export function Board() {
  const { orgId, can } = useSession();
  const live = useLiveBoard();
  const now = useNow();
  const [status, setStatus] = useState<Effective | 'all'>('all');
  const [channel, setChannel] = useState('all');
  const [teamId, setTeamId] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [actionError, setActionError] = useState<string | null>(null);
  const [devicesOf, setDevicesOf] = useState<AgentInfo | null>(null);

  const teams = useQuery({
    queryKey: ['teams', orgId, 'all'],
    enabled: can('teams:read'),
    queryFn: () =>
      allPages((after) =>
        ok(api.GET('/v1/teams', { params: { query: { org_id: orgId, limit: 100, after } } })),
      ),
  });
  const members = useQuery({
    queryKey: ['team', orgId, teamId, live.version > 0],
    enabled: teamId !== null,
    queryFn: async () => {
      const { data } = await ok(
        api.GET('/v1/teams/{id}', { params: { path: { id: teamId ?? '' }, query: { org_id: orgId } } }),
      );
      return new Set(data.members.map((m) => m.id));
    },
  });
  const statuses = useQuery(presenceStatusesQuery(orgId));

  const board = live.board;
  // biome-ignore lint/correctness/useExhaustiveDependencies: version says when the board (mutated in place) changed
  const all = useMemo(
    () => (board === null ? [] : visibleRows(board, { status: 'all', channel: 'all', text: '', team: null })),
    [board, live.version],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: version says when the board changed
  const rows = useMemo(
    () =>
      board === null
        ? []
        : visibleRows(board, {
            status,
            channel,
            text,
            team: teamId === null ? null : (members.data ?? new Set()),
          }),
    [board, live.version, status, channel, text, teamId, members.data],
  );
  const counts = useMemo(() => totals(teamId === null ? all : rows), [all, rows, teamId]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version says when the board changed
  const channels = useMemo(() => (board === null ? [] : channelsOf(board)), [board, live.version]);
  const teamNames = useMemo(() => new Map((teams.data ?? []).map((t) => [t.id, t.name])), [teams.data]);

  const setAvailability = useCallback(
    async (agentId: string, change: { available: boolean; status?: string }) => {
      setActionError(null);
      try {
        await ok(
          api.PUT('/v1/agents/{id}/availability', {
            params: { path: { id: agentId }, query: { org_id: orgId } },
            body: change,
          }),
        );
      } catch (err) {
        setActionError(err instanceof Error ? err.message : String(err));
      }
    },
    [orgId],
  );
  const actions = useMemo<BoardActions>(
    () => ({
      setAvailability: can('presence:write') ? setAvailability : null,
      signOutDevice: can('presence:write') ? setDevicesOf : null,
      statuses: statuses.data ?? [],
    }),
    [can, setAvailability, statuses.data],
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Presence board
        </Title>
        <Badge
          color={live.stream === 'live' ? 'green.2' : 'orange.3'}
          variant="filled"
          role="status"
          data-testid="stream-state"
          c="dark.9"
        >
          {live.stream === 'live'
            ? 'Live'
            : live.stream === 'connecting'
              ? 'Connecting…'
              : 'Reconnecting… (data may be stale)'}
        </Badge>
      </Group>
      {live.stream === 'reconnecting' && (
        <Alert color="orange" title="Reconnecting">
          The live stream dropped. The board is reconnecting and will reload when it is back; what you see may
          be out of date.
        </Alert>
      )}
      {live.error !== null && (
        <Alert color="red" title="The board could not be loaded" role="alert">
          {live.error}
        </Alert>
      )}
      {actionError !== null && (
        <Alert
          color="red"
          title="The status was not changed"
          role="alert"
          withCloseButton
          onClose={() => setActionError(null)}
        >
          {actionError}
        </Alert>
      )}
      <Group gap="xs" aria-label="Totals per status" role="group" data-testid="totals">
        {EFFECTIVE.map((s) => (
          <Badge key={s} size="lg" color={STATUS_COLOR[s]} variant="filled" data-total={s} c="dark.9">
            {s}: {counts[s]}
          </Badge>
        ))}
        <Badge size="lg" variant="default">
          agents:{' '}
          {teamId === null ? all.length : counts.available + counts.busy + counts.away + counts.offline}
        </Badge>
      </Group>
      <Group align="end">
        <TextInput
          label="Search"
          placeholder="Name or email"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <Select
          label="Status"
          value={status}
          onChange={(v) => setStatus((v as Effective | 'all' | null) ?? 'all')}
          data={[{ value: 'all', label: 'Every status' }, ...EFFECTIVE.map((s) => ({ value: s, label: s }))]}
        />
        <Select
          label="Channel"
          value={channel}
          onChange={(v) => setChannel(v ?? 'all')}
          data={[{ value: 'all', label: 'Every channel' }, ...channels.map((c) => ({ value: c, label: c }))]}
        />
        {can('teams:read') && (
          <Select
            label="Team"
            value={teamId ?? 'all'}
            onChange={(v) => setTeamId(v === 'all' ? null : v)}
            data={[
              { value: 'all', label: 'Whole org' },
              ...(teams.data ?? []).map((t) => ({ value: t.id, label: t.name })),
            ]}
          />
        )}
      </Group>
      {board === null && live.error === null ? (
        <Loader role="status" aria-label="Loading the board" />
      ) : (
        <BoardTable rows={rows} now={now} actions={actions} />
      )}
      <SignOutDevice agent={devicesOf} onClose={() => setDevicesOf(null)} />
      {can('conversations:read') && <QueuePanel version={live.queueVersion} now={now} teams={teamNames} />}
    </Stack>
  );
}
