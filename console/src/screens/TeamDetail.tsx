import {
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { AgentPicker } from '../AgentPicker';
import { api, ok } from '../api';
import { applyApiError, ErrorNote, errorText } from '../forms';
import { useSession } from '../session';
import { MemberPriority } from './MemberPriority';
import { ROUTING } from './Teams';

type Routing = 'manual' | 'round_robin' | 'least_busy';
type TeamData = NonNullable<Awaited<ReturnType<typeof loadTeam>>>;

async function loadTeam(orgId: string, id: string) {
  return (await ok(api.GET('/v1/teams/{id}', { params: { path: { id }, query: { org_id: orgId } } }))).data;
}

function EditTeam({ team, onSaved }: { team: TeamData; onSaved: () => void }) {
  const { orgId } = useSession();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      name: team.name,
      description: team.description ?? '',
      routing: team.routing as string,
      default_max_concurrent: (team.default_max_concurrent ?? '') as number | '',
      enabled: team.enabled,
    },
    validate: { name: (v) => (v.trim() === '' ? 'A team needs a name' : null) },
  });
  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      await ok(
        api.PATCH('/v1/teams/{id}', {
          params: { path: { id: team.id }, query: { org_id: orgId } },
          body: {
            name: v.name.trim(),
            description: v.description.trim() === '' ? null : v.description.trim(),
            routing: v.routing as Routing,
            default_max_concurrent: v.default_max_concurrent === '' ? null : Number(v.default_max_concurrent),
            enabled: v.enabled,
          },
        }),
      );
      onSaved();
    } catch (err) {
      setError(applyApiError(form, err));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label="Name" withAsterisk {...form.getInputProps('name')} />
        <Textarea label="Description" {...form.getInputProps('description')} />
        <Group grow>
          <Select label="Routing" data={ROUTING} allowDeselect={false} {...form.getInputProps('routing')} />
          <NumberInput
            label="Default capacity"
            min={0}
            max={1000}
            {...form.getInputProps('default_max_concurrent')}
          />
        </Group>
        <Switch label="Takes new work (enabled)" {...form.getInputProps('enabled', { type: 'checkbox' })} />
        <ErrorNote error={error} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One team: edit, archive, delete; members with bulk add and remove. */
export function TeamDetail() {
  const { id = '' } = useParams();
  const { orgId, can } = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const team = useQuery({ queryKey: ['team', orgId, id], queryFn: () => loadTeam(orgId, id) });
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['team', orgId, id] });
    void client.invalidateQueries({ queryKey: ['teams'] });
  };
  const members = async (add: string[], remove: string[]) => {
    setError(null);
    try {
      await ok(
        api.PATCH('/v1/teams/{id}/members', {
          params: { path: { id }, query: { org_id: orgId } },
          body: { add, remove },
        }),
      );
      setSelected(new Set());
      refresh();
    } catch (err) {
      setError(errorText(err));
    }
  };
  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      refresh();
    } catch (err) {
      setError(errorText(err));
    }
  };
  const params = { params: { path: { id }, query: { org_id: orgId } } };
  if (team.isPending) {
    return <Text>Loading…</Text>;
  }
  if (team.error) {
    return <ErrorNote error={team.error.message} title="The team could not be loaded" />;
  }
  const t = team.data;
  const write = can('teams:write');
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t.name}
        </Title>
        {write && (
          <Group>
            <Button
              variant="default"
              onClick={() =>
                act(() =>
                  ok(api.PATCH('/v1/teams/{id}', { ...params, body: { archived: t.archived_at === null } })),
                )
              }
            >
              {t.archived_at === null ? 'Archive' : 'Unarchive'}
            </Button>
            {can('teams:delete') && (
              <Button color="red" variant="light" onClick={() => setConfirmDelete(true)}>
                Delete
              </Button>
            )}
          </Group>
        )}
      </Group>
      <ErrorNote error={error} />
      {write && (
        <Paper withBorder p="md">
          <EditTeam key={t.updated_at} team={t} onSaved={refresh} />
        </Paper>
      )}
      <Title order={2} size="h3">
        Members ({t.members.length})
      </Title>
      {write && (
        <Group>
          <Button
            color="red"
            variant="light"
            disabled={selected.size === 0}
            onClick={() => members([], [...selected])}
          >
            Remove {selected.size} selected
          </Button>
        </Group>
      )}
      <Table data-testid="members">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>
              <Checkbox
                aria-label="Select every member"
                checked={selected.size > 0 && selected.size === t.members.length}
                onChange={(e) =>
                  setSelected(e.currentTarget.checked ? new Set(t.members.map((m) => m.id)) : new Set())
                }
              />
            </Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th>Priority</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {t.members.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>
                <Checkbox
                  aria-label={`Select ${m.full_name}`}
                  checked={selected.has(m.id)}
                  onChange={(e) => {
                    const next = new Set(selected);
                    e.currentTarget.checked ? next.add(m.id) : next.delete(m.id);
                    setSelected(next);
                  }}
                />
              </Table.Td>
              <Table.Td>{m.full_name}</Table.Td>
              <Table.Td>{m.email}</Table.Td>
              <Table.Td>
                <MemberPriority
                  key={m.priority}
                  teamId={t.id}
                  member={m}
                  editable={write}
                  onSaved={refresh}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {write && (
        <Paper withBorder p="md" component="section" aria-label="Add members">
          <Title order={3} size="h4" mb="xs">
            Add members
          </Title>
          <AgentPicker
            exclude={new Set(t.members.map((m) => m.id))}
            action="Add"
            onPick={(ids) => members(ids, [])}
          />
        </Paper>
      )}
      <Modal opened={confirmDelete} onClose={() => setConfirmDelete(false)} title={`Delete ${t.name}?`}>
        <Stack>
          <Text>
            The team and its {t.members.length} memberships are deleted; its agents stay in the org. Its
            queued conversations lose their team.
          </Text>
          <Group>
            <Button
              color="red"
              onClick={() =>
                act(async () => {
                  await ok(api.DELETE('/v1/teams/{id}', params));
                  navigate('/teams');
                })
              }
            >
              Delete team
            </Button>
            <Button variant="default" onClick={() => setConfirmDelete(false)}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
