/** What the presence store knows of one agent right now. */
export interface LivePresence {
  /** True while at least one device sent a heartbeat within the TTL. */
  online: boolean;
  /** Latest heartbeat of any device still known, or null when none is. */
  lastSeen: Date | null;
  /** Channels reported by the live devices, sorted, without duplicates. */
  activeChannels: string[];
}

/** One device an agent heartbeats from, while it is live. */
export interface LiveDevice {
  id: string;
  lastSeen: Date;
  /** Channels the device reported with its latest heartbeat. */
  channels: string[];
}

/** An agent went online (first live device) or offline (last device gone or expired). */
export interface PresenceTransition {
  orgId: string;
  agentId: string;
  online: boolean;
  /** When the transition happened: the heartbeat, the sign-out, or the expiry. */
  at: Date;
  /** The agent's most recent heartbeat. */
  lastSeen: Date;
}

/**
 * Connection presence: ephemeral, kept out of the database. An agent is online while any of its
 * devices sent a heartbeat within the TTL. Implementations: in-process, or Redis for several
 * instances. Every method that reports transitions reports each one exactly once, across instances.
 */
export interface PresenceStore {
  readonly ttlMs: number;
  /** Records a heartbeat; returns the online transition when this was the agent's first live device. */
  heartbeat(
    orgId: string,
    agentId: string,
    deviceId: string,
    channels: string[],
    now: Date,
  ): Promise<PresenceTransition | null>;
  /** Signs one device out; returns the offline transition when it was the agent's last live device. */
  signOut(orgId: string, agentId: string, deviceId: string, now: Date): Promise<PresenceTransition | null>;
  /** Drops everything known about an agent (it was deleted); reports no transition. */
  forget(orgId: string, agentId: string): Promise<void>;
  read(orgId: string, agentIds: string[], now: Date): Promise<Map<string, LivePresence>>;
  /** The agent's live devices (heartbeat within the TTL), by id. */
  devices(orgId: string, agentId: string, now: Date): Promise<LiveDevice[]>;
  /** Removes devices whose TTL passed and returns the agents that went offline because of it. */
  sweep(now: Date): Promise<PresenceTransition[]>;
  close(): Promise<void>;
}

export const OFFLINE: LivePresence = { online: false, lastSeen: null, activeChannels: [] };
