import { Button, Group, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { api, ok } from '../api';
import { applyApiError, ErrorNote } from '../forms';
import { useSession } from '../session';

export const ROLES = ['agent', 'supervisor', 'admin', 'owner'].map((r) => ({ value: r, label: r }));
type Role = 'owner' | 'admin' | 'supervisor' | 'agent';

export interface AgentFields {
  id?: string;
  full_name: string;
  email: string;
  role: string;
  max_concurrent: number | null;
  tags: string[];
  attributes: Record<string, unknown>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Creates an agent, or edits one (profile, role, capacity, tags, attributes). */
export function AgentForm({ agent, onDone }: { agent: AgentFields | null; onDone: () => void }) {
  const { orgId } = useSession();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      full_name: agent?.full_name ?? '',
      email: agent?.email ?? '',
      role: agent?.role ?? 'agent',
      max_concurrent: (agent?.max_concurrent ?? '') as number | '',
      tags: (agent?.tags ?? []).join(', '),
      attributes: JSON.stringify(agent?.attributes ?? {}, null, 2),
    },
    validate: {
      full_name: (v) => (v.trim() === '' ? 'Enter the name' : null),
      email: (v) => (EMAIL.test(v.trim()) ? null : 'Enter an email address'),
      attributes: (v) => {
        try {
          const parsed = JSON.parse(v || '{}');
          return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
            ? null
            : 'Must be a JSON object';
        } catch {
          return 'Must be valid JSON';
        }
      },
    },
  });
  const submit = form.onSubmit(async (v) => {
    setError(null);
    const body = {
      full_name: v.full_name.trim(),
      email: v.email.trim(),
      role: v.role as Role,
      max_concurrent: v.max_concurrent === '' ? null : Number(v.max_concurrent),
      tags: v.tags
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== ''),
      attributes: JSON.parse(v.attributes || '{}') as Record<string, string>,
    };
    try {
      if (agent?.id === undefined) {
        await ok(api.POST('/v1/agents', { params: { query: { org_id: orgId } }, body }));
      } else {
        await ok(
          api.PATCH('/v1/agents/{id}', {
            params: { path: { id: agent.id }, query: { org_id: orgId } },
            body,
          }),
        );
      }
      onDone();
    } catch (err) {
      setError(applyApiError(form, err));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label="Full name" withAsterisk {...form.getInputProps('full_name')} />
        <TextInput label="Email" withAsterisk type="email" {...form.getInputProps('email')} />
        <Group grow>
          <Select label="Role" data={ROLES} allowDeselect={false} {...form.getInputProps('role')} />
          <NumberInput
            label="Capacity (conversations)"
            min={0}
            max={1000}
            {...form.getInputProps('max_concurrent')}
          />
        </Group>
        <TextInput label="Tags" description="Comma-separated" {...form.getInputProps('tags')} />
        <Textarea label="Attributes (JSON)" autosize minRows={2} {...form.getInputProps('attributes')} />
        <ErrorNote error={error} />
        <Button type="submit" loading={form.submitting}>
          {agent?.id === undefined ? 'Create agent' : 'Save'}
        </Button>
      </Stack>
    </form>
  );
}
