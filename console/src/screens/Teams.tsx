import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { allPages, api, ok } from '../api';
import { applyApiError, ErrorNote } from '../forms';
import { useSession } from '../session';

export const ROUTING = [
  { value: 'manual', label: 'Manual' },
  { value: 'round_robin', label: 'Round robin' },
  { value: 'least_busy', label: 'Least busy' },
];

type Routing = 'manual' | 'round_robin' | 'least_busy';

function CreateTeam({ onDone }: { onDone: () => void }) {
  const { orgId } = useSession();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      name: '',
      description: '',
      routing: 'round_robin',
      default_max_concurrent: '' as number | '',
    },
    validate: {
      name: (v) =>
        v.trim() === '' ? 'A team needs a name' : v.length > 255 ? 'At most 255 characters' : null,
    },
  });
  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      await ok(
        api.POST('/v1/teams', {
          params: { query: { org_id: orgId } },
          body: {
            name: v.name.trim(),
            description: v.description.trim() === '' ? null : v.description.trim(),
            routing: v.routing as Routing,
            default_max_concurrent: v.default_max_concurrent === '' ? null : Number(v.default_max_concurrent),
          },
        }),
      );
      onDone();
    } catch (err) {
      setError(applyApiError(form, err));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label="Name" withAsterisk {...form.getInputProps('name')} />
        <Textarea label="Description" {...form.getInputProps('description')} />
        <Select label="Routing" data={ROUTING} allowDeselect={false} {...form.getInputProps('routing')} />
        <NumberInput
          label="Default capacity"
          min={0}
          max={1000}
          {...form.getInputProps('default_max_concurrent')}
        />
        <ErrorNote error={error} />
        <Button type="submit" loading={form.submitting}>
          Create team
        </Button>
      </Stack>
    </form>
  );
}

/** Teams: member counts and routing; create here, edit and manage members on a team's page. */
export function Teams() {
  const { orgId, can } = useSession();
  const client = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [archived, setArchived] = useState(false);
  const teams = useQuery({
    queryKey: ['teams', orgId, archived ? 'archived' : 'active'],
    queryFn: () =>
      allPages((after) =>
        ok(api.GET('/v1/teams', { params: { query: { org_id: orgId, archived, limit: 100, after } } })),
      ),
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Teams
        </Title>
        <Group>
          <Button variant="default" onClick={() => setArchived(!archived)}>
            {archived ? 'Show active teams' : 'Show archived teams'}
          </Button>
          {can('teams:write') && <Button onClick={() => setCreating(true)}>New team</Button>}
        </Group>
      </Group>
      <ErrorNote error={teams.error?.message ?? null} title="The teams could not be loaded" />
      <Table data-testid="teams" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Members</Table.Th>
            <Table.Th>Routing</Table.Th>
            <Table.Th>Default capacity</Table.Th>
            <Table.Th>State</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {teams.data?.map((t) => (
            <Table.Tr key={t.id}>
              <Table.Td>
                <Anchor component={Link} to={`/teams/${t.id}`}>
                  {t.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{t.member_count}</Table.Td>
              <Table.Td>{ROUTING.find((r) => r.value === t.routing)?.label ?? t.routing}</Table.Td>
              <Table.Td>{t.default_max_concurrent ?? 'org default'}</Table.Td>
              <Table.Td>
                {t.archived_at !== null ? (
                  <Badge color="gray.3" c="dark.9">
                    archived
                  </Badge>
                ) : t.enabled ? (
                  <Badge color="green.2" c="dark.9">
                    enabled
                  </Badge>
                ) : (
                  <Badge color="yellow.2" c="dark.9">
                    disabled
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={creating} onClose={() => setCreating(false)} title="New team">
        <CreateTeam
          onDone={() => {
            setCreating(false);
            void client.invalidateQueries({ queryKey: ['teams'] });
          }}
        />
      </Modal>
    </Stack>
  );
}
