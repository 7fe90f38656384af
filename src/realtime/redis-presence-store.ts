import type { Redis } from 'ioredis';
import {
  type LiveDevice,
  type LivePresence,
  OFFLINE,
  type PresenceStore,
  type PresenceTransition,
} from '../core/presence/presence-store.js';
import { liveDevices } from './memory-presence-store.js';
import { DEFAULT_REDIS_PREFIX, LuaScript } from './redis-client.js';

export interface RedisPresenceOptions {
  /** Prepended to every key, so tests (or two deployments on one Redis) stay apart. */
  prefix?: string;
  /**
   * How long an agent's hash outlives its latest heartbeat. Longer than the TTL so a running
   * sweeper always removes devices first (and reports the offline); the expiry only collects
   * what is left when no instance ran for that long.
   */
  retainMs?: number;
}

interface StoredDevice {
  lastSeen: number;
  channels: string[];
}

/** Oldest device expiry of an agent: the score of its member in the expiry index. */
const EARLIEST = `
local function earliest(hash, ttl)
  local min = nil
  for _, raw in ipairs(redis.call('HVALS', hash)) do
    local e = cjson.decode(raw).lastSeen + ttl
    if min == nil or e < min then min = e end
  end
  if min == nil then return nil end
  return string.format('%.0f', min)
end
`;

// KEYS: agent hash, expiry index. ARGV: device, device JSON, lastSeen ms, member, ttl, retain, restore.
// Returns 1 when the hash did not exist, i.e. this call added the agent's first device.
const HEARTBEAT = new LuaScript(`${EARLIEST}
local existed = redis.call('EXISTS', KEYS[1]) == 1
if ARGV[7] == '1' then
  local old = redis.call('HGET', KEYS[1], ARGV[1])
  if old and cjson.decode(old).lastSeen >= tonumber(ARGV[3]) then return 0 end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[6])
redis.call('ZADD', KEYS[2], earliest(KEYS[1], tonumber(ARGV[5])), ARGV[4])
if existed then return 0 end
return 1
`);

// KEYS: agent hash, expiry index. ARGV: device, member, ttl.
// Returns the removed device's JSON when it was the agent's last device, nil otherwise.
const SIGN_OUT = new LuaScript(`${EARLIEST}
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if not raw then return nil end
redis.call('HDEL', KEYS[1], ARGV[1])
local min = earliest(KEYS[1], tonumber(ARGV[3]))
if min then
  redis.call('ZADD', KEYS[2], min, ARGV[2])
  return nil
end
redis.call('ZREM', KEYS[2], ARGV[2])
return raw
`);

// KEYS: expiry index, then one agent hash per candidate. ARGV: now, ttl, then one member per hash.
// Returns member, lastSeen pairs for the agents this call took offline.
const SWEEP = new LuaScript(`
local now, ttl = tonumber(ARGV[1]), tonumber(ARGV[2])
local out = {}
for i = 2, #KEYS do
  local member = ARGV[i + 1]
  local score = redis.call('ZSCORE', KEYS[1], member)
  if score and tonumber(score) <= now then
    local fields = redis.call('HGETALL', KEYS[i])
    local last, min = nil, nil
    for j = 1, #fields, 2 do
      local seen = cjson.decode(fields[j + 1]).lastSeen
      if seen + ttl <= now then
        redis.call('HDEL', KEYS[i], fields[j])
        if last == nil or seen > last then last = seen end
      elseif min == nil or seen + ttl < min then
        min = seen + ttl
      end
    end
    if min then
      redis.call('ZADD', KEYS[1], string.format('%.0f', min), member)
    else
      redis.call('ZREM', KEYS[1], member)
      -- The hash expired on its own (no sweeper ran for a while): its score is the best we have.
      if last == nil then last = tonumber(score) - ttl end
      table.insert(out, member)
      table.insert(out, string.format('%.0f', last))
    end
  end
end
return out
`);

/** Candidates handed to one sweep script run, so a large backlog never blocks Redis for long. */
const SWEEP_BATCH = 200;

/**
 * Presence shared by every instance through Redis. Per agent, a hash of device id -> JSON
 * {lastSeen, channels}; one sorted set indexes agents by their earliest device expiry. Every
 * change that can produce a transition is one Lua script, so when several instances heartbeat or
 * sweep at once exactly one of them sees the device set become non-empty or empty, and only that
 * one reports the transition. A heartbeat touches Redis only, never PostgreSQL.
 */
export class RedisPresenceStore implements PresenceStore {
  private readonly prefix: string;
  private readonly retainMs: number;

  constructor(
    private readonly client: Redis,
    readonly ttlMs: number,
    options: RedisPresenceOptions = {},
  ) {
    this.prefix = `${options.prefix ?? DEFAULT_REDIS_PREFIX}presence:`;
    this.retainMs = options.retainMs ?? ttlMs + 60_000;
  }

  private get expiryKey(): string {
    return `${this.prefix}expiry`;
  }

  private agentKey(orgId: string, agentId: string): string {
    return `${this.prefix}${orgId}:${agentId}`;
  }

  async heartbeat(
    orgId: string,
    agentId: string,
    deviceId: string,
    channels: string[],
    now: Date,
  ): Promise<PresenceTransition | null> {
    const first = await this.write(orgId, agentId, deviceId, channels, now, false);
    return first ? { orgId, agentId, online: true, at: now, lastSeen: now } : null;
  }

  /**
   * Puts back a device known elsewhere (the fallback store) without moving its heartbeat backwards
   * when Redis already holds a newer one; reports nothing, the instance already did.
   */
  async restore(
    orgId: string,
    agentId: string,
    deviceId: string,
    channels: string[],
    lastSeen: Date,
  ): Promise<void> {
    await this.write(orgId, agentId, deviceId, channels, lastSeen, true);
  }

  private async write(
    orgId: string,
    agentId: string,
    deviceId: string,
    channels: string[],
    seen: Date,
    restore: boolean,
  ): Promise<boolean> {
    const device: StoredDevice = { lastSeen: seen.getTime(), channels: [...channels] };
    const result = await HEARTBEAT.run(
      this.client,
      [this.agentKey(orgId, agentId), this.expiryKey],
      [
        deviceId,
        JSON.stringify(device),
        device.lastSeen,
        `${orgId}:${agentId}`,
        this.ttlMs,
        this.retainMs,
        restore ? 1 : 0,
      ],
    );
    return result === 1;
  }

  async signOut(
    orgId: string,
    agentId: string,
    deviceId: string,
    now: Date,
  ): Promise<PresenceTransition | null> {
    const raw = await SIGN_OUT.run(
      this.client,
      [this.agentKey(orgId, agentId), this.expiryKey],
      [deviceId, `${orgId}:${agentId}`, this.ttlMs],
    );
    if (typeof raw !== 'string') {
      return null;
    }
    const lastSeen = new Date(parseDevice(raw)?.lastSeen ?? now.getTime());
    return { orgId, agentId, online: false, at: now, lastSeen };
  }

  async forget(orgId: string, agentId: string): Promise<void> {
    await this.client
      .multi()
      .del(this.agentKey(orgId, agentId))
      .zrem(this.expiryKey, `${orgId}:${agentId}`)
      .exec();
  }

  async read(orgId: string, agentIds: string[], now: Date): Promise<Map<string, LivePresence>> {
    const result = new Map<string, LivePresence>();
    if (agentIds.length === 0) {
      return result;
    }
    const pipeline = this.client.pipeline();
    for (const agentId of agentIds) {
      pipeline.hgetall(this.agentKey(orgId, agentId));
    }
    const replies = (await pipeline.exec()) ?? [];
    agentIds.forEach((agentId, i) => {
      const [error, hash] = replies[i] ?? [new Error('missing pipeline reply'), null];
      if (error) {
        throw error;
      }
      result.set(agentId, this.toLive(hash as Record<string, string>, now.getTime()));
    });
    return result;
  }

  async devices(orgId: string, agentId: string, now: Date): Promise<LiveDevice[]> {
    const hash = await this.client.hgetall(this.agentKey(orgId, agentId));
    const known = Object.entries(hash).flatMap(([id, raw]) => {
      const device = parseDevice(raw);
      return device === null ? [] : [{ id, ...device }];
    });
    return liveDevices(known, now.getTime(), this.ttlMs);
  }

  private toLive(hash: Record<string, string>, now: number): LivePresence {
    const devices = Object.values(hash)
      .map(parseDevice)
      .filter((d) => d !== null);
    if (devices.length === 0) {
      return { ...OFFLINE, activeChannels: [] };
    }
    // Same rule as the in-process store: known devices count for lastSeen, live ones for the rest.
    const live = devices.filter((d) => now - d.lastSeen < this.ttlMs);
    return {
      online: live.length > 0,
      lastSeen: new Date(Math.max(...devices.map((d) => d.lastSeen))),
      activeChannels: [...new Set(live.flatMap((d) => d.channels))].sort(),
    };
  }

  async sweep(now: Date): Promise<PresenceTransition[]> {
    const transitions: PresenceTransition[] = [];
    // Each pass removes or re-scores past now every candidate it sees, so the loop terminates.
    for (;;) {
      const members = await this.client.zrangebyscore(
        this.expiryKey,
        '-inf',
        now.getTime(),
        'LIMIT',
        0,
        SWEEP_BATCH,
      );
      if (members.length === 0) {
        break;
      }
      const ids = members.map(splitMember);
      const reply = (await SWEEP.run(
        this.client,
        [this.expiryKey, ...ids.map(([orgId, agentId]) => this.agentKey(orgId, agentId))],
        [now.getTime(), this.ttlMs, ...members],
      )) as string[];
      for (let i = 0; i + 1 < reply.length; i += 2) {
        const [orgId, agentId] = splitMember(reply[i] as string);
        const lastSeen = new Date(Number(reply[i + 1]));
        transitions.push({ orgId, agentId, online: false, at: now, lastSeen });
      }
      if (members.length < SWEEP_BATCH) {
        break;
      }
    }
    return transitions;
  }

  /** The connection belongs to whoever created it; there is nothing of the store's own to free. */
  async close(): Promise<void> {}
}

/** Org and agent ids are UUIDs, so the first colon separates them. */
function splitMember(member: string): [string, string] {
  const at = member.indexOf(':');
  return [member.slice(0, at), member.slice(at + 1)];
}

function parseDevice(raw: string): StoredDevice | null {
  try {
    const value = JSON.parse(raw) as Partial<StoredDevice>;
    if (typeof value.lastSeen !== 'number') {
      return null;
    }
    return { lastSeen: value.lastSeen, channels: Array.isArray(value.channels) ? value.channels : [] };
  } catch {
    return null;
  }
}
