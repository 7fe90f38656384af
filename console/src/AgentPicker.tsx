import { Button, Checkbox, Group, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { allPages, api, ok } from './api';
import { useSession } from './session';

/** Most agents one bulk change may name (the API's limit). */
export const BULK_LIMIT = 1000;

/**
 * Picks agents of the org: search by name or email through the API, tick some, or take every
 * match (up to 1,000) at once. `exclude` (already members) are left out.
 */
export function AgentPicker(props: {
  exclude: ReadonlySet<string>;
  onPick: (ids: string[]) => Promise<void>;
  action: string;
}) {
  const { orgId } = useSession();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const matches = useQuery({
    queryKey: ['agent-picker', orgId, q],
    queryFn: async () => {
      const all = await allPages((after) =>
        ok(
          api.GET('/v1/agents', {
            params: { query: { org_id: orgId, limit: 100, after, ...(q === '' ? {} : { q }) } },
          }),
        ),
      );
      return all.filter((a) => a.status === 'active').slice(0, BULK_LIMIT + props.exclude.size);
    },
  });
  const candidates = (matches.data ?? []).filter((a) => !props.exclude.has(a.id));
  const pick = async (ids: string[]) => {
    setBusy(true);
    try {
      await props.onPick(ids.slice(0, BULK_LIMIT));
      setTicked(new Set());
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs">
      <TextInput
        label="Find agents"
        placeholder="Name or email"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <Text size="sm" aria-live="polite">
        {matches.isFetching ? 'Searching…' : `${candidates.length} matching agents`}
      </Text>
      <ScrollArea h={220} type="auto">
        <Stack gap={4}>
          {candidates.slice(0, 200).map((a) => (
            <Checkbox
              key={a.id}
              label={`${a.full_name} (${a.email})`}
              checked={ticked.has(a.id)}
              onChange={(e) => {
                const next = new Set(ticked);
                e.currentTarget.checked ? next.add(a.id) : next.delete(a.id);
                setTicked(next);
              }}
            />
          ))}
        </Stack>
      </ScrollArea>
      <Group>
        <Button disabled={ticked.size === 0} loading={busy} onClick={() => pick([...ticked])}>
          {props.action} {ticked.size} ticked
        </Button>
        <Button
          variant="light"
          disabled={candidates.length === 0}
          loading={busy}
          onClick={() => pick(candidates.map((a) => a.id))}
        >
          {props.action} all {Math.min(candidates.length, BULK_LIMIT)} matching
        </Button>
      </Group>
    </Stack>
  );
}
