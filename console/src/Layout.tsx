import { AppShell, Button, Group, NavLink, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Outlet, NavLink as RouterLink } from 'react-router';
import { allPages, api, ok } from './api';
import { signOut, useSession } from './session';

const SCREENS: { to: string; label: string; scope: string | null; master?: boolean }[] = [
  { to: '/', label: 'Presence board', scope: 'presence:read' },
  { to: '/teams', label: 'Teams', scope: 'teams:read' },
  { to: '/agents', label: 'Agents', scope: 'agents:read' },
  { to: '/conversations', label: 'Conversations', scope: 'conversations:read' },
  { to: '/supervisors', label: 'Supervisors', scope: 'supervisors:read' },
  { to: '/statuses', label: 'Presence statuses', scope: 'presence:read' },
  { to: '/keys', label: 'API keys', scope: 'keys:read' },
  { to: '/orgs', label: 'Orgs', scope: null, master: true },
];

/** The org picker of the master key: every screen then works on the org picked. */
function OrgPicker() {
  const { session, orgId, setOrgId } = useSession();
  const orgs = useQuery({
    queryKey: ['orgs'],
    enabled: session.is_master,
    queryFn: () => allPages((after) => ok(api.GET('/v1/orgs', { params: { query: { limit: 100, after } } }))),
  });
  if (!session.is_master) {
    return null;
  }
  return (
    <Select
      label="Org"
      size="xs"
      value={orgId}
      onChange={(v) => v !== null && setOrgId(v)}
      data={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
      allowDeselect={false}
    />
  );
}

export function Layout() {
  const { session, can } = useSession();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const who = session.is_master
    ? 'master key'
    : session.agent === null
      ? 'org key'
      : `${session.agent.role} key`;
  return (
    <AppShell navbar={{ width: 220, breakpoint: 0 }} header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={2} size="h4">
            Roster console
          </Title>
          <Group>
            <Text size="sm">Signed in with the {who}</Text>
            <Button
              size="xs"
              variant="default"
              onClick={() => signOut(client).catch((err: Error) => setError(err.message))}
            >
              Sign out
            </Button>
            {error !== null && (
              <Text c="red" size="sm" role="alert">
                {error}
              </Text>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Screens">
        <Stack gap={4}>
          <OrgPicker />
          {SCREENS.filter((s) => (s.master ? session.is_master : s.scope === null || can(s.scope))).map(
            (s) => (
              <NavLink
                key={s.to}
                component={RouterLink}
                to={s.to}
                end={s.to === '/'}
                label={s.label}
                variant="filled"
              />
            ),
          )}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main component="main">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
