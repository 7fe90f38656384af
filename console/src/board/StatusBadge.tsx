import { Badge, Progress, Text } from '@mantine/core';
import type { Effective } from './presence';

/** Light shades with near-black text: every status badge reads at better than 4.5:1. */
export const STATUS_COLOR: Record<Effective, string> = {
  available: 'green.2',
  busy: 'orange.3',
  away: 'yellow.2',
  offline: 'gray.3',
};

const LABEL: Record<Effective, string> = {
  available: 'Available',
  busy: 'Busy (full)',
  away: 'Away',
  offline: 'Offline',
};

/** Effective status as colour and text (never colour alone); the dot's shape differs per status too. */
export function StatusBadge({ status }: { status: Effective }) {
  const dot = { available: '●', busy: '◐', away: '◌', offline: '○' }[status];
  return (
    <Badge color={STATUS_COLOR[status]} variant="filled" data-status={status} c="dark.9">
      <span aria-hidden="true">{dot} </span>
      {LABEL[status]}
    </Badge>
  );
}

/** `active / capacity` as a bar with the numbers next to it. */
export function CapacityBar({ active, capacity }: { active: number; capacity: number }) {
  const percent = capacity <= 0 ? 100 : Math.min(100, (active / capacity) * 100);
  const color = active >= capacity ? 'red' : percent >= 75 ? 'orange' : 'blue';
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8, minWidth: 120 }}>
      <Progress
        value={percent}
        color={color}
        style={{ flex: 1 }}
        aria-label={`${active} of ${capacity} conversations`}
        data-capacity={`${active}/${capacity}`}
      />
      <Text size="xs" c="dark" span>
        {active}/{capacity}
      </Text>
    </div>
  );
}
