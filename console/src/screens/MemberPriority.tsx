import { ActionIcon, Group, NumberInput, Text } from '@mantine/core';
import { useState } from 'react';
import { api, ok } from '../api';
import { errorText } from '../forms';
import { useSession } from '../session';

/**
 * A member's priority in its team (lower first): a number field and a Save button that appears
 * once it differs; the API's message shows under the field when it refuses.
 */
export function MemberPriority({
  teamId,
  member,
  editable,
  onSaved,
}: {
  teamId: string;
  member: { id: string; full_name: string; priority: number };
  editable: boolean;
  onSaved: () => void;
}) {
  const { orgId } = useSession();
  const [value, setValue] = useState<number | string>(member.priority);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  if (!editable) {
    return <Text size="sm">{member.priority}</Text>;
  }
  const changed = value !== '' && Number(value) !== member.priority;
  const save = async () => {
    setError(null);
    setSaving(true);
    try {
      await ok(
        api.PATCH('/v1/teams/{id}/members/{agent_id}', {
          params: { path: { id: teamId, agent_id: member.id }, query: { org_id: orgId } },
          body: { priority: Number(value) },
        }),
      );
      onSaved();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Group gap={4} wrap="nowrap" align="flex-start">
      <NumberInput
        aria-label={`Priority of ${member.full_name}`}
        value={value}
        onChange={setValue}
        allowDecimal={false}
        w={90}
        size="xs"
        error={error}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && changed) {
            void save();
          }
        }}
      />
      {changed && (
        <ActionIcon
          variant="filled"
          size="md"
          loading={saving}
          aria-label={`Save the priority of ${member.full_name}`}
          onClick={() => void save()}
        >
          ✓
        </ActionIcon>
      )}
    </Group>
  );
}
