/** c'. Availability changes fanned out over SSE to 100 subscribers. */
import { api, percentile } from '../lib.js';
import { one, record } from '../report.js';
import { type Bench, from, type Scenario } from '../scenario.js';
import { SECONDS } from '../settings.js';

/** One SSE subscriber: counts availability events and their delivery latency. */
function subscribe(base: string, key: string, latencies: number[], stopAt: () => boolean) {
  const controller = new AbortController();
  const done = (async () => {
    const res = await fetch(`${base}/v1/events`, {
      headers: { authorization: `Bearer ${key}` },
      signal: controller.signal,
    });
    const reader = res.body?.getReader();
    if (!reader) {
      throw new Error("c': no event stream");
    }
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done: ended } = await reader.read();
      if (ended || stopAt()) {
        break;
      }
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = frame.split('\n').find((line) => line.startsWith('data: '));
        if (data !== undefined && frame.includes('event: agent.availability_changed')) {
          const event = JSON.parse(data.slice(6)) as { occurred_at: string };
          latencies.push(Date.now() - Date.parse(event.occurred_at));
        }
        end = buffer.indexOf('\n\n');
      }
    }
  })().catch((err: unknown) => {
    if ((err as Error).name !== 'AbortError') {
      throw err;
    }
  });
  return { close: () => controller.abort(), done };
}

/** c'. Availability changes fanned out over SSE to 100 subscribers. */
async function run(bench: Bench): Promise<void> {
  const a = from(bench, 'a');
  const agents = from(bench, 'b').agents;
  console.log("\nc'. event fan-out over SSE to 100 subscribers");
  const subscribers = 100;
  const toggle = new Map<string, boolean>();
  const change = async (i: number) => {
    const id = agents[i % agents.length] as string;
    const available = !(toggle.get(id) ?? true);
    toggle.set(id, available);
    const res = await api(a.roster.base, a.t.key, 'PUT', `/v1/agents/${id}/availability`, { available });
    if (res.status !== 200) {
      throw new Error(`c': availability ${res.status}`);
    }
  };
  const phase = async (ratePerSecond: number | null) => {
    const latencies: number[] = [];
    let stopping = false;
    const subs = Array.from({ length: subscribers }, () =>
      subscribe(a.roster.base, a.t.key, latencies, () => stopping),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    let sent = 0;
    const until = performance.now() + SECONDS * 1000;
    if (ratePerSecond === null) {
      // As fast as ten writers can go.
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          while (performance.now() < until) {
            await change(sent++);
          }
        }),
      );
    } else {
      const started = performance.now();
      while (performance.now() < until) {
        const due = started + (sent / ratePerSecond) * 1000;
        const wait = due - performance.now();
        if (wait > 0) {
          await new Promise((resolve) => setTimeout(resolve, wait));
        }
        await change(sent++);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    stopping = true;
    for (const sub of subs) {
      sub.close();
    }
    await Promise.all(subs.map((sub) => sub.done));
    return { sent, delivered: latencies.length, latencies };
  };
  const max = await phase(null);
  const lost = max.sent * subscribers - max.delivered;
  record({
    scenario: "c'",
    figure: 'events delivered/s (100 subscribers, max rate)',
    unit: 'events/s',
    roster: one(max.delivered / SECONDS),
    baseline: null,
    goal: `reported (${lost} lost)`,
    met: lost === 0,
  });
  const half = await phase(Math.max(1, max.sent / SECONDS / 2));
  const p99 = percentile(half.latencies, 99);
  record({
    scenario: "c'",
    figure: 'p99 delivery latency at half that rate (ms)',
    unit: 'ms',
    roster: one(p99),
    baseline: null,
    goal: '<= 250 ms',
    met: p99 <= 250,
  });
}

export const scenarioCPrime: Scenario = { name: "c'", needs: ['a', 'b'], run };
