import { Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ColumnDef, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useMemo, useRef, useState } from 'react';
import { allPages, api, nextCursor, ok } from '../api';
import { ErrorNote, errorText } from '../forms';
import { useSession } from '../session';
import { type AgentFields, AgentForm, ROLES } from './AgentForm';

type Agent = AgentFields & { id: string; status: string; tags: string[] };
type Role = 'owner' | 'admin' | 'supervisor' | 'agent';
type Status = 'active' | 'invited' | 'disabled';

/** Agents: filters, keyset paging through the API, create, edit, disable, delete. */
export function Agents() {
  const { orgId, can } = useSession();
  const client = useQueryClient();
  const [role, setRole] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [teamId, setTeamId] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  // Cursors of the pages seen: keyset paging goes forward by cursor and back through this list.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [editing, setEditing] = useState<Agent | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Agent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const after = cursors.at(-1);
  const filters = {
    role: (role ?? undefined) as Role | undefined,
    status: (status ?? undefined) as Status | undefined,
    team_id: teamId ?? undefined,
    q: q === '' ? undefined : q,
  };
  const page = useQuery({
    queryKey: ['agents', orgId, filters, after],
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const { data, response } = await ok(
        api.GET('/v1/agents', { params: { query: { org_id: orgId, limit: 100, after, ...filters } } }),
      );
      return { rows: data as Agent[], next: nextCursor(response) };
    },
  });
  const teams = useQuery({
    queryKey: ['teams', orgId, 'all'],
    enabled: can('teams:read'),
    queryFn: () =>
      allPages((a) =>
        ok(api.GET('/v1/teams', { params: { query: { org_id: orgId, limit: 100, after: a } } })),
      ),
  });
  const refresh = () => void client.invalidateQueries({ queryKey: ['agents'] });
  const resetPaging = () => setCursors([undefined]);
  const setAgentStatus = async (a: Agent, next: Status) => {
    setError(null);
    try {
      await ok(
        api.PATCH('/v1/agents/{id}', {
          params: { path: { id: a.id }, query: { org_id: orgId } },
          body: { status: next },
        }),
      );
      refresh();
    } catch (err) {
      setError(errorText(err));
    }
  };
  const remove = async (a: Agent) => {
    setError(null);
    try {
      await ok(api.DELETE('/v1/agents/{id}', { params: { path: { id: a.id }, query: { org_id: orgId } } }));
      setDeleting(null);
      refresh();
    } catch (err) {
      setError(errorText(err));
    }
  };
  const write = can('agents:write');
  // Cells call the latest handler through a ref, so the columns (and the cells) stay the same.
  const toggleStatus = useRef(setAgentStatus);
  toggleStatus.current = setAgentStatus;
  const columns = useMemo<ColumnDef<Agent>[]>(
    () => [
      { header: 'Name', accessorKey: 'full_name' },
      { header: 'Email', accessorKey: 'email' },
      { header: 'Role', accessorKey: 'role' },
      {
        header: 'Status',
        cell: ({ row }) => (
          <Badge color={row.original.status === 'active' ? 'green.2' : 'gray.3'} variant="filled" c="dark.9">
            {row.original.status}
          </Badge>
        ),
      },
      { header: 'Capacity', cell: ({ row }) => row.original.max_concurrent ?? 'default' },
      { header: 'Tags', cell: ({ row }) => row.original.tags.join(', ') },
      {
        header: 'Actions',
        cell: ({ row }) =>
          write ? (
            <Group gap={4} wrap="nowrap">
              <Button
                size="compact-xs"
                variant="default"
                onClick={() => setEditing(row.original)}
                aria-label={`Edit ${row.original.full_name}`}
              >
                Edit
              </Button>
              <Button
                size="compact-xs"
                variant="default"
                onClick={() =>
                  toggleStatus.current(
                    row.original,
                    row.original.status === 'disabled' ? 'active' : 'disabled',
                  )
                }
                aria-label={`${row.original.status === 'disabled' ? 'Enable' : 'Disable'} ${row.original.full_name}`}
              >
                {row.original.status === 'disabled' ? 'Enable' : 'Disable'}
              </Button>
              {can('agents:delete') && (
                <Button
                  size="compact-xs"
                  color="red"
                  variant="light"
                  onClick={() => setDeleting(row.original)}
                  aria-label={`Delete ${row.original.full_name}`}
                >
                  Delete
                </Button>
              )}
            </Group>
          ) : null,
      },
    ],
    [write, can],
  );
  const table = useReactTable({
    data: page.data?.rows ?? [],
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (r) => r.id,
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Agents
        </Title>
        {write && <Button onClick={() => setEditing('new')}>New agent</Button>}
      </Group>
      <Group align="end">
        <TextInput
          label="Search"
          placeholder="Name or email"
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            resetPaging();
          }}
        />
        <Select
          label="Role"
          clearable
          placeholder="Any role"
          data={ROLES}
          value={role}
          onChange={(v) => {
            setRole(v);
            resetPaging();
          }}
        />
        <Select
          label="Status"
          clearable
          placeholder="Any status"
          data={['active', 'invited', 'disabled']}
          value={status}
          onChange={(v) => {
            setStatus(v);
            resetPaging();
          }}
        />
        {can('teams:read') && (
          <Select
            label="Team"
            clearable
            placeholder="Any team"
            data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
            value={teamId}
            onChange={(v) => {
              setTeamId(v);
              resetPaging();
            }}
          />
        )}
      </Group>
      <ErrorNote error={error ?? page.error?.message ?? null} />
      <Table data-testid="agents" striped>
        <Table.Thead>
          {table.getHeaderGroups().map((g) => (
            <Table.Tr key={g.id}>
              {g.headers.map((h) => (
                <Table.Th key={h.id}>{flexRender(h.column.columnDef.header, h.getContext())}</Table.Th>
              ))}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {table.getRowModel().rows.map((r) => (
            <Table.Tr key={r.id}>
              {r.getVisibleCells().map((c) => (
                <Table.Td key={c.id}>{flexRender(c.column.columnDef.cell, c.getContext())}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button
          variant="default"
          disabled={cursors.length <= 1}
          onClick={() => setCursors(cursors.slice(0, -1))}
        >
          Previous page
        </Button>
        <Text size="sm">Page {cursors.length}</Text>
        <Button
          variant="default"
          disabled={!page.data?.next}
          onClick={() => page.data?.next && setCursors([...cursors, page.data.next])}
        >
          Next page
        </Button>
      </Group>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'New agent' : 'Edit agent'}
      >
        {editing !== null && (
          <AgentForm
            agent={editing === 'new' ? null : editing}
            onDone={() => {
              setEditing(null);
              refresh();
            }}
          />
        )}
      </Modal>
      <Modal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={`Delete ${deleting?.full_name ?? ''}?`}
      >
        <Stack>
          <Text>
            The agent is removed from every team and supervisor, its API keys stop working, and its open
            conversations go back to their queues.
          </Text>
          <Group>
            <Button color="red" onClick={() => deleting && remove(deleting)}>
              Delete agent
            </Button>
            <Button variant="default" onClick={() => setDeleting(null)}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
