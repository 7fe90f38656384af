import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  MultiSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
// The server's own list, so that a scope added there is offered here too.
import { SCOPES, type Scope } from '../../../src/core/access';
import { allPages, api, ok } from '../api';
import { applyApiError, ErrorNote, errorText } from '../forms';
import { useSession } from '../session';

function CreateKey({ onCreated }: { onCreated: (secret: string) => void }) {
  const { orgId, session } = useSession();
  const [error, setError] = useState<string | null>(null);
  // A key never gets more than its creator holds: offer only the session's scopes.
  const offered = SCOPES.filter((s) => session.scopes.includes(s));
  const form = useForm({
    initialValues: { name: '', scopes: [] as string[], agent_id: '' },
    validate: {
      name: (v) => (v.trim() === '' ? 'Name the key' : null),
      scopes: (v) => (v.length === 0 ? 'Pick at least one scope' : null),
      agent_id: (v) => (v === '' || /^[0-9a-f-]{36}$/i.test(v.trim()) ? null : 'An agent id is a UUID'),
    },
  });
  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      const { data } = await ok(
        api.POST('/v1/api-keys', {
          params: { query: { org_id: orgId } },
          body: {
            name: v.name.trim(),
            scopes: v.scopes as Scope[] as never,
            ...(v.agent_id ? { agent_id: v.agent_id.trim() } : {}),
          },
        }),
      );
      onCreated(data.key);
    } catch (err) {
      setError(applyApiError(form, err));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label="Name" withAsterisk {...form.getInputProps('name')} />
        <MultiSelect
          label="Scopes"
          withAsterisk
          data={offered}
          searchable
          {...form.getInputProps('scopes')}
        />
        <TextInput
          label="Agent id (optional)"
          description="The key then acts as that agent, limited by its role"
          {...form.getInputProps('agent_id')}
        />
        <ErrorNote error={error} />
        <Button type="submit" loading={form.submitting}>
          Create key
        </Button>
      </Stack>
    </form>
  );
}

/** API keys: create with scopes (the secret is shown once), list, revoke. */
export function Keys() {
  const { orgId, can, session } = useSession();
  const client = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const keys = useQuery({
    queryKey: ['keys', orgId],
    queryFn: () =>
      allPages((after) =>
        ok(api.GET('/v1/api-keys', { params: { query: { org_id: orgId, limit: 100, after } } })),
      ),
  });
  const revoke = async (id: string) => {
    setError(null);
    try {
      await ok(api.DELETE('/v1/api-keys/{id}', { params: { path: { id }, query: { org_id: orgId } } }));
      if (id === session.key_id) {
        // Revoking the key this session came from ends the session: the next call answers 401.
        await api.GET('/v1/sessions/current', {});
      }
      void client.invalidateQueries({ queryKey: ['keys'] });
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          API keys
        </Title>
        {can('keys:write') && (
          <Button
            onClick={() => {
              setSecret(null);
              setCreating(true);
            }}
          >
            New key
          </Button>
        )}
      </Group>
      <ErrorNote error={error ?? keys.error?.message ?? null} />
      <Table data-testid="keys" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Ends in</Table.Th>
            <Table.Th>Scopes</Table.Th>
            <Table.Th>Agent</Table.Th>
            <Table.Th>Last used</Table.Th>
            <Table.Th>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.data?.map((k) => (
            <Table.Tr key={k.id}>
              <Table.Td>
                {k.name}
                {k.id === session.key_id ? ' (this session)' : ''}
              </Table.Td>
              <Table.Td>
                <Code>…{k.last4}</Code>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{k.scopes.join(' ')}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{k.agent_id ?? 'org key'}</Text>
              </Table.Td>
              <Table.Td>
                {k.last_used_at === null ? 'never' : new Date(k.last_used_at).toLocaleString()}
              </Table.Td>
              <Table.Td>
                {can('keys:write') && (
                  <Button
                    size="compact-xs"
                    color="red"
                    variant="light"
                    onClick={() => revoke(k.id)}
                    aria-label={`Revoke ${k.name}`}
                  >
                    Revoke
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={creating} onClose={() => setCreating(false)} title="New API key">
        {secret === null ? (
          <CreateKey
            onCreated={(s) => {
              setSecret(s);
              void client.invalidateQueries({ queryKey: ['keys'] });
            }}
          />
        ) : (
          <Stack>
            <Alert color="yellow" title="Copy the key now">
              It is shown this once; Roster keeps only its hash.
            </Alert>
            <Code block data-testid="new-secret">
              {secret}
            </Code>
            <CopyButton value={secret}>
              {({ copied, copy }) => <Button onClick={copy}>{copied ? 'Copied' : 'Copy key'}</Button>}
            </CopyButton>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
