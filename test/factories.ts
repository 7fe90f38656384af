import { randomBytes } from 'node:crypto';
import type { Actor, Role } from '../src/core/access.js';
import { ALL_SCOPES, expandScopes } from '../src/core/access.js';
import { type AgentInput, createAgent } from '../src/core/agents/agents.js';
import { createApiKey } from '../src/core/api-keys/api-keys.js';
import type { Ctx } from '../src/core/context.js';
import { createOrg } from '../src/core/orgs/orgs.js';
import { createTeam } from '../src/core/teams/teams.js';
import type { TestEnv } from './harness.js';
import { ctxFor, masterActor } from './harness.js';

const unique = () => randomBytes(4).toString('hex');

/** A new org and a master context acting on it: every test gets its own tenant, so none share state. */
export async function buildOrg(env: TestEnv, name = `Org ${unique()}`): Promise<Ctx> {
  const org = await createOrg(env.masterCtx, { name });
  return ctxFor(env.database, masterActor(org.id));
}

export function buildAgent(ctx: Ctx, overrides: Partial<AgentInput> = {}) {
  const tag = unique();
  return createAgent(ctx, { email: `agent-${tag}@example.com`, fullName: `Agent ${tag}`, ...overrides });
}

export function buildTeam(ctx: Ctx, overrides: { name?: string; description?: string } = {}) {
  return createTeam(ctx, { name: `Team ${unique()}`, ...overrides });
}

/** Creates an API key in the ctx's org and returns its secret with the row. */
export function buildKey(
  ctx: Ctx,
  options: { scopes?: string[]; agentId?: string | null; expiresAt?: Date } = {},
) {
  return createApiKey(ctx, {
    name: `key-${unique()}`,
    scopes: options.scopes ?? ['*'],
    agentId: options.agentId ?? null,
    expiresAt: options.expiresAt ?? null,
  });
}

/** A context acting as an agent of `role` (bound key semantics) holding `scopes`, in ctx's org. */
export async function actAs(
  ctx: Ctx,
  role: Role,
  scopes: string[] = ['*'],
): Promise<{ ctx: Ctx; agentId: string }> {
  const agent = await buildAgent(ctx, { role });
  const actor: Actor = {
    orgId: ctx.actor.orgId,
    isMaster: false,
    keyId: null,
    scopes: scopes.includes('*') ? ALL_SCOPES : new Set(expandScopes(scopes)),
    agent: { id: agent.id, role },
  };
  return { ctx: { ...ctx, actor }, agentId: agent.id };
}
