import { Button, Group, Stack, Switch, Table, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok, presenceStatusesQuery } from '../api';
import { applyApiError, ErrorNote, errorText } from '../forms';
import { useSession } from '../session';

/** Presence statuses: the built-in ones and the org's own; add, change availability, delete. */
export function Statuses() {
  const { orgId, can } = useSession();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const statuses = useQuery(presenceStatusesQuery(orgId));
  const refresh = () => void client.invalidateQueries({ queryKey: ['presence-statuses'] });
  const form = useForm({
    initialValues: { key: '', label: '', available: false },
    validate: {
      key: (v) => (/^[a-z0-9_-]{1,64}$/.test(v) ? null : 'Lowercase letters, digits, _ or -'),
      label: (v) => (v.trim() === '' ? 'Enter a label' : null),
    },
  });
  const create = form.onSubmit(async (v) => {
    setError(null);
    try {
      await ok(
        api.POST('/v1/presence-statuses', {
          params: { query: { org_id: orgId } },
          body: { ...v, label: v.label.trim() },
        }),
      );
      form.reset();
      refresh();
    } catch (err) {
      setError(applyApiError(form, err));
    }
  });
  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      refresh();
    } catch (err) {
      setError(errorText(err));
    }
  };
  const write = can('presence:write');
  return (
    <Stack>
      <Title order={1} size="h2">
        Presence statuses
      </Title>
      <ErrorNote error={error ?? statuses.error?.message ?? null} />
      <Table data-testid="statuses" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Key</Table.Th>
            <Table.Th>Label</Table.Th>
            <Table.Th>Counts as available</Table.Th>
            <Table.Th>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {statuses.data?.map((s) => (
            <Table.Tr key={s.key}>
              <Table.Td>{s.key}</Table.Td>
              <Table.Td>{s.label}</Table.Td>
              <Table.Td>{s.available ? 'yes' : 'no'}</Table.Td>
              <Table.Td>
                {write && !s.built_in && (
                  <Group gap={4}>
                    <Button
                      size="compact-xs"
                      variant="default"
                      onClick={() =>
                        act(() =>
                          ok(
                            api.PATCH('/v1/presence-statuses/{key}', {
                              params: { path: { key: s.key }, query: { org_id: orgId } },
                              body: { available: !s.available },
                            }),
                          ),
                        )
                      }
                    >
                      {s.available ? 'Make unavailable' : 'Make available'}
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="light"
                      color="red"
                      onClick={() =>
                        act(() =>
                          ok(
                            api.DELETE('/v1/presence-statuses/{key}', {
                              params: { path: { key: s.key }, query: { org_id: orgId } },
                            }),
                          ),
                        )
                      }
                    >
                      Delete
                    </Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {write && (
        <form onSubmit={create} noValidate>
          <Group align="end">
            <TextInput label="Key" {...form.getInputProps('key')} />
            <TextInput label="Label" {...form.getInputProps('label')} />
            <Switch label="Counts as available" {...form.getInputProps('available', { type: 'checkbox' })} />
            <Button type="submit">Add status</Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}
