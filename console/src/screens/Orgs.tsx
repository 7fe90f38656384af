import { Button, Group, Stack, Table, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { allPages, api, ok } from '../api';
import { applyApiError, ErrorNote } from '../forms';
import { useSession } from '../session';

/** Orgs, for the master key: list, create, and pick the org the other screens work on. */
export function Orgs() {
  const { orgId, setOrgId } = useSession();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const orgs = useQuery({
    queryKey: ['orgs'],
    queryFn: () => allPages((after) => ok(api.GET('/v1/orgs', { params: { query: { limit: 100, after } } }))),
  });
  const form = useForm({
    initialValues: { name: '' },
    validate: { name: (v) => (v.trim() === '' ? 'Name the org' : null) },
  });
  const create = form.onSubmit(async (v) => {
    setError(null);
    try {
      await ok(api.POST('/v1/orgs', { body: { name: v.name.trim() } }));
      form.reset();
      void client.invalidateQueries({ queryKey: ['orgs'] });
    } catch (err) {
      setError(applyApiError(form, err));
    }
  });
  return (
    <Stack>
      <Title order={1} size="h2">
        Orgs
      </Title>
      <ErrorNote error={error ?? orgs.error?.message ?? null} />
      <Table data-testid="orgs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Default capacity</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Work on it</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {orgs.data?.map((o) => (
            <Table.Tr key={o.id}>
              <Table.Td>{o.name}</Table.Td>
              <Table.Td>{o.default_max_concurrent}</Table.Td>
              <Table.Td>{new Date(o.created_at).toLocaleDateString()}</Table.Td>
              <Table.Td>
                <Button
                  size="compact-xs"
                  variant={o.id === orgId ? 'filled' : 'default'}
                  onClick={() => setOrgId(o.id)}
                  aria-pressed={o.id === orgId}
                >
                  {o.id === orgId ? 'Current' : 'Switch'}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <form onSubmit={create} noValidate>
        <Group align="end">
          <TextInput label="New org" {...form.getInputProps('name')} />
          <Button type="submit">Create org</Button>
        </Group>
      </form>
    </Stack>
  );
}
