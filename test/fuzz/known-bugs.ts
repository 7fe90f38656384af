import type { KnownBug } from './checks.js';
import type { FuzzRequest } from './requests.js';

/**
 * Bugs the fuzzer found in src. Each excuses one check, for the listed operations and one status,
 * and only for the requests its `when` recognises. Delete an entry with its fix: the fuzz test
 * then guards the fix. The run logs which entries still excused something.
 */

const noBody = (r: FuzzRequest) => r.payload === undefined;

export const KNOWN_BUGS: KnownBug[] = [
  {
    bug: 'The body is documented as required (requestBody.required) but a request without one succeeds',
    operations: ['POST /v1/agents/{id}/presence/heartbeat'],
    status: 204,
    check: 'invalid-4xx',
    when: noBody,
  },
  {
    bug: 'The body is documented as required (requestBody.required) but a request without one succeeds',
    operations: ['POST /api/v1/livechat/agent.status'],
    status: 200,
    check: 'invalid-4xx',
    when: noBody,
  },
];
