import type { AgentRow } from '../../db/schema.js';
import { assertCan, type Role } from '../access.js';
import { restoreAgent } from '../agents/agent-lifecycle.js';
import { type AgentPatch, createAgent, deleteAgent, getAgent, updateAgent } from '../agents/agents.js';
import { findAgent, lockAgentVersion } from '../agents/agents.repo.js';
import { afterCommit, type Ctx, inTransaction } from '../context.js';
import { ERRORS, found } from '../errors.js';
import { assertVersion, type IfVersion } from '../versions.js';
import type { CountedPage, IndexPage, Predicate, UserField } from './query.js';
import { findAgentsByIdentity, listAgentsWhere } from './scim.repo.js';

/**
 * What an identity provider says a person is, in Roster's terms: the whole state a SCIM create or
 * replace asks for. `role` and `maxConcurrent` absent leave the agent's as they are, so an IdP that
 * does not know Roster's extension never demotes anyone.
 */
export interface ScimUserState {
  userName: string;
  externalId: string | null;
  email: string;
  additionalEmails: string[];
  fullName: string;
  firstName: string | null;
  lastName: string | null;
  phoneNumber: string | null;
  additionalPhoneNumbers: string[];
  active: boolean;
  employeeNumber: string | null;
  department: string | null;
  role?: Role;
  maxConcurrent?: number | null;
}

/** A provisioned agent is active unless disabled or in the trash (invited agents count as active). */
export const isActiveAgent = (a: AgentRow) => a.status !== 'disabled' && a.trashedAt === null;

/** Attribute keys the enterprise extension's fields live under (visible in /v1 as agent attributes). */
export const EMPLOYEE_NUMBER_KEY = 'employee_number';
export const DEPARTMENT_KEY = 'department';

function withAttribute(attrs: Record<string, unknown>, key: string, value: string | null) {
  const { [key]: _dropped, ...rest } = attrs;
  return value === null ? rest : { ...rest, [key]: value };
}

/** `base` with the enterprise extension's fields of `state` set (or removed when null). */
function attributesFor(base: Record<string, unknown>, state: ScimUserState): Record<string, unknown> {
  return withAttribute(
    withAttribute(base, EMPLOYEE_NUMBER_KEY, state.employeeNumber),
    DEPARTMENT_KEY,
    state.department,
  );
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

/** The changes that bring `current` to `state`; only what differs, so a no-op writes nothing. */
export function patchTowards(current: AgentRow, state: ScimUserState): AgentPatch {
  const patch: AgentPatch = {};
  const set = <K extends keyof AgentPatch>(key: K, value: AgentPatch[K], same: boolean) => {
    if (!same) {
      patch[key] = value;
    }
  };
  set('username', state.userName, current.username === state.userName);
  set('externalId', state.externalId, current.externalId === state.externalId);
  set('email', state.email, current.email === state.email);
  set('additionalEmails', state.additionalEmails, sameList(current.additionalEmails, state.additionalEmails));
  set('fullName', state.fullName, current.fullName === state.fullName);
  set('firstName', state.firstName, current.firstName === state.firstName);
  set('lastName', state.lastName, current.lastName === state.lastName);
  set('phoneNumber', state.phoneNumber, current.phoneNumber === state.phoneNumber);
  set(
    'additionalPhoneNumbers',
    state.additionalPhoneNumbers,
    sameList(current.additionalPhoneNumbers, state.additionalPhoneNumbers),
  );
  const attributes = attributesFor(current.attributes, state);
  set('attributes', attributes, JSON.stringify(attributes) === JSON.stringify(current.attributes));
  if (state.role !== undefined) {
    set('role', state.role, current.role === state.role);
  }
  if (state.maxConcurrent !== undefined) {
    set('maxConcurrent', state.maxConcurrent, current.maxConcurrent === state.maxConcurrent);
  }
  if (!state.active && current.status !== 'disabled') {
    patch.status = 'disabled';
  } else if (state.active && current.status === 'disabled') {
    patch.status = 'active';
  }
  return patch;
}

/** Agents other than `self` that answer to the userName or externalId of `state`. */
async function identityHolders(tx: Ctx, state: ScimUserState, self: string | null): Promise<AgentRow[]> {
  const matches = await findAgentsByIdentity(tx.db, tx.actor.orgId, state.userName, state.externalId);
  return matches.filter((a) => a.id !== self);
}

function identityTaken(state: ScimUserState, holder: AgentRow): never {
  const name = (holder.username ?? holder.email).toLowerCase();
  if (name === state.userName.toLowerCase()) {
    throw ERRORS.agentUsernameTaken(state.userName);
  }
  throw ERRORS.agentExternalIdTaken(state.externalId ?? '');
}

/**
 * Brings an agent, locked in `tx`, to `state` through the same use cases as every dialect: a
 * disable ends its supervision and requeues its conversations, an enable takes it out of the
 * trash too. After the commit a disabled agent's devices are forgotten: it shows offline.
 */
async function applyState(tx: Ctx, current: AgentRow, state: ScimUserState): Promise<AgentRow> {
  const patch = patchTowards(current, state);
  let agent = current;
  if (Object.keys(patch).length > 0) {
    agent = await updateAgent(tx, current.id, patch);
  }
  if (state.active && current.trashedAt !== null) {
    agent = await restoreAgent(tx, current.id);
  }
  if (patch.status === 'disabled') {
    const { orgId } = tx.actor;
    await afterCommit(tx, (ctx) => ctx.presence.forget(orgId, current.id));
  }
  return agent;
}

/**
 * Provisions a person. One whose userName or externalId matches an agent that is disabled or in
 * the trash brings that agent back with the new state (an IdP re-assigning a deactivated person);
 * a match with an active agent is a conflict.
 * @throws forbidden; agent_username_taken; conflict (externalId); agent_email_taken.
 */
export async function createScimUser(
  ctx: Ctx,
  state: ScimUserState,
): Promise<{ agent: AgentRow; created: boolean }> {
  assertCan(ctx.actor, 'agent.create');
  return inTransaction(ctx, async (tx) => {
    const matches = await identityHolders(tx, state, null);
    const active = matches.find(isActiveAgent);
    if (active !== undefined) {
      identityTaken(state, active);
    }
    const [dormant, another] = matches;
    if (another !== undefined) {
      identityTaken(state, another);
    }
    if (dormant !== undefined) {
      await lockAgentVersion(tx.db, tx.actor.orgId, dormant.id);
      return { agent: await applyState(tx, dormant, state), created: false };
    }
    const agent = await createAgent(tx, {
      email: state.email,
      fullName: state.fullName,
      username: state.userName,
      externalId: state.externalId,
      firstName: state.firstName,
      lastName: state.lastName,
      phoneNumber: state.phoneNumber,
      additionalEmails: state.additionalEmails,
      additionalPhoneNumbers: state.additionalPhoneNumbers,
      attributes: attributesFor({}, state),
      role: state.role,
      maxConcurrent: state.maxConcurrent,
      status: state.active ? 'active' : 'disabled',
    });
    return { agent, created: true };
  });
}

/**
 * Replaces or patches a provisioned agent: `build` turns the agent as it is now (read with its row
 * locked) into the state wanted, so concurrent changes take turns and none is lost.
 * @throws forbidden; agent_not_found; precondition_failed; agent_username_taken; conflict; agent_email_taken.
 */
export async function changeScimUser(
  ctx: Ctx,
  id: string,
  build: (current: AgentRow) => ScimUserState,
  expected: IfVersion = {},
): Promise<AgentRow> {
  assertCan(ctx.actor, 'agent.update');
  return inTransaction(ctx, async (tx) => {
    const orgId = tx.actor.orgId;
    const lock = () => lockAgentVersion(tx.db, orgId, id);
    await assertVersion(lock, expected, `Agent ${id}`, () => ERRORS.agentNotFound(id));
    if (expected.ifVersion === undefined) {
      found(await lock(), () => ERRORS.agentNotFound(id));
    }
    const current = found(await findAgent(tx.db, orgId, id), () => ERRORS.agentNotFound(id));
    const state = build(current);
    const [holder] = await identityHolders(tx, state, id);
    if (holder !== undefined) {
      identityTaken(state, holder);
    }
    return applyState(tx, current, state);
  });
}

/** @throws forbidden; agent_not_found. */
export function getScimUser(ctx: Ctx, id: string): Promise<AgentRow> {
  return getAgent(ctx, id);
}

/** @throws forbidden; agent_not_found; precondition_failed. */
export function deleteScimUser(ctx: Ctx, id: string, expected: IfVersion = {}): Promise<void> {
  return deleteAgent(ctx, id, expected);
}

/** Agents matching a provisioning query, in a stable order. @throws forbidden. */
export function listScimUsers(
  ctx: Ctx,
  where: Predicate<UserField>,
  page: IndexPage,
): Promise<CountedPage<AgentRow>> {
  assertCan(ctx.actor, 'agent.read');
  return listAgentsWhere(ctx.db, ctx.actor.orgId, where, page);
}
