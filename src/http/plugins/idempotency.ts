import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterCommitted, type Ctx } from '../../core/context.js';
import { ERRORS } from '../../core/errors.js';
import type { PublishedEvent } from '../../core/events/bus.js';
import {
  findIdempotencyKey,
  IDEMPOTENCY_TTL_MS,
  saveIdempotencyKey,
  tryLockIdempotencyKey,
} from '../../core/idempotency/idempotency.repo.js';
import { type HeldTransaction, holdTransaction } from '../../db/client.js';
import { idempotencyReplays } from '../../observability/metrics.js';
import type { AppDeps } from '../deps.js';

/** Visible ASCII, as Stripe and the IETF draft allow, up to Stripe's 255 characters. */
const KEY_RE = /^[\x21-\x7e]{1,255}$/;

interface Pending {
  held: HeldTransaction;
  orgId: string;
  caller: string;
  key: string;
  fingerprint: string;
  events: PublishedEvent[];
  /** Follow-up work of the use cases (routing drains), run once the transaction commits. */
  hooks: ((ctx: Ctx) => Promise<void>)[];
  /** The request's context outside the transaction, for that follow-up work. */
  outside: Ctx;
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: Pending | null;
  }
}

/**
 * `Idempotency-Key` on the POST and PATCH routes of the enclosing plugin, with Stripe's semantics:
 * the first successful response to a key is stored in the same transaction as its effect and
 * replayed byte for byte (with `Idempotent-Replayed: true`) to retries for 24 hours; the same key
 * with another method, path or body is a 422; a retry while the first is still running is a 409.
 * A request that fails changes nothing and stores nothing, so its retry runs afresh. Runs after
 * authentication and validation: a key is scoped to its org and API key, and an invalid request
 * never claims one.
 */
export function installIdempotency(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (request, reply) => {
    if ((request.method !== 'POST' && request.method !== 'PATCH') || request.actor === null) {
      return;
    }
    const key = request.headers['idempotency-key'];
    if (key === undefined) {
      return;
    }
    if (typeof key !== 'string' || !KEY_RE.test(key)) {
      throw ERRORS.invalid('header.idempotency-key', 'must be 1 to 255 visible ASCII characters');
    }
    const { orgId } = request.actor;
    const caller = request.actor.keyId ?? 'master';
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    const held = await holdTransaction(request.ctx.db);
    try {
      if (!(await tryLockIdempotencyKey(held.db, orgId, caller, key))) {
        throw ERRORS.idempotencyKeyInUse(key);
      }
      const since = new Date(deps.now().getTime() - IDEMPOTENCY_TTL_MS);
      const stored = await findIdempotencyKey(held.db, orgId, caller, key, since);
      if (stored !== null) {
        if (stored.fingerprint !== fingerprint) {
          throw ERRORS.idempotencyKeyReused(key);
        }
        await held.end(false);
        idempotencyReplays.inc();
        reply.header('idempotent-replayed', 'true');
        if (stored.contentType !== null) {
          reply.header('content-type', stored.contentType);
        }
        return reply.code(stored.status).send(stored.status === 204 ? null : stored.body);
      }
    } catch (err) {
      await held.end(false).catch(() => {});
      throw err;
    }
    const events: PublishedEvent[] = [];
    const hooks: ((ctx: Ctx) => Promise<void>)[] = [];
    const outside = request.ctx;
    request.idempotency = { held, orgId, caller, key, fingerprint, events, hooks, outside };
    // The handler's use cases join this transaction; their events and follow-up work wait for
    // its commit, as they would for a transaction of their own.
    request.ctx = { ...outside, db: held.db, pending: events, afterCommit: hooks };
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const pending = request.idempotency;
    if (pending === null) {
      return payload;
    }
    request.idempotency = null;
    if (reply.statusCode < 200 || reply.statusCode >= 300) {
      // The rollback fails too when the connection is gone (the very cause of a 503): the answer stands.
      await pending.held.end(false).catch(() => {});
      return payload;
    }
    const contentType = reply.getHeader('content-type');
    await saveIdempotencyKey(pending.held.db, {
      orgId: pending.orgId,
      caller: pending.caller,
      key: pending.key,
      fingerprint: pending.fingerprint,
      status: reply.statusCode,
      contentType: typeof contentType === 'string' ? contentType : null,
      body: typeof payload === 'string' ? payload : '',
      createdAt: deps.now(),
    }).catch(async (err: unknown) => {
      await pending.held.end(false).catch(() => {});
      throw err;
    });
    await pending.held.end(true);
    await afterCommitted(pending.outside, pending.events, pending.hooks);
    return payload;
  });

  // A request that never reached onSend (the client went away) must not keep its transaction open.
  const abandon = async (request: { idempotency: Pending | null }) => {
    const pending = request.idempotency;
    if (pending !== null) {
      request.idempotency = null;
      await pending.held.end(false).catch(() => {});
    }
  };
  app.addHook('onResponse', abandon);
  app.addHook('onRequestAbort', abandon);
}
