import { Button, Group, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { allPages, api, ok } from '../api';
import { applyApiError, ErrorNote, errorText } from '../forms';
import { useSession } from '../session';

type Status = 'queued' | 'assigned' | 'closed';

/** Conversations per team: queued and assigned; create, assign, transfer, close; live from /v1/events. */
export function Conversations() {
  const { orgId, can } = useSession();
  const client = useQueryClient();
  const [status, setStatus] = useState<Status>('queued');
  const [teamId, setTeamId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['conversations', orgId, status, teamId],
    queryFn: () =>
      allPages((after) =>
        ok(
          api.GET('/v1/conversations', {
            params: {
              query: { org_id: orgId, status, limit: 100, after, ...(teamId ? { team_id: teamId } : {}) },
            },
          }),
        ),
      ),
  });
  const teams = useQuery({
    queryKey: ['teams', orgId, 'all'],
    queryFn: () =>
      allPages((after) =>
        ok(api.GET('/v1/teams', { params: { query: { org_id: orgId, limit: 100, after } } })),
      ),
  });
  const teamName = new Map((teams.data ?? []).map((t) => [t.id, t.name]));
  // The queue updates live: any conversation event reloads the list.
  useEffect(() => {
    const source = new EventSource(`/v1/events?org_id=${orgId}&types=conversation.*`, {
      withCredentials: true,
    });
    const reload = () => void client.invalidateQueries({ queryKey: ['conversations'] });
    for (const t of [
      'conversation.created',
      'conversation.queued',
      'conversation.assigned',
      'conversation.transferred',
      'conversation.closed',
    ]) {
      source.addEventListener(t, reload);
    }
    return () => source.close();
  }, [orgId, client]);
  const form = useForm({ initialValues: { team_id: '', channel: '' } });
  const create = form.onSubmit(async (v) => {
    setError(null);
    try {
      await ok(
        api.POST('/v1/conversations', {
          params: { query: { org_id: orgId } },
          body: { team_id: v.team_id || null, channel: v.channel.trim() || null },
        }),
      );
      void client.invalidateQueries({ queryKey: ['conversations'] });
    } catch (err) {
      setError(applyApiError(form, err));
    }
  });
  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      void client.invalidateQueries({ queryKey: ['conversations'] });
    } catch (err) {
      setError(errorText(err));
    }
  };
  const params = (id: string) => ({ params: { path: { id }, query: { org_id: orgId } } });
  const teamOptions = (teams.data ?? []).map((t) => ({ value: t.id, label: t.name }));
  return (
    <Stack>
      <Title order={1} size="h2">
        Conversations
      </Title>
      <Group align="end">
        <Select
          label="Status"
          data={['queued', 'assigned', 'closed']}
          value={status}
          onChange={(v) => setStatus((v as Status) ?? 'queued')}
          allowDeselect={false}
        />
        <Select
          label="Team"
          clearable
          placeholder="Every team"
          data={teamOptions}
          value={teamId}
          onChange={setTeamId}
        />
      </Group>
      {can('conversations:write') && (
        <form onSubmit={create}>
          <Group align="end">
            <Select
              label="New conversation for team"
              clearable
              placeholder="No team"
              data={teamOptions}
              {...form.getInputProps('team_id')}
            />
            <TextInput label="Channel" placeholder="chat" {...form.getInputProps('channel')} />
            <Button type="submit">Create and route</Button>
          </Group>
        </form>
      )}
      <ErrorNote error={error ?? list.error?.message ?? null} />
      <Table data-testid="conversations" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Created</Table.Th>
            <Table.Th>Team</Table.Th>
            <Table.Th>Channel</Table.Th>
            <Table.Th>Assignee</Table.Th>
            <Table.Th>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data?.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{new Date(c.created_at).toLocaleTimeString()}</Table.Td>
              <Table.Td>{c.team_id === null ? '—' : (teamName.get(c.team_id) ?? c.team_id)}</Table.Td>
              <Table.Td>{c.channel ?? '—'}</Table.Td>
              <Table.Td>{c.assignee_id ?? '—'}</Table.Td>
              <Table.Td>
                {can('conversations:write') && c.status !== 'closed' && (
                  <Group gap={4}>
                    {c.team_id !== null && (
                      <Button
                        size="compact-xs"
                        variant="default"
                        onClick={() =>
                          act(() =>
                            ok(
                              api.POST('/v1/conversations/{id}/transfer', {
                                ...params(c.id),
                                body: { team_id: c.team_id ?? undefined },
                              }),
                            ),
                          )
                        }
                      >
                        Route again
                      </Button>
                    )}
                    <Button
                      size="compact-xs"
                      variant="light"
                      color="red"
                      onClick={() =>
                        act(() =>
                          ok(
                            api.PATCH('/v1/conversations/{id}', {
                              ...params(c.id),
                              body: { status: 'closed' },
                            }),
                          ),
                        )
                      }
                    >
                      Close
                    </Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
