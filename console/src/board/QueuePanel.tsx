import { Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { allPages, api, ok } from '../api';
import { useOrgQuery } from '../session';
import { elapsed } from './presence';

interface Queue {
  teamId: string | null;
  depth: number;
  oldest: string;
}

/** Queued conversations per team: depth and the oldest waiting one. Reloaded on conversation events. */
export function QueuePanel({
  version,
  now,
  teams,
}: {
  version: number;
  now: number;
  teams: Map<string, string>;
}) {
  const { org_id } = useOrgQuery();
  const queues = useQuery({
    queryKey: ['queues', org_id, version],
    placeholderData: (previous) => previous,
    queryFn: async () => {
      const queued = await allPages((after) =>
        ok(
          api.GET('/v1/conversations', {
            params: { query: { org_id, status: 'queued', limit: 100, after } },
          }),
        ),
      );
      const byTeam = new Map<string | null, Queue>();
      for (const c of queued) {
        const q = byTeam.get(c.team_id) ?? { teamId: c.team_id, depth: 0, oldest: c.created_at };
        q.depth += 1;
        if (c.created_at < q.oldest) {
          q.oldest = c.created_at;
        }
        byTeam.set(c.team_id, q);
      }
      return [...byTeam.values()].sort((a, b) => b.depth - a.depth);
    },
  });
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="queues-title">
      <Title order={2} size="h4" id="queues-title">
        Queues
      </Title>
      {queues.error && <Text c="red">{queues.error.message}</Text>}
      {queues.data?.length === 0 && <Text size="sm">No conversation is waiting.</Text>}
      {(queues.data?.length ?? 0) > 0 && (
        <Table data-testid="queues">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Team</Table.Th>
              <Table.Th>Waiting</Table.Th>
              <Table.Th>Oldest</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {queues.data?.map((q) => (
              <Table.Tr key={q.teamId ?? 'none'}>
                <Table.Td>{q.teamId === null ? 'No team' : (teams.get(q.teamId) ?? q.teamId)}</Table.Td>
                <Table.Td>{q.depth}</Table.Td>
                <Table.Td>{elapsed(q.oldest, now)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
