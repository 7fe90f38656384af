import { Button, Group, Menu, Table, Text } from '@mantine/core';
import { type ColumnDef, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { type AgentInfo, type BoardRow, elapsed } from './presence';
import { CapacityBar, StatusBadge } from './StatusBadge';

export interface BoardActions {
  /** Null when the key may not set others' presence. */
  setAvailability: ((agentId: string, change: { available: boolean; status?: string }) => void) | null;
  /** Opens the dialog that signs one of the agent's devices out; null when the key may not. */
  signOutDevice: ((agent: AgentInfo) => void) | null;
  statuses: { key: string; label: string }[];
}

const ROW_HEIGHT = 49;

/** What cells read that changes every second: kept out of the columns so cells are not remounted. */
interface BoardMeta {
  now: number;
}
const nowOf = (meta: unknown) => (meta as BoardMeta).now;

function columns(actions: BoardActions): ColumnDef<BoardRow>[] {
  return [
    {
      id: 'agent',
      header: 'Agent',
      cell: ({ row }) => (
        <div>
          <Text size="sm" fw={500}>
            {row.original.agent.full_name}
          </Text>
          <Text size="xs" c="dimmed">
            {row.original.agent.email}
          </Text>
        </div>
      ),
    },
    {
      id: 'status',
      header: 'Status',
      cell: ({ row }) => <StatusBadge status={row.original.presence.effective_status} />,
    },
    { id: 'connection', header: 'Connection', cell: ({ row }) => row.original.presence.connection },
    {
      id: 'chosen',
      header: 'Chosen status · channels',
      cell: ({ row }) => {
        const p = row.original.presence;
        const on = Object.entries(p.channels)
          .filter(([, v]) => v)
          .map(([k]) => k);
        return `${p.available ? '' : 'unavailable · '}${p.status}${on.length > 0 ? ` · ${on.join(', ')}` : ''}`;
      },
    },
    {
      id: 'capacity',
      header: 'Conversations',
      cell: ({ row }) => (
        <CapacityBar
          active={row.original.presence.active_conversations}
          capacity={row.original.presence.capacity}
        />
      ),
    },
    {
      id: 'since',
      header: 'In status',
      cell: ({ row, table }) => elapsed(row.original.presence.changed_at, nowOf(table.options.meta)),
    },
    {
      id: 'seen',
      header: 'Last seen',
      cell: ({ row, table }) => {
        const seen = row.original.presence.last_seen;
        return seen === null ? 'never' : `${elapsed(seen, nowOf(table.options.meta))} ago`;
      },
    },
    {
      id: 'actions',
      header: 'Actions',
      cell: ({ row }) => <RowActions row={row.original} actions={actions} />,
    },
  ];
}

function RowMenu({ row, actions }: { row: BoardRow; actions: BoardActions }) {
  // A closed Mantine menu still sets up its floating-element machinery: the board holds a plain
  // button until the menu is first wanted, so a screenful of rows renders quickly.
  const [wanted, setWanted] = useState(false);
  const set = actions.setAvailability;
  if (set === null) {
    return null;
  }
  const id = row.agent.id;
  const label = `Set status of ${row.agent.full_name}`;
  if (!wanted) {
    return (
      <Button size="compact-xs" variant="default" aria-label={label} onClick={() => setWanted(true)}>
        Set status
      </Button>
    );
  }
  return (
    <Menu position="bottom-end" withinPortal defaultOpened>
      <Menu.Target>
        <Button size="compact-xs" variant="default" aria-label={label}>
          Set status
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => set(id, { available: true, status: 'working' })}>
          Available (working)
        </Menu.Item>
        <Menu.Item onClick={() => set(id, { available: false })}>Unavailable</Menu.Item>
        {actions.statuses
          .filter((s) => s.key !== 'working')
          .map((s) => (
            <Menu.Item key={s.key} onClick={() => set(id, { available: true, status: s.key })}>
              {s.label}
            </Menu.Item>
          ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function RowActions({ row, actions }: { row: BoardRow; actions: BoardActions }) {
  const signOut = actions.signOutDevice;
  return (
    <Group gap={6} wrap="nowrap">
      <RowMenu row={row} actions={actions} />
      {signOut !== null && row.presence.connection === 'online' && (
        <Button
          size="compact-xs"
          variant="default"
          aria-label={`Sign out a device of ${row.agent.full_name}`}
          onClick={() => signOut(row.agent)}
        >
          Sign out a device
        </Button>
      )}
    </Group>
  );
}

/** The board's rows: a real table, virtualised (only the rows in view are in the DOM). */
export function BoardTable({ rows, now, actions }: { rows: BoardRow[]; now: number; actions: BoardActions }) {
  const cols = useMemo(() => columns(actions), [actions]);
  const scroller = useRef<HTMLElement>(null);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });
  const items = virtual.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const top = items[0]?.start ?? 0;
  const bottom = virtual.getTotalSize() - (items.at(-1)?.end ?? 0);
  // The board filters and orders rows itself, so the table needs only the rows in view: its row
  // model is then built for a screenful, not for every agent of the org at each change.
  const last = items.at(-1)?.index ?? -1;
  const windowed = useMemo(() => rows.slice(first, last + 1), [rows, first, last]);
  const table = useReactTable({
    data: windowed,
    columns: cols,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (r) => r.agent.id,
    meta: { now } satisfies BoardMeta,
  });
  const modelRows = table.getRowModel().rows;
  return (
    <section
      ref={scroller}
      style={{ height: 'calc(100vh - 320px)', minHeight: 300, overflow: 'auto' }}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll by keyboard
      tabIndex={0}
      aria-label="Agents on the board"
    >
      <Table stickyHeader data-testid="board" aria-rowcount={rows.length + 1}>
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>
              {group.headers.map((h) => (
                <Table.Th key={h.id}>{flexRender(h.column.columnDef.header, h.getContext())}</Table.Th>
              ))}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {top > 0 && (
            <tr>
              <td style={{ height: top, padding: 0 }} colSpan={cols.length} />
            </tr>
          )}
          {items.map((item) => {
            const row = modelRows[item.index - first];
            if (row === undefined) {
              return null;
            }
            return (
              <Table.Tr
                key={row.id}
                data-agent={row.original.agent.full_name}
                aria-rowindex={item.index + 2}
                style={{ height: ROW_HEIGHT }}
              >
                {row.getVisibleCells().map((cell) => (
                  <Table.Td key={cell.id}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
          {bottom > 0 && (
            <tr>
              <td style={{ height: bottom, padding: 0 }} colSpan={cols.length} />
            </tr>
          )}
        </Table.Tbody>
      </Table>
      {rows.length === 0 && (
        <Group p="md">
          <Text>No agent matches.</Text>
        </Group>
      )}
    </section>
  );
}
