/**
 * The steady mixed load of the scale-out check, sent through the load balancer with one org key:
 * heartbeats of every agent, availability changes, team reads, membership changes, and
 * conversations routed and then closed. Every request's outcome is counted by kind; a failure is
 * a 5xx or a connection error, and any other unexpected answer is counted apart.
 */
import { percentile } from '../lib.js';

export interface Outcome {
  sent: number;
  ok: number;
  /** 5xx answers and connection errors: what "0 failed requests" counts. */
  failed: number;
  /** 4xx answers the load never expects (a sign of a bug, not of an outage). */
  refused: number;
  latenciesMs: number[];
  /** A few examples of failures, for the report. */
  examples: string[];
}

export interface Org {
  base: string;
  key: string;
  agents: string[];
  teams: string[];
  /** Agents that move in and out of teams (membership churn), apart from the routed members. */
  floaters: string[];
}

export interface LoadRates {
  /** Every agent sends one heartbeat per this many seconds. */
  heartbeatEverySeconds: number;
  availabilityPerSecond: number;
  teamReadsPerSecond: number;
  membershipPerSecond: number;
  conversationsPerSecond: number;
  /** A routed conversation is closed after a random time up to this. */
  maxConversationSeconds: number;
}

/** Requests in flight at most; beyond, a tick's requests are skipped (and counted). */
const MAX_IN_FLIGHT = 96;
const TICK_MS = 50;

export async function send(
  base: string,
  key: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? null : JSON.parse(text);
  } catch {
    // not JSON: kept as text for the report
  }
  return { status: response.status, body: parsed };
}

const pick = <T>(values: T[]): T => values[Math.floor(Math.random() * values.length)] as T;

export class MixedLoad {
  readonly outcomes = new Map<string, Outcome>();
  /** Conversations the API answered 201 for: every one must be in the database at the end. */
  readonly conversations: string[] = [];
  skipped = 0;
  private inFlight = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly closers = new Set<NodeJS.Timeout>();
  private heartbeatCursor = 0;
  private readonly pending = new Set<Promise<void>>();
  private readonly carry = new Map<string, number>();

  constructor(
    private readonly org: Org,
    private readonly rates: LoadRates,
  ) {}

  start(): void {
    const perTick = (perSecond: number) => (perSecond * TICK_MS) / 1000;
    const kinds: [string, number, () => Promise<void>][] = [
      [
        'heartbeat',
        perTick(this.org.agents.length / this.rates.heartbeatEverySeconds),
        () => this.heartbeat(),
      ],
      ['availability', perTick(this.rates.availabilityPerSecond), () => this.availability()],
      ['team read', perTick(this.rates.teamReadsPerSecond), () => this.teamRead()],
      ['membership', perTick(this.rates.membershipPerSecond), () => this.membership()],
      ['conversation', perTick(this.rates.conversationsPerSecond), () => this.conversation()],
    ];
    this.timer = setInterval(() => {
      for (const [name, rate, run] of kinds) {
        const due = (this.carry.get(name) ?? 0) + rate;
        const count = Math.floor(due);
        this.carry.set(name, due - count);
        for (let i = 0; i < count; i++) {
          if (this.inFlight >= MAX_IN_FLIGHT) {
            this.skipped++;
            continue;
          }
          this.track(run());
        }
      }
    }, TICK_MS);
  }

  /** Stops sending, closes what is still open, and waits for every request to end. */
  async stop(): Promise<void> {
    if (this.timer !== null) {
      clearInterval(this.timer);
    }
    for (const closer of this.closers) {
      clearTimeout(closer);
    }
    this.closers.clear();
    while (this.pending.size > 0) {
      await Promise.all([...this.pending]);
    }
  }

  total(): Outcome {
    const all: Outcome = { sent: 0, ok: 0, failed: 0, refused: 0, latenciesMs: [], examples: [] };
    for (const outcome of this.outcomes.values()) {
      all.sent += outcome.sent;
      all.ok += outcome.ok;
      all.failed += outcome.failed;
      all.refused += outcome.refused;
      all.latenciesMs.push(...outcome.latenciesMs);
      all.examples.push(...outcome.examples);
    }
    return all;
  }

  /** One line per request kind: count, failures, p50/p99. */
  summary(): string[] {
    return [...this.outcomes.entries()].map(
      ([name, o]) =>
        `${name.padEnd(14)} ${String(o.sent).padStart(7)} sent  ${o.failed} failed  ${o.refused} refused  ` +
        `p50 ${percentile(o.latenciesMs, 50).toFixed(1)} ms  p99 ${percentile(o.latenciesMs, 99).toFixed(1)} ms`,
    );
  }

  private track(work: Promise<void>): void {
    this.inFlight++;
    const done = work.finally(() => {
      this.inFlight--;
      this.pending.delete(done);
    });
    this.pending.add(done);
  }

  private async request(
    kind: string,
    method: string,
    path: string,
    body: unknown,
    expected: number[],
  ): Promise<unknown> {
    let outcome = this.outcomes.get(kind);
    if (outcome === undefined) {
      outcome = { sent: 0, ok: 0, failed: 0, refused: 0, latenciesMs: [], examples: [] };
      this.outcomes.set(kind, outcome);
    }
    outcome.sent++;
    const started = performance.now();
    try {
      const res = await send(this.org.base, this.org.key, method, path, body);
      outcome.latenciesMs.push(performance.now() - started);
      if (expected.includes(res.status)) {
        outcome.ok++;
        return res.body;
      }
      if (res.status >= 500) {
        outcome.failed++;
      } else {
        outcome.refused++;
      }
      if (outcome.examples.length < 5) {
        outcome.examples.push(`${method} ${path} -> ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      }
    } catch (err) {
      outcome.failed++;
      if (outcome.examples.length < 5) {
        outcome.examples.push(`${method} ${path} -> ${(err as Error).cause ?? err}`);
      }
    }
    return null;
  }

  private async heartbeat(): Promise<void> {
    const agents = this.org.agents;
    const agent = agents[this.heartbeatCursor++ % agents.length];
    await this.request(
      'heartbeat',
      'POST',
      `/v1/agents/${agent}/presence/heartbeat`,
      { device_id: 'desk' },
      [204],
    );
  }

  private async availability(): Promise<void> {
    // Mostly available, so that routing has agents to pick from.
    const available = Math.random() < 0.8;
    await this.request(
      'availability',
      'PUT',
      `/v1/agents/${pick(this.org.agents)}/availability`,
      { available },
      [200],
    );
  }

  private async teamRead(): Promise<void> {
    await this.request('team read', 'GET', `/v1/teams/${pick(this.org.teams)}`, undefined, [200]);
  }

  private async membership(): Promise<void> {
    const change =
      Math.random() < 0.5 ? { add: [pick(this.org.floaters)] } : { remove: [pick(this.org.floaters)] };
    await this.request('membership', 'PATCH', `/v1/teams/${pick(this.org.teams)}/members`, change, [200]);
  }

  private async conversation(): Promise<void> {
    const created = (await this.request(
      'conversation',
      'POST',
      '/v1/conversations',
      { team_id: pick(this.org.teams) },
      [201],
    )) as { id: string } | null;
    if (created === null) {
      return;
    }
    this.conversations.push(created.id);
    const closer = setTimeout(
      () => {
        this.closers.delete(closer);
        this.track(
          this.request('close', 'PATCH', `/v1/conversations/${created.id}`, { status: 'closed' }, [200]).then(
            () => undefined,
          ),
        );
      },
      1000 + Math.random() * (this.rates.maxConversationSeconds - 1) * 1000,
    );
    this.closers.add(closer);
  }
}
