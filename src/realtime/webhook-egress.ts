import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { lookup as dnsLookupAll } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';
import { urlToHttpOptions } from 'node:url';
import type { AttemptResult } from '../core/webhooks/policy.js';
import { answerExcerpt, EXCERPT_CHARS } from '../core/webhooks/policy.js';

/**
 * Where webhooks may go. By default only public unicast addresses: loopback, private, link-local,
 * shared, multicast, reserved and documentation ranges are refused, at creation and again when
 * connecting (the name is resolved at connect time and every address checked, so a name cannot
 * be re-pointed after the check). ROSTER_WEBHOOK_ALLOW_HOSTS lets an operator allow receivers:
 * an entry with a `/` is a CIDR matched against the addresses a name resolves to; any other entry
 * is a host matched against the URL's host as written (a name, or an IP literal).
 */
export class EgressPolicy {
  readonly #hosts = new Set<string>();
  readonly #allowed = new BlockList();
  #hasCidrs = false;

  constructor(allow: readonly string[] = []) {
    for (const entry of allow) {
      const slash = entry.indexOf('/');
      if (slash < 0) {
        this.#hosts.add(normalizeHost(entry));
        continue;
      }
      const address = entry.slice(0, slash);
      const family = isIP(address);
      const prefix = Number(entry.slice(slash + 1));
      if (family === 0 || !Number.isInteger(prefix)) {
        throw new Error(`not a CIDR: ${entry}`);
      }
      this.#allowed.addSubnet(address, prefix, family === 4 ? 'ipv4' : 'ipv6');
      this.#hasCidrs = true;
    }
  }

  /** True when the URL's host, as written, is on the allow list (no address check then). */
  hostAllowed(host: string): boolean {
    return this.#hosts.has(normalizeHost(host));
  }

  /** Null when Roster may connect to `address`; otherwise why not. */
  refusal(address: string): string | null {
    const family = isIP(address);
    if (family === 0) {
      return 'not an IP address';
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (this.#hasCidrs && this.#allowed.check(address, type)) {
      return null;
    }
    const mapped = family === 6 ? /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] : undefined;
    if (mapped !== undefined) {
      return this.refusal(mapped);
    }
    if (NON_PUBLIC.check(address, type)) {
      return 'not a public address (loopback, private, link-local or reserved)';
    }
    return null;
  }

  /**
   * Checks a receiver URL as creation does: scheme, then every address its host resolves to now.
   * Returns why it is refused, or null.
   */
  async check(raw: string): Promise<string | null> {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return 'is not a URL';
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return 'must be an http or https URL';
    }
    if (url.username !== '' || url.password !== '') {
      return 'must not hold credentials';
    }
    const host = url.hostname;
    if (this.hostAllowed(host)) {
      return null;
    }
    const literal = stripBrackets(host);
    if (isIP(literal) !== 0) {
      const why = this.refusal(literal);
      return why === null ? null : `points at ${literal}, ${why}; allow it with ROSTER_WEBHOOK_ALLOW_HOSTS`;
    }
    let addresses: LookupAddress[];
    try {
      addresses = await dnsLookupAll(host, { all: true });
    } catch {
      return `has a host (${host}) that does not resolve`;
    }
    for (const { address } of addresses) {
      const why = this.refusal(address);
      if (why !== null) {
        return `resolves to ${address}, ${why}; allow it with ROSTER_WEBHOOK_ALLOW_HOSTS`;
      }
    }
    return null;
  }

  /** A DNS lookup for sockets that fails when any address the name resolves to is refused. */
  readonly lookup: typeof dnsLookup = ((hostname: string, options: object, callback: LookupCallback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) {
        callback(err, '', 4);
        return;
      }
      const list = addresses as unknown as LookupAddress[];
      for (const { address } of list) {
        const why = this.refusal(address);
        if (why !== null) {
          callback(
            Object.assign(new Error(`refused: ${hostname} resolves to ${why}`), { code: 'EREFUSED' }),
            '',
            4,
          );
          return;
        }
      }
      if ((options as { all?: boolean }).all) {
        (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
        return;
      }
      const first = list[0];
      callback(null, first?.address ?? '', first?.family ?? 4);
    });
  }) as unknown as typeof dnsLookup;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string, family: number) => void;

const NON_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NON_PUBLIC.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  NON_PUBLIC.addSubnet(net, prefix, 'ipv6');
}

const stripBrackets = (host: string) =>
  host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
const normalizeHost = (host: string) => stripBrackets(host.trim().toLowerCase());

export interface SendRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

/**
 * POSTs one delivery through `policy`: redirects are not followed, the answer is read up to a
 * bounded excerpt, and anything but an answer (refusal, timeout, reset) is an error result.
 */
export function createSender(policy: EgressPolicy): (request: SendRequest) => Promise<AttemptResult> {
  const options = { keepAlive: true, maxSockets: 16 };
  // Hosts the operator allowed by name skip the address check; every other one goes through it.
  const checked = {
    http: new http.Agent({ ...options, lookup: policy.lookup }),
    https: new https.Agent({ ...options, lookup: policy.lookup }),
  };
  const allowed = { http: new http.Agent(options), https: new https.Agent(options) };
  // An endpoint's URL is parsed and judged once, not on every delivery (bounded: URLs are few).
  const targets = new Map<string, Target>();
  const targetOf = (raw: string): Target => {
    let target = targets.get(raw);
    if (target === undefined) {
      if (targets.size >= 10_000) {
        targets.clear();
      }
      target = judgeTarget(policy, raw, { checked, allowed });
      targets.set(raw, target);
    }
    return target;
  };
  return (request) =>
    new Promise((resolve) => {
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      const fail = (error: string) => resolve({ kind: 'error', error, durationMs: elapsed() });
      const target = targetOf(request.url);
      if ('refused' in target) {
        fail(target.refused);
        return;
      }
      // No `timeout` option: it would only arm the socket's idle timer, which nothing listens
      // to; the timer below bounds the whole attempt.
      const req = target.send({
        ...target.options,
        headers: { ...request.headers, 'content-length': Buffer.byteLength(request.body).toString() },
      });
      const timer = setTimeout(
        () => req.destroy(new Error(`timed out after ${request.timeoutMs} ms`)),
        request.timeoutMs,
      );
      req.on('response', (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (body.length < EXCERPT_CHARS) {
            body += chunk;
          }
        });
        res.on('end', () => {
          clearTimeout(timer);
          const retryAfter = res.headers['retry-after'];
          resolve({
            kind: 'response',
            status: res.statusCode ?? 0,
            retryAfter: typeof retryAfter === 'string' ? retryAfter : null,
            body: answerExcerpt(body),
            durationMs: elapsed(),
          });
        });
        res.on('error', (err) => {
          clearTimeout(timer);
          fail(err.message);
        });
      });
      req.on('error', (err) => {
        clearTimeout(timer);
        fail(err.message);
      });
      req.end(request.body);
    });
}

/** Where a receiver URL leads: how to send to it, or why not. */
type Target =
  | { refused: string }
  | {
      send: (options: http.RequestOptions) => http.ClientRequest;
      options: http.RequestOptions;
    };

function judgeTarget(
  policy: EgressPolicy,
  raw: string,
  agents: Record<'checked' | 'allowed', { http: http.Agent; https: https.Agent }>,
): Target {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { refused: 'invalid URL' };
  }
  const hostAllowed = policy.hostAllowed(url.hostname);
  const literal = stripBrackets(url.hostname);
  if (!hostAllowed && isIP(literal) !== 0) {
    // A literal address is never looked up, so the socket's lookup cannot check it.
    const why = policy.refusal(literal);
    if (why !== null) {
      return { refused: `refused: ${literal} is ${why}` };
    }
  }
  const secure = url.protocol === 'https:';
  const chosen = hostAllowed ? agents.allowed : agents.checked;
  return {
    send: secure ? https.request : http.request,
    options: { ...urlToHttpOptions(url), method: 'POST', agent: secure ? chosen.https : chosen.http },
  };
}
