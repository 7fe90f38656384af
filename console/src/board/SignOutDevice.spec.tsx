import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionGate } from '../session';
import { theme } from '../theme';
import { BoardTable } from './BoardTable';
import { outcome } from './devices';
import type { BoardRow, Presence } from './presence';
import { SignOutDevice } from './SignOutDevice';

const ALICE = { id: 'a1', full_name: 'Alice Example', email: 'alice@acme.test', role: 'agent' };

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' },
  });

const view = (connection: 'online' | 'offline'): Presence => ({
  agent_id: ALICE.id,
  connection,
  status: 'working',
  available: true,
  channels: {},
  active_channels: connection === 'online' ? ['chat'] : [],
  effective_status: connection === 'online' ? 'available' : 'offline',
  active_conversations: 0,
  capacity: 2,
  last_seen: new Date().toISOString(),
  changed_at: null,
});

/**
 * A fake Roster: the session, the agent's presence (online until no device is live), its live
 * devices (`devices`: ID -> channels, listed sorted by ID, or the problem `listFailsWith`) and the
 * device sign-out (or the problem `failWith`). Records every call as `METHOD path?query`.
 */
type Problem = { status: number; code: string; detail: string };

function fakeApi(options: {
  devices: Record<string, string[]>;
  failWith?: Problem;
  listFailsWith?: Problem;
}) {
  const calls: string[] = [];
  const devices = new Map(Object.entries(options.devices));
  const fetch = vi.fn(async (request: Request) => {
    const url = new URL(request.url);
    calls.push(`${request.method} ${url.pathname}${url.search}`);
    if (url.pathname === '/v1/sessions/current') {
      return json({
        org_id: 'org1',
        is_master: false,
        key_id: 'k1',
        scopes: ['*'],
        agent: null,
        expires_at: null,
      });
    }
    if (request.method === 'GET' && url.pathname === `/v1/agents/${ALICE.id}/presence`) {
      return json(view(devices.size > 0 ? 'online' : 'offline'));
    }
    if (request.method === 'GET' && url.pathname === `/v1/agents/${ALICE.id}/presence/devices`) {
      if (options.listFailsWith) {
        return json(options.listFailsWith, options.listFailsWith.status);
      }
      const seen = new Date(Date.now() - 42_000);
      return json(
        [...devices.keys()].sort().map((device_id) => ({
          device_id,
          last_seen: seen.toISOString(),
          expires_at: new Date(seen.getTime() + 90_000).toISOString(),
          channels: devices.get(device_id),
        })),
      );
    }
    const device = url.pathname.match(/^\/v1\/agents\/a1\/presence\/devices\/(.+)$/)?.[1];
    if (request.method === 'DELETE' && device !== undefined) {
      if (options.failWith) {
        return json(options.failWith, options.failWith.status);
      }
      devices.delete(decodeURIComponent(device));
      return new Response(null, { status: 204 });
    }
    return json({ status: 404, detail: `no fake for ${url.pathname}` }, 404);
  });
  vi.stubGlobal('fetch', fetch);
  return { calls, devices };
}

function renderDialog(onClose = () => {}) {
  return render(
    <MantineProvider theme={theme}>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <SessionGate signedOut="signed out" loading="loading">
          <SignOutDevice agent={ALICE} onClose={onClose} />
        </SessionGate>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

const pick = async (deviceId: string) =>
  fireEvent.click(await screen.findByRole('button', { name: `Sign out “${deviceId}”…` }));
const deletes = (calls: string[]) => calls.filter((c) => c.startsWith('DELETE'));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the outcome', () => {
  it('says whether the agent is still online after the sign-out', () => {
    expect(outcome('Alice', 'phone', 'offline')).toContain('Alice is now offline');
    expect(outcome('Alice', 'phone', 'online')).toContain('Alice is still online');
  });
});

describe('signing a device out from the board', () => {
  it("lists the agent's live devices, with their latest heartbeat and channels, and signs out nothing yet", async () => {
    const api = fakeApi({ devices: { phone: ['voice'], laptop: ['chat', 'email'], tablet: [] } });
    renderDialog();
    const presence = await screen.findByTestId('device-presence');
    expect(presence.dataset.connection).toBe('online');
    expect(presence.textContent).toContain('channels: chat');
    const list = await screen.findByRole('list', { name: 'Live devices of Alice Example' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((i) => i.dataset.device)).toEqual(['laptop', 'phone', 'tablet']);
    // 42 s before the answer; the dialog's clock ticks once a second.
    expect(items[0]?.textContent).toMatch(/Latest heartbeat 4[1-3] s ago; channels: chat, email/);
    expect(items[1]?.textContent).toContain('channels: voice');
    expect(items[2]?.textContent).toContain('no channel reported');
    const first = within(items[0] as HTMLElement).getByRole('button', { name: 'Sign out “laptop”…' });
    await waitFor(() => expect(document.activeElement).toBe(first));
    // Every button has a name, the dialog's close button too (named by the console's theme).
    for (const button of screen.getAllByRole('button')) {
      expect(button.getAttribute('aria-label') ?? button.textContent?.trim()).toBeTruthy();
    }
    screen.getByRole('button', { name: 'Close the dialog' });
    expect(api.calls).toContain('GET /v1/agents/a1/presence/devices?org_id=org1');
    expect(deletes(api.calls)).toEqual([]);
  });

  it('signs out only once confirmed, and says the agent is still online while another device is live', async () => {
    const api = fakeApi({ devices: { laptop: ['chat'], 'desk/1': ['voice'] } });
    renderDialog();
    await pick('desk/1');
    const question = await screen.findByText('Sign out device “desk/1” of Alice Example?');
    await waitFor(() => expect(document.activeElement).toBe(question));
    expect(deletes(api.calls)).toEqual([]);
    // Back returns to the list, the focus on the device that was picked.
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    const again = await screen.findByRole('button', { name: 'Sign out “desk/1”…' });
    await waitFor(() => expect(document.activeElement).toBe(again));
    fireEvent.click(again);
    fireEvent.click(await screen.findByRole('button', { name: 'Yes, sign it out' }));
    const status = await screen.findByRole('status');
    expect(status.textContent).toContain('Alice Example is still online');
    expect(deletes(api.calls)).toEqual(['DELETE /v1/agents/a1/presence/devices/desk%2F1?org_id=org1']);
    expect([...api.devices.keys()]).toEqual(['laptop']);
    // The list is read again: only the laptop is left.
    fireEvent.click(screen.getByRole('button', { name: 'Sign out another device' }));
    const list = await screen.findByRole('list', { name: 'Live devices of Alice Example' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((i) => i.dataset.device),
    ).toEqual(['laptop']);
  });

  it('says the agent is offline once its last device is signed out, and then that none is live', async () => {
    fakeApi({ devices: { laptop: ['chat'] } });
    renderDialog();
    await pick('laptop');
    fireEvent.click(await screen.findByRole('button', { name: 'Yes, sign it out' }));
    expect((await screen.findByRole('status')).textContent).toContain('Alice Example is now offline');
    await waitFor(() => expect(screen.getByTestId('device-presence').dataset.connection).toBe('offline'));
    fireEvent.click(screen.getByRole('button', { name: 'Sign out another device' }));
    expect(await screen.findByText('No device of Alice Example is live.')).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('says so when no device is live, and offers to close', async () => {
    const onClose = vi.fn();
    fakeApi({ devices: {} });
    renderDialog(onClose);
    const sentence = await screen.findByText('No device of Alice Example is live.');
    await waitFor(() => expect(document.activeElement).toBe(sentence));
    expect(screen.queryByRole('button', { name: /^Sign out “/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalled();
  });

  it("shows the API's message next to the action when the sign-out is refused", async () => {
    fakeApi({
      devices: { laptop: ['chat'] },
      failWith: { status: 404, code: 'x', detail: 'Agent a1 not found' },
    });
    renderDialog();
    await pick('laptop');
    fireEvent.click(await screen.findByRole('button', { name: 'Yes, sign it out' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The device was not signed out');
    expect(alert.textContent).toContain('Agent a1 not found');
    expect(screen.getByRole('button', { name: 'Yes, sign it out' })).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });
  it("shows the API's message when the devices cannot be read, and offers to close", async () => {
    const notFound = { status: 404, code: 'agent_not_found', detail: 'Agent a1 not found' };
    fakeApi({ devices: {}, listFailsWith: notFound });
    renderDialog();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The devices could not be read');
    expect(alert.textContent).toContain('Agent a1 not found');
    expect(screen.queryByText('No device of Alice Example is live.')).toBeNull();
    expect(screen.getByRole('button', { name: 'Close' })).toBeTruthy();
  });
});

describe('the board row', () => {
  const row = (name: string, connection: 'online' | 'offline'): BoardRow => ({
    agent: { ...ALICE, id: name, full_name: name },
    presence: { ...view(connection), agent_id: name },
  });
  const renderTable = (signOutDevice: ((agent: BoardRow['agent']) => void) | null) => {
    // happy-dom lays nothing out: give the scroller a height, or the virtualiser shows no row.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
    return render(
      <MantineProvider>
        <BoardTable
          rows={[row('Alice', 'online'), row('Bob', 'offline')]}
          now={Date.now()}
          actions={{ setAvailability: null, signOutDevice, statuses: [] }}
        />
      </MantineProvider>,
    );
  };
  afterEach(() => vi.restoreAllMocks());

  it('offers the sign-out for online agents only, named after the agent', () => {
    const open = vi.fn();
    renderTable(open);
    const alice = document.querySelector('tr[data-agent="Alice"]') as HTMLElement;
    const bob = document.querySelector('tr[data-agent="Bob"]') as HTMLElement;
    fireEvent.click(within(alice).getByRole('button', { name: 'Sign out a device of Alice' }));
    expect(open).toHaveBeenCalledWith(expect.objectContaining({ id: 'Alice' }));
    expect(within(bob).queryByRole('button', { name: /Sign out a device/ })).toBeNull();
  });

  it('offers nothing to a key that may not write presence', () => {
    renderTable(null);
    expect(document.querySelector('tr[data-agent="Alice"]')).not.toBeNull();
    expect(screen.queryByRole('button', { name: /Sign out a device/ })).toBeNull();
  });
});
