import type { RateLimiter } from './rate-limiter.js';

/**
 * Failed authentication, limited per client address, so that guessing keys is bounded. Every
 * failure takes a token from the address's bucket (the per-key limiter's token buckets, in Redis
 * when it is configured, so that every instance draws from the same one). The failure that finds
 * the bucket empty blocks the address on this instance until the next token is due: until then
 * its requests are refused before any credential is checked, so that a right guess is not told
 * from a wrong one. A request with valid credentials costs a map lookup, nothing more.
 */
export class AuthFailureLimiter {
  readonly #blocked = new Map<string, number>();

  constructor(
    private readonly buckets: RateLimiter,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds `client` must wait before its credentials are checked again; 0 when it may try. */
  wait(client: string): number {
    const until = this.#blocked.get(client);
    if (until === undefined) {
      return 0;
    }
    const left = until - this.now();
    if (left <= 0) {
      this.#blocked.delete(client);
      return 0;
    }
    return Math.ceil(left / 1000);
  }

  /** Counts a failed attempt of `client`; the seconds it must wait when that was one too many, else 0. */
  async failed(client: string): Promise<number> {
    const decision = await this.buckets.take(`auth-failure:${client}`);
    if (decision.allowed) {
      return 0;
    }
    if (this.#blocked.size >= 100_000) {
      this.forgetExpired();
    }
    this.#blocked.set(client, this.now() + decision.retryAfterSeconds * 1000);
    return decision.retryAfterSeconds;
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [client, until] of this.#blocked) {
      if (until <= now) {
        this.#blocked.delete(client);
      }
    }
  }

  async close(): Promise<void> {
    this.#blocked.clear();
    await this.buckets.close();
  }
}
