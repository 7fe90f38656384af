import type { SupervisionResult } from '../../../core/supervisors/supervisors.js';
import type { AgentRow } from '../../../db/schema.js';
import { toWebexId } from './ids.js';

/** First and last name: the agent's own, else split from its full name at the first space. */
function names(a: AgentRow): { firstName: string; lastName: string } {
  const space = a.fullName.indexOf(' ');
  const first = space < 0 ? a.fullName : a.fullName.slice(0, space);
  const last = space < 0 ? '' : a.fullName.slice(space + 1);
  return { firstName: a.firstName ?? first, lastName: a.lastName ?? last };
}

/** A person as Webex lists one; absent values are left out, as Webex does. */
export function presentPerson(a: AgentRow) {
  const extension = a.attributes.extension;
  return {
    id: toWebexId('PEOPLE', a.id),
    ...names(a),
    ...(a.phoneNumber === null ? {} : { phoneNumber: a.phoneNumber }),
    ...(typeof extension === 'string' ? { extension } : {}),
  };
}

export const presentSupervisor = (s: AgentRow & { agentCount: number }, hasCxEssentials: boolean) => ({
  ...presentPerson(s),
  agentCount: s.agentCount,
  hasCxEssentials,
});

export const presentCandidateSupervisor = (a: AgentRow, hasCxEssentials: boolean) => ({
  ...presentPerson(a),
  displayName: a.fullName,
  hasCxEssentials,
});

export const presentCandidateAgent = (a: AgentRow) => ({
  ...presentPerson(a),
  displayName: a.fullName,
  type: 'PEOPLE' as const,
});

type WebexStatus = 'DUPLICATE' | 'NOT_AVAILABLE' | 'NOT_FOUND';

/** Webex's status and message for a core result that did not apply; null when it applied. */
function statusOf(r: SupervisionResult, uuid: string): { status: WebexStatus; message: string } | null {
  switch (r.status) {
    case 'added':
    case 'removed':
      return null;
    case 'duplicate':
      return {
        status: 'DUPLICATE',
        message: `[Error 6612] Agent ${uuid} is already assigned to the supervisor.`,
      };
    case 'not_available':
      return { status: 'NOT_AVAILABLE', message: `[Error 6612] Agent ${uuid} is not available.` };
    case 'not_member':
      return { status: 'NOT_FOUND', message: `Agent ${uuid} is not assigned to the supervisor.` };
    case 'not_found':
      return { status: 'NOT_FOUND', message: `Agent ${uuid} was not found.` };
  }
}

/** The `supervisorAgentStatus` entries of the results that did not apply, ids in Webex's base64 form. */
export function presentFailures(results: SupervisionResult[]) {
  return results.flatMap((r) => {
    const failure = statusOf(r, r.id);
    return failure === null ? [] : [{ id: toWebexId('PEOPLE', r.id), ...failure }];
  });
}
