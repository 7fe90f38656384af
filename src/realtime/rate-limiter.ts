import type { Redis } from 'ioredis';
import { DEFAULT_REDIS_PREFIX, LuaScript } from './redis-client.js';

/** The outcome of taking one token, with what the RateLimit-* headers report. */
export interface RateDecision {
  allowed: boolean;
  /** The bucket's size (the burst). */
  limit: number;
  /** Whole tokens left after this request. */
  remaining: number;
  /** Seconds until the bucket is full again. */
  resetSeconds: number;
  /** Seconds until the next token, when refused; 0 when allowed. */
  retryAfterSeconds: number;
}

/** Per-caller token buckets: `perMinute` tokens a minute, up to `burst` saved up. */
export interface RateLimiter {
  take(bucket: string): Promise<RateDecision>;
  close(): Promise<void>;
}

export interface RateLimit {
  perMinute: number;
  burst: number;
}

/** Decides from a bucket's level after refilling; shared by both stores so they answer alike. */
function decide(limit: RateLimit, level: number, allowed: boolean): RateDecision {
  const perSecond = limit.perMinute / 60;
  return {
    allowed,
    limit: limit.burst,
    remaining: Math.max(0, Math.floor(level)),
    resetSeconds: Math.ceil((limit.burst - level) / perSecond),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((1 - level) / perSecond)),
  };
}

/** Buckets of this process only: the default, and the fallback while Redis is away. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, { level: number; at: number }>();
  /** Size at which full buckets are next swept out; it grows with the live ones, so that many
   * busy keys never make every request pay for a sweep. */
  private sweepAt = 10_000;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  async take(bucket: string): Promise<RateDecision> {
    return this.takeNow(bucket);
  }

  /** How many buckets this process holds (full ones are swept out as the map grows). */
  get size(): number {
    return this.buckets.size;
  }

  takeNow(bucket: string): RateDecision {
    const now = this.now();
    const { perMinute, burst } = this.limit;
    const state = this.buckets.get(bucket) ?? { level: burst, at: now };
    let level = Math.min(burst, state.level + ((now - state.at) * perMinute) / 60_000);
    const allowed = level >= 1;
    if (allowed) {
      level -= 1;
    }
    this.buckets.set(bucket, { level, at: now });
    if (this.buckets.size > this.sweepAt) {
      this.forgetFull(now);
      this.sweepAt = Math.max(10_000, this.buckets.size * 2);
    }
    return decide(this.limit, level, allowed);
  }

  /** Drops buckets that have refilled: they carry no state a fresh bucket would not. */
  private forgetFull(now: number): void {
    for (const [key, state] of this.buckets) {
      if (state.level + ((now - state.at) * this.limit.perMinute) / 60_000 >= this.limit.burst) {
        this.buckets.delete(key);
      }
    }
  }

  async close(): Promise<void> {
    this.buckets.clear();
  }
}

/**
 * One token bucket per key in Redis, refilled and taken in one script on Redis's clock, so every
 * instance draws from the same bucket. The key expires once the bucket would be full anyway.
 */
const TAKE = new LuaScript(`
local rate = tonumber(ARGV[1]) / 60000
local burst = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'level', 'at')
local level = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
level = math.min(burst, level + math.max(0, now - at) * rate)
local allowed = 0
if level >= 1 then
  level = level - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'level', tostring(level), 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil((burst - level) / rate) + 1000)
return {allowed, tostring(level)}
`);

/** Buckets shared by every instance through Redis; this instance's own buckets while Redis is away. */
export class RedisRateLimiter implements RateLimiter {
  private readonly fallback: MemoryRateLimiter;
  private readonly prefix: string;

  constructor(
    private readonly client: Redis,
    private readonly limit: RateLimit,
    options: { prefix?: string } = {},
  ) {
    this.fallback = new MemoryRateLimiter(limit);
    this.prefix = `${options.prefix ?? DEFAULT_REDIS_PREFIX}ratelimit:`;
  }

  async take(bucket: string): Promise<RateDecision> {
    if (this.client.status !== 'ready') {
      return this.fallback.takeNow(bucket);
    }
    try {
      const [allowed, level] = (await TAKE.run(
        this.client,
        [`${this.prefix}${bucket}`],
        [this.limit.perMinute, this.limit.burst],
      )) as [number, string];
      return decide(this.limit, Number(level), allowed === 1);
    } catch {
      // Redis went away mid-request: limit locally rather than fail the request or let it through.
      return this.fallback.takeNow(bucket);
    }
  }

  async close(): Promise<void> {
    await this.fallback.close();
  }
}
