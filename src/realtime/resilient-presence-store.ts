import type { Redis } from 'ioredis';
import type {
  LiveDevice,
  LivePresence,
  PresenceStore,
  PresenceTransition,
} from '../core/presence/presence-store.js';
import { MemoryPresenceStore } from './memory-presence-store.js';
import { type RedisPresenceOptions, RedisPresenceStore } from './redis-presence-store.js';

/** Changes made while Redis was away that a re-seed from the snapshot alone would not undo. */
type Removal =
  | { kind: 'signOut'; orgId: string; agentId: string; deviceId: string }
  | {
      kind: 'forget';
      orgId: string;
      agentId: string;
    };

/** Beyond this many pending removals, older ones are dropped: their devices expire in Redis anyway. */
const MAX_PENDING = 10_000;

/**
 * Redis presence that survives Redis going away. Every heartbeat and sign-out also lands in this
 * instance's own in-process store. While Redis answers and holds our devices, reads, sweeps and
 * transitions come from Redis (shared by all instances); otherwise from the local view. When the
 * connection comes back, Redis is re-seeded from the local snapshot before it is trusted again.
 */
export class ResilientPresenceStore implements PresenceStore {
  private readonly local: MemoryPresenceStore;
  private readonly shared: RedisPresenceStore;
  /** True while Redis is reachable and holds this instance's devices. */
  private synced = false;
  private resyncing: Promise<boolean> | null = null;
  private pending: Removal[] = [];
  /** Latest time a caller handed us, so a re-seed judges liveness on the callers' clock. */
  private latest = 0;
  private closed = false;
  private readonly onReady = () => {
    void this.resynchronise();
  };
  private readonly onDown = () => {
    this.synced = false;
  };

  constructor(
    private readonly client: Redis,
    readonly ttlMs: number,
    options: RedisPresenceOptions = {},
  ) {
    this.local = new MemoryPresenceStore(ttlMs);
    this.shared = new RedisPresenceStore(client, ttlMs, options);
    client.on('ready', this.onReady);
    client.on('close', this.onDown);
    if (client.status === 'ready') {
      void this.resynchronise();
    }
  }

  /** Whether reads and transitions currently come from Redis rather than the local view. */
  get usingRedis(): boolean {
    return this.synced;
  }

  /** Waits until Redis is in use, up to `timeoutMs`; returns whether it is. */
  async whenSynced(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.synced && !this.closed && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.synced;
  }

  private observe(now: Date): void {
    this.latest = Math.max(this.latest, now.getTime());
  }

  private lost(): void {
    this.synced = false;
  }

  /** Replays what changed while Redis was away, then trusts Redis again. Never rejects. */
  private resynchronise(): Promise<boolean> {
    if (this.resyncing) {
      return this.resyncing;
    }
    this.resyncing = (async () => {
      const removals = this.pending;
      this.pending = [];
      try {
        // Removals first: a device signed out and back in during the outage must end up present.
        for (const r of removals) {
          if (r.kind === 'signOut') {
            await this.shared.signOut(r.orgId, r.agentId, r.deviceId, new Date());
          } else {
            await this.shared.forget(r.orgId, r.agentId);
          }
        }
        const now = this.latest ? new Date(this.latest) : new Date();
        await Promise.all(
          this.local
            .snapshot(now)
            .map((d) => this.shared.restore(d.orgId, d.agentId, d.deviceId, d.channels, d.lastSeen)),
        );
        this.synced = !this.closed && this.client.status === 'ready';
      } catch {
        this.pending = [...removals, ...this.pending].slice(-MAX_PENDING);
        this.synced = false;
      } finally {
        this.resyncing = null;
      }
      return this.synced;
    })();
    return this.resyncing;
  }

  private remember(removal: Removal): void {
    this.pending.push(removal);
    if (this.pending.length > MAX_PENDING) {
      this.pending.shift();
    }
  }

  /** Whether a Redis command has any chance: with the offline queue off it would fail at once anyway. */
  private get reachable(): boolean {
    return this.client.status === 'ready';
  }

  async heartbeat(
    orgId: string,
    agentId: string,
    deviceId: string,
    channels: string[],
    now: Date,
  ): Promise<PresenceTransition | null> {
    this.observe(now);
    const local = await this.local.heartbeat(orgId, agentId, deviceId, channels, now);
    if (!this.reachable) {
      return local;
    }
    try {
      const shared = await this.shared.heartbeat(orgId, agentId, deviceId, channels, now);
      // Mid re-seed Redis does not yet know our other devices, so its verdict could be wrong.
      return this.synced ? shared : local;
    } catch {
      this.lost();
      return local;
    }
  }

  async signOut(
    orgId: string,
    agentId: string,
    deviceId: string,
    now: Date,
  ): Promise<PresenceTransition | null> {
    this.observe(now);
    const local = await this.local.signOut(orgId, agentId, deviceId, now);
    if (!this.reachable) {
      this.remember({ kind: 'signOut', orgId, agentId, deviceId });
      return local;
    }
    try {
      const shared = await this.shared.signOut(orgId, agentId, deviceId, now);
      return this.synced ? shared : local;
    } catch {
      this.lost();
      this.remember({ kind: 'signOut', orgId, agentId, deviceId });
      return local;
    }
  }

  async forget(orgId: string, agentId: string): Promise<void> {
    await this.local.forget(orgId, agentId);
    if (!this.reachable) {
      this.remember({ kind: 'forget', orgId, agentId });
      return;
    }
    try {
      await this.shared.forget(orgId, agentId);
    } catch {
      this.lost();
      this.remember({ kind: 'forget', orgId, agentId });
    }
  }

  read(orgId: string, agentIds: string[], now: Date): Promise<Map<string, LivePresence>> {
    return this.readFrom(now, (store) => store.read(orgId, agentIds, now));
  }

  devices(orgId: string, agentId: string, now: Date): Promise<LiveDevice[]> {
    return this.readFrom(now, (store) => store.devices(orgId, agentId, now));
  }

  /** A read from Redis while it is in sync, else (or when it fails) from this instance's copy. */
  private async readFrom<T>(now: Date, query: (store: PresenceStore) => Promise<T>): Promise<T> {
    this.observe(now);
    if (this.synced) {
      try {
        return await query(this.shared);
      } catch {
        this.lost();
      }
    }
    return query(this.local);
  }

  async sweep(now: Date): Promise<PresenceTransition[]> {
    this.observe(now);
    // The local view is swept every time so it stays small and current for the next outage.
    const local = await this.local.sweep(now);
    if (this.synced) {
      try {
        return await this.shared.sweep(now);
      } catch {
        this.lost();
        return local;
      }
    }
    // The connection may be up while we are not synced (a command timed out): the periodic sweep
    // is where we try again, since no 'ready' event will come.
    if (this.reachable) {
      void this.resynchronise();
    }
    return local;
  }

  /** Stops following the connection; the connection itself belongs to whoever created it. */
  async close(): Promise<void> {
    this.closed = true;
    this.synced = false;
    this.client.off('ready', this.onReady);
    this.client.off('close', this.onDown);
    await this.resyncing;
    await this.local.close();
  }
}
