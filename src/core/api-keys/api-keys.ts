import type { ApiKeyRow } from '../../db/schema.js';
import { type Actor, can, expandScopes, type Scope } from '../access.js';
import { findAgent } from '../agents/agents.repo.js';
import { type Ctx, inTransaction } from '../context.js';
import { ERRORS, found } from '../errors.js';
import { emitEvent } from '../events/events.js';
import { newId } from '../ids.js';
import { type Page, type PageRequest, toPage } from '../paging.js';
import { deleteKeyRow, findKey, insertKey, listKeyRows } from './api-keys.repo.js';
import { API_KEY_PREFIX, generateSecret, hashSecret } from './secrets.js';

export interface CreateKeyInput {
  name: string;
  /** Scope names; `*` stands for every scope. */
  scopes: string[];
  agentId?: string | null;
  expiresAt?: Date | null;
}

export interface CreatedKey {
  row: ApiKeyRow;
  /** The secret, returned once and never stored. */
  secret: string;
}

/** The agent whose keys the actor is limited to, or null when it may manage every key of the org. */
function ownKeysOnly(actor: Actor): string | null {
  if (actor.agent === null || can(actor, 'key.manage_any')) {
    return null;
  }
  return actor.agent.id;
}

/**
 * Who a new key may act as. A key never gets more power than its creator: an agent-bound creator
 * binds keys to itself unless it manages all keys, and only an owner may mint an unbound key
 * (which no role limits) or a key bound to an owner.
 */
async function checkBinding(ctx: Ctx, agentId: string | null): Promise<void> {
  const { actor } = ctx;
  const target = agentId === null ? null : await findAgent(ctx.db, actor.orgId, agentId);
  if (agentId !== null && target === null) {
    throw ERRORS.agentNotFound(agentId);
  }
  if (actor.agent === null) {
    return;
  }
  const self = agentId === actor.agent.id;
  if (self) {
    return;
  }
  if (!can(actor, 'key.manage_any')) {
    throw ERRORS.forbidden('This key may only create keys bound to its own agent');
  }
  const ownerPower = target === null || target.role === 'owner';
  if (ownerPower && !can(actor, 'agent.grant_owner')) {
    throw ERRORS.forbidden('Only an owner may create unbound keys or keys bound to an owner');
  }
}

/**
 * Creates an API key and returns its secret once.
 * @throws scope_escalation; forbidden; agent_not_found; invalid_request (expiry in the past).
 */
export async function createApiKey(ctx: Ctx, input: CreateKeyInput): Promise<CreatedKey> {
  const scopes = expandScopes(input.scopes);
  const missing = scopes.filter((s) => !ctx.actor.scopes.has(s));
  if (missing.length > 0) {
    throw ERRORS.scopeEscalation(missing);
  }
  const now = ctx.now();
  if (input.expiresAt && input.expiresAt.getTime() <= now.getTime()) {
    throw ERRORS.invalid('body.expires_at', 'must be in the future');
  }
  const agentId = input.agentId ?? null;
  await checkBinding(ctx, agentId);
  const secret = generateSecret(API_KEY_PREFIX);
  const row: ApiKeyRow = {
    id: newId(),
    orgId: ctx.actor.orgId,
    name: input.name,
    scopes,
    agentId,
    keyHash: hashSecret(secret),
    last4: secret.slice(-4),
    createdAt: now,
    expiresAt: input.expiresAt ?? null,
    lastUsedAt: null,
  };
  await inTransaction(ctx, async (tx) => {
    await insertKey(tx.db, row);
    await emitEvent(tx, 'api_key.created', { api_key_id: row.id, scopes, agent_id: agentId }, row.orgId);
  });
  return { row, secret };
}

/** Keys the actor may see: all of the org's, or only its agent's own. */
export async function listApiKeys(ctx: Ctx, page: PageRequest): Promise<Page<ApiKeyRow>> {
  const rows = await listKeyRows(ctx.db, ctx.actor.orgId, ownKeysOnly(ctx.actor), page);
  return toPage(rows, page.limit, (k) => k.id);
}

async function visibleKey(ctx: Ctx, id: string): Promise<ApiKeyRow> {
  const key = found(await findKey(ctx.db, ctx.actor.orgId, id), () => ERRORS.apiKeyNotFound(id));
  const only = ownKeysOnly(ctx.actor);
  if (only !== null && key.agentId !== only) {
    throw ERRORS.apiKeyNotFound(id);
  }
  return key;
}

/** @throws api_key_not_found (also for keys the actor may not see). */
export function getApiKey(ctx: Ctx, id: string): Promise<ApiKeyRow> {
  return visibleKey(ctx, id);
}

/** Revokes a key at once. @throws api_key_not_found. */
export async function deleteApiKey(ctx: Ctx, id: string): Promise<void> {
  await visibleKey(ctx, id);
  await inTransaction(ctx, async (tx) => {
    if (!(await deleteKeyRow(tx.db, ctx.actor.orgId, id))) {
      throw ERRORS.apiKeyNotFound(id);
    }
    await emitEvent(tx, 'api_key.deleted', { api_key_id: id }, ctx.actor.orgId);
  });
}

export type { Scope };
