import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api, ok } from '../api';
import { ErrorNote, errorText } from '../forms';
import { useOrgQuery } from '../session';
import { outcome } from './devices';
import { type AgentInfo, elapsed } from './presence';

/** `device` in the list step: the device whose button takes the focus (the first one when unset). */
type Step =
  | { kind: 'list'; device?: string }
  | { kind: 'confirm'; deviceId: string }
  | { kind: 'done'; message: string };

/**
 * The board's "Sign out a device" dialog for one agent (null: closed). Kept by the board, not by the
 * row, so that it stays open when the row leaves the view (the agent goes offline under a filter).
 */
export function SignOutDevice({ agent, onClose }: { agent: AgentInfo | null; onClose: () => void }) {
  // The last agent shown, so the title stays while the dialog closes.
  const last = useRef<AgentInfo | null>(null);
  last.current = agent ?? last.current;
  const name = last.current?.full_name ?? '';
  return (
    <Modal opened={agent !== null} onClose={onClose} title={`Sign out a device of ${name}`}>
      {agent !== null && <Steps key={agent.id} agent={agent} onClose={onClose} />}
    </Modal>
  );
}

/** The time now, once a second, so that "how long ago" stays true while the dialog is open. */
function useNow(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function Steps({ agent, onClose }: { agent: AgentInfo; onClose: () => void }) {
  const { org_id } = useOrgQuery();
  const client = useQueryClient();
  const now = useNow();
  const [step, setStep] = useState<Step>({ kind: 'list' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const focus = useRef<HTMLParagraphElement>(null);
  const list = useRef<HTMLDivElement>(null);
  // The list step takes the focus once its devices show: on opening, and on coming back to it.
  const listWantsFocus = useRef(true);
  const key = ['agent-presence', org_id, agent.id];
  const devicesKey = ['agent-devices', org_id, agent.id];
  const path = { path: { id: agent.id }, query: { org_id } };
  const readPresence = async () => (await ok(api.GET('/v1/agents/{id}/presence', { params: path }))).data;
  const presence = useQuery({ queryKey: key, queryFn: readPresence });
  const devices = useQuery({
    queryKey: devicesKey,
    queryFn: async () => (await ok(api.GET('/v1/agents/{id}/presence/devices', { params: path }))).data,
  });

  useEffect(() => {
    // A step replaces the button that led to it: its text takes the focus, so it is read out.
    if (step.kind !== 'list') {
      focus.current?.focus();
    }
  }, [step.kind]);
  useEffect(() => {
    // The list's focus goes, once its devices show, to the chosen device's button (else the first
    // device's), or to the sentence saying none is live. Reading the list again later moves nothing.
    if (step.kind === 'list' && listWantsFocus.current && devices.data !== undefined) {
      listWantsFocus.current = false;
      const buttons = [...(list.current?.querySelectorAll<HTMLElement>('button[data-device]') ?? [])];
      (buttons.find((b) => b.dataset.device === step.device) ?? buttons[0] ?? focus.current)?.focus();
    }
  }, [step, devices.data]);

  const toList = (device?: string) => {
    listWantsFocus.current = true;
    setError(null);
    setStep({ kind: 'list', device });
  };
  const signOut = async (deviceId: string) => {
    setError(null);
    setBusy(true);
    try {
      await ok(
        api.DELETE('/v1/agents/{id}/presence/devices/{device_id}', {
          params: { path: { id: agent.id, device_id: deviceId }, query: { org_id } },
        }),
      );
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
      return;
    }
    let message: string;
    try {
      const [view] = await Promise.all([readPresence(), client.invalidateQueries({ queryKey: devicesKey })]);
      client.setQueryData(key, view);
      message = outcome(agent.full_name, deviceId, view.connection);
    } catch (err) {
      message = `“${deviceId}” is signed out; the agent's presence could not be read again: ${errorText(err)}`;
    }
    setBusy(false);
    setStep({ kind: 'done', message });
  };

  const view = presence.data;
  const live = devices.data;
  return (
    <Stack>
      {presence.error && <ErrorNote error={presence.error.message} title="The presence could not be read" />}
      {view !== undefined && (
        <Text size="sm" data-testid="device-presence" data-connection={view.connection}>
          {view.connection === 'online'
            ? `Online: the latest heartbeat came ${view.last_seen === null ? 'at an unknown time' : `${elapsed(view.last_seen, now)} ago`}` +
              (view.active_channels.length > 0 ? ` (channels: ${view.active_channels.join(', ')}).` : '.')
            : 'Offline: no device of this agent is live.'}
        </Text>
      )}
      {step.kind === 'list' && (
        <Stack ref={list}>
          {devices.error && <ErrorNote error={devices.error.message} title="The devices could not be read" />}
          {live === undefined && devices.error === null && <Text size="sm">Reading the live devices…</Text>}
          {live !== undefined && live.length === 0 && (
            <Text ref={focus} tabIndex={-1} data-autofocus>
              No device of {agent.full_name} is live.
            </Text>
          )}
          {live !== undefined && live.length > 0 && (
            <Stack
              component="ul"
              gap="sm"
              aria-label={`Live devices of ${agent.full_name}`}
              style={{ listStyle: 'none', margin: 0, padding: 0 }}
              data-testid="devices"
            >
              {live.map((d, i) => (
                <Group component="li" key={d.device_id} justify="space-between" data-device={d.device_id}>
                  <div style={{ minWidth: 0 }}>
                    <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
                      {d.device_id}
                    </Text>
                    <Text size="sm" c="dimmed">
                      Latest heartbeat {elapsed(d.last_seen, now)} ago;{' '}
                      {d.channels.length > 0 ? `channels: ${d.channels.join(', ')}` : 'no channel reported'}
                    </Text>
                  </div>
                  <Button
                    variant="light"
                    color="red"
                    data-device={d.device_id}
                    data-autofocus={i === 0 ? true : undefined}
                    onClick={() => {
                      setError(null);
                      setStep({ kind: 'confirm', deviceId: d.device_id });
                    }}
                  >
                    Sign out “{d.device_id}”…
                  </Button>
                </Group>
              ))}
            </Stack>
          )}
          <Group>
            {live !== undefined && live.length > 0 ? (
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
            ) : (
              <Button onClick={onClose}>Close</Button>
            )}
          </Group>
        </Stack>
      )}
      {step.kind === 'confirm' && (
        <Stack>
          <Text ref={focus} tabIndex={-1} fw={500}>
            Sign out device “{step.deviceId}” of {agent.full_name}?
          </Text>
          <Text size="sm">
            When it is their last live device, {agent.full_name} goes offline at once and gets no new
            conversation. A client that keeps sending heartbeats for it brings it back online.
          </Text>
          <ErrorNote error={error} title="The device was not signed out" />
          <Group>
            <Button color="red" loading={busy} onClick={() => void signOut(step.deviceId)}>
              Yes, sign it out
            </Button>
            <Button variant="default" disabled={busy} onClick={() => toList(step.deviceId)}>
              Back
            </Button>
          </Group>
        </Stack>
      )}
      {step.kind === 'done' && (
        <Stack>
          <Text ref={focus} tabIndex={-1} role="status">
            {step.message}
          </Text>
          <Group>
            <Button variant="default" onClick={() => toList()}>
              Sign out another device
            </Button>
            <Button onClick={onClose}>Close</Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
