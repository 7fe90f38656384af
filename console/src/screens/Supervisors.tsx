import { Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { AgentPicker } from '../AgentPicker';
import { allPages, api, ok } from '../api';
import { ErrorNote, errorText } from '../forms';
import { useSession } from '../session';

/** Supervisors: who monitors whom; assign and unassign agents. */
export function Supervisors() {
  const { orgId, can } = useSession();
  const client = useQueryClient();
  const [supervisor, setSupervisor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const supervisors = useQuery({
    queryKey: ['supervisors', orgId],
    queryFn: () =>
      allPages((after) =>
        ok(api.GET('/v1/supervisors', { params: { query: { org_id: orgId, limit: 100, after } } })),
      ),
  });
  const candidates = useQuery({
    queryKey: ['agents', orgId, 'supervisor-candidates'],
    queryFn: async () => {
      const [sup, admins] = await Promise.all(
        (['supervisor', 'admin'] as const).map((role) =>
          allPages((after) =>
            ok(api.GET('/v1/agents', { params: { query: { org_id: orgId, role, limit: 100, after } } })),
          ),
        ),
      );
      return [...(sup ?? []), ...(admins ?? [])];
    },
  });
  const agents = useQuery({
    queryKey: ['supervised', orgId, supervisor],
    enabled: supervisor !== null,
    queryFn: () =>
      allPages((after) =>
        ok(
          api.GET('/v1/supervisors/{id}/agents', {
            params: { path: { id: supervisor ?? '' }, query: { org_id: orgId, limit: 100, after } },
          }),
        ),
      ),
  });
  const change = async (add: string[], remove: string[]) => {
    setError(null);
    try {
      await ok(
        api.PATCH('/v1/supervisors/{id}/agents', {
          params: { path: { id: supervisor ?? '' }, query: { org_id: orgId } },
          body: { add, remove },
        }),
      );
      void client.invalidateQueries({ queryKey: ['supervised'] });
      void client.invalidateQueries({ queryKey: ['supervisors'] });
    } catch (err) {
      setError(errorText(err));
    }
  };
  const write = can('supervisors:write');
  return (
    <Stack>
      <Title order={1} size="h2">
        Supervisors
      </Title>
      <ErrorNote error={error ?? supervisors.error?.message ?? null} />
      <Table data-testid="supervisors" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Supervisor</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Agents monitored</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {supervisors.data?.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{s.full_name}</Table.Td>
              <Table.Td>{s.role}</Table.Td>
              <Table.Td>{s.agent_count}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Select
        label="Manage the agents of"
        placeholder="Pick a supervisor"
        searchable
        data={(candidates.data ?? []).map((a) => ({ value: a.id, label: `${a.full_name} (${a.role})` }))}
        value={supervisor}
        onChange={setSupervisor}
      />
      {supervisor !== null && (
        <Paper withBorder p="md">
          <Stack>
            {agents.data?.length === 0 && <Text>Monitors nobody yet.</Text>}
            {agents.data?.map((a) => (
              <Group key={a.id} justify="space-between">
                <Text>{a.full_name}</Text>
                {write && (
                  <Button size="compact-xs" variant="light" color="red" onClick={() => change([], [a.id])}>
                    Unassign
                  </Button>
                )}
              </Group>
            ))}
            {write && (
              <AgentPicker
                exclude={new Set((agents.data ?? []).map((a) => a.id))}
                action="Assign"
                onPick={(ids) => change(ids, [])}
              />
            )}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
