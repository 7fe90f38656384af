import type { Static } from 'typebox';
import type { AgentInput, AgentPatch } from '../../../core/agents/agents.js';
import type { CreateAgentInput, PatchAgentInput, UpdateAgentInput } from './agents.schemas.js';

/** Dixa agent bodies as the core's agent input (vendor spec section 1.1, "Agents"). */

type Profile = Static<typeof PatchAgentInput>;

/** The fields a Dixa body gives, and only those. */
export function toAgentPatch(body: Profile): AgentPatch {
  const patch: AgentPatch = {
    fullName: body.displayName,
    phoneNumber: body.phoneNumber,
    additionalEmails: body.additionalEmails,
    additionalPhoneNumbers: body.additionalPhoneNumbers,
    firstName: body.firstName,
    lastName: body.lastName,
    middleNames: body.middleNames,
    avatarUrl: body.avatarUrl,
  };
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as AgentPatch;
}

/** A Dixa CreateAgentInput as the core's new agent. */
export function toAgentInput(body: Static<typeof CreateAgentInput>): AgentInput {
  return { ...toAgentPatch(body), email: body.email, fullName: body.displayName };
}

/** A Dixa PUT replaces every field it knows: what the body leaves out is cleared. */
export function toAgentReplacement(body: Static<typeof UpdateAgentInput>): AgentPatch {
  return {
    fullName: body.displayName,
    phoneNumber: body.phoneNumber ?? null,
    additionalEmails: body.additionalEmails ?? [],
    additionalPhoneNumbers: body.additionalPhoneNumbers ?? [],
    firstName: body.firstName ?? null,
    lastName: body.lastName ?? null,
    middleNames: body.middleNames ?? [],
    avatarUrl: body.avatarUrl ?? null,
  };
}
