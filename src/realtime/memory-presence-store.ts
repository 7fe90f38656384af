import type {
  LiveDevice,
  LivePresence,
  PresenceStore,
  PresenceTransition,
} from '../core/presence/presence-store.js';

interface Device {
  lastSeen: number;
  channels: string[];
}

const keyOf = (orgId: string, agentId: string) => `${orgId}/${agentId}`;

/**
 * Presence kept in this process: the default for a single instance, and Redis's fallback.
 * Transitions follow the device set, not the clock: online when an agent's first device appears,
 * offline when its last device is signed out or swept away. So the event stream strictly
 * alternates online/offline even if a heartbeat lands between a device's expiry and the sweep.
 */
export class MemoryPresenceStore implements PresenceStore {
  /** org/agent -> device id -> device. An agent entry exists only while it has a device. */
  private readonly agents = new Map<string, Map<string, Device>>();

  constructor(readonly ttlMs: number) {}

  async heartbeat(
    orgId: string,
    agentId: string,
    deviceId: string,
    channels: string[],
    now: Date,
  ): Promise<PresenceTransition | null> {
    const key = keyOf(orgId, agentId);
    const devices = this.agents.get(key) ?? new Map<string, Device>();
    const wasOnline = devices.size > 0;
    devices.set(deviceId, { lastSeen: now.getTime(), channels: [...channels] });
    this.agents.set(key, devices);
    return wasOnline ? null : { orgId, agentId, online: true, at: now, lastSeen: now };
  }

  async signOut(
    orgId: string,
    agentId: string,
    deviceId: string,
    now: Date,
  ): Promise<PresenceTransition | null> {
    const key = keyOf(orgId, agentId);
    const devices = this.agents.get(key);
    const device = devices?.get(deviceId);
    if (!devices || !device) {
      return null;
    }
    devices.delete(deviceId);
    if (devices.size > 0) {
      return null;
    }
    this.agents.delete(key);
    return { orgId, agentId, online: false, at: now, lastSeen: new Date(device.lastSeen) };
  }

  async forget(orgId: string, agentId: string): Promise<void> {
    this.agents.delete(keyOf(orgId, agentId));
  }

  async read(orgId: string, agentIds: string[], now: Date): Promise<Map<string, LivePresence>> {
    // Routing reads every candidate of a team per decision: one pass over each agent's devices,
    // no intermediate arrays.
    const nowMs = now.getTime();
    const result = new Map<string, LivePresence>();
    for (const agentId of agentIds) {
      const devices = this.agents.get(keyOf(orgId, agentId));
      let lastSeen = Number.NEGATIVE_INFINITY;
      let online = false;
      let channels: Set<string> | null = null;
      for (const device of devices?.values() ?? []) {
        lastSeen = Math.max(lastSeen, device.lastSeen);
        if (nowMs - device.lastSeen < this.ttlMs) {
          online = true;
          channels ??= new Set();
          for (const channel of device.channels) {
            channels.add(channel);
          }
        }
      }
      result.set(agentId, {
        online,
        lastSeen: lastSeen === Number.NEGATIVE_INFINITY ? null : new Date(lastSeen),
        activeChannels: channels === null ? [] : [...channels].sort(),
      });
    }
    return result;
  }

  async devices(orgId: string, agentId: string, now: Date): Promise<LiveDevice[]> {
    const devices = this.agents.get(keyOf(orgId, agentId)) ?? new Map<string, Device>();
    return liveDevices(
      [...devices].map(([id, d]) => ({ id, lastSeen: d.lastSeen, channels: d.channels })),
      now.getTime(),
      this.ttlMs,
    );
  }

  async sweep(now: Date): Promise<PresenceTransition[]> {
    const transitions: PresenceTransition[] = [];
    for (const [key, devices] of this.agents) {
      const expired = [...devices].filter(([, d]) => now.getTime() - d.lastSeen >= this.ttlMs);
      if (expired.length === 0) {
        continue;
      }
      for (const [id] of expired) {
        devices.delete(id);
      }
      if (devices.size === 0) {
        this.agents.delete(key);
        const [orgId, agentId] = key.split('/') as [string, string];
        const lastSeen = Math.max(...expired.map(([, d]) => d.lastSeen));
        transitions.push({ orgId, agentId, online: false, at: now, lastSeen: new Date(lastSeen) });
      }
    }
    return transitions;
  }

  /** Every live device, for re-seeding a shared store after it comes back. */
  snapshot(
    now: Date,
  ): { orgId: string; agentId: string; deviceId: string; lastSeen: Date; channels: string[] }[] {
    const out = [];
    for (const [key, devices] of this.agents) {
      const [orgId, agentId] = key.split('/') as [string, string];
      for (const [deviceId, d] of devices) {
        if (now.getTime() - d.lastSeen < this.ttlMs) {
          out.push({ orgId, agentId, deviceId, lastSeen: new Date(d.lastSeen), channels: d.channels });
        }
      }
    }
    return out;
  }

  async close(): Promise<void> {
    this.agents.clear();
  }
}

/** The devices heartbeating within the TTL, by id, as the API shows them. */
export function liveDevices(
  devices: { id: string; lastSeen: number; channels: string[] }[],
  nowMs: number,
  ttlMs: number,
): LiveDevice[] {
  return devices
    .filter((d) => nowMs - d.lastSeen < ttlMs)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((d) => ({ id: d.id, lastSeen: new Date(d.lastSeen), channels: [...d.channels].sort() }));
}
