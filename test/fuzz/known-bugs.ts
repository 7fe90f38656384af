import type { KnownBug } from './checks.js';
import type { FuzzRequest } from './requests.js';

/**
 * Bugs the fuzzer found in src. Each excuses one check, for the listed operations and one status,
 * and only for the requests its `when` recognises. Delete an entry with its fix: the fuzz test
 * then guards the fix. The run logs which entries still excused something.
 */

const pathOf = (r: FuzzRequest) => r.url.split('?')[0] ?? '';
const queryOf = (r: FuzzRequest) => r.url.split('?')[1] ?? '';

/** A UUID spelt `urn:uuid:<uuid>`, which Ajv's `uuid` format accepts. */
const urnUuid = (r: FuzzRequest) =>
  /urn(:|%3A)uuid(:|%3A)/i.test(`${r.url} ${JSON.stringify(r.headers)} ${r.payload ?? ''}`);

/** A JSON string holding a lone UTF-16 surrogate (JSON.stringify escapes only those). */
const loneSurrogate = (r: FuzzRequest) => /\\ud[89a-f][0-9a-f]{2}/i.test(r.payload ?? '');

const noBody = (r: FuzzRequest) => r.payload === undefined;

/** JSON nested 10,000 levels or more. */
const deepJson = (r: FuzzRequest) =>
  r.payload !== undefined &&
  (r.payload.includes('['.repeat(10_000)) || r.payload.includes('{"a":'.repeat(10_000)));

/** A path segment longer than Fastify's maxParamLength (100). */
const longSegment = (r: FuzzRequest) =>
  pathOf(r)
    .split('/')
    .some((segment) => {
      try {
        return decodeURIComponent(segment).length > 100;
      } catch {
        return segment.length > 100;
      }
    });

/** A path that does not percent-decode to UTF-8 (a lone surrogate). */
const badUrl = (r: FuzzRequest) => /%ED%[AB][0-9A-F]/i.test(pathOf(r));

/** A query number too big for the database: 1e+300, or ten or more digits. */
const hugeQueryNumber = (r: FuzzRequest) => /=-?(\d+(\.\d+)?e%2B\d+|\d{10,})(&|$)/i.test(queryOf(r));

const namesOrg = (r: FuzzRequest) => /(^|&)(org_id|orgId)=/.test(queryOf(r));
const notJson = (r: FuzzRequest) =>
  r.headers['content-type'] !== undefined && !r.headers['content-type'].startsWith('application/json');

export const KNOWN_BUGS: KnownBug[] = [
  {
    bug: 'A `urn:uuid:` id passes the uuid format and reaches PostgreSQL: 500',
    operations: '*',
    status: 500,
    check: 'no-5xx',
    when: urnUuid,
  },
  {
    bug: 'A `urn:uuid:` id passes the uuid format and reaches PostgreSQL: 500',
    operations: '*',
    status: 500,
    check: 'documented-status',
    when: urnUuid,
  },
  {
    bug: 'A `urn:uuid:` id passes the uuid format and reaches PostgreSQL: 500',
    operations: '*',
    status: 500,
    check: 'invalid-4xx',
    when: urnUuid,
  },
  { bug: 'JSON nested 10,000 deep: 500', operations: '*', status: 500, check: 'no-5xx', when: deepJson },
  {
    bug: 'JSON nested 10,000 deep: 500',
    operations: '*',
    status: 500,
    check: 'documented-status',
    when: deepJson,
  },
  { bug: 'JSON nested 10,000 deep: 500', operations: '*', status: 500, check: 'invalid-4xx', when: deepJson },
  {
    bug: 'Path segment over 100 chars: Fastify 414 FST_ERR_MAX_PARAM_LENGTH, undocumented, not the dialect error shape',
    operations: '*',
    status: 414,
    check: 'documented-status',
    when: longSegment,
  },
  {
    bug: 'Path segment over 100 chars: Fastify 414 FST_ERR_MAX_PARAM_LENGTH, undocumented, not the dialect error shape',
    operations: '*',
    status: 414,
    check: 'invalid-4xx',
    when: longSegment,
  },
  {
    bug: 'Path not valid UTF-8 once decoded: Fastify 400 FST_ERR_BAD_URL, not the dialect error shape',
    operations: '*',
    status: 400,
    check: 'schema',
    when: badUrl,
  },
  {
    bug: 'Path not valid UTF-8 once decoded: Fastify 400 FST_ERR_BAD_URL, not the dialect error shape',
    operations: '*',
    status: 400,
    check: 'documented-status',
    when: badUrl,
  },
  {
    bug: 'Path not valid UTF-8 once decoded: Fastify 400 FST_ERR_BAD_URL, not the dialect error shape',
    operations: '*',
    status: 400,
    check: 'invalid-4xx',
    when: badUrl,
  },
  {
    bug: 'Unbounded integer query parameter (1e+300): 500',
    operations: '*',
    status: 500,
    check: 'no-5xx',
    when: hugeQueryNumber,
  },
  {
    bug: 'Unbounded integer query parameter (1e+300): 500',
    operations: '*',
    status: 500,
    check: 'documented-status',
    when: hugeQueryNumber,
  },
  {
    bug: 'A lone UTF-16 surrogate in a JSON string (valid JSON, allowed by the schema) reaches PostgreSQL: 500',
    operations: '*',
    status: 500,
    check: 'no-5xx',
    when: loneSurrogate,
  },
  {
    bug: 'A lone UTF-16 surrogate in a JSON string (valid JSON, allowed by the schema) reaches PostgreSQL: 500',
    operations: '*',
    status: 500,
    check: 'documented-status',
    when: loneSurrogate,
  },
  {
    bug: 'A lone UTF-16 surrogate in a JSON string (valid JSON, allowed by the schema) reaches PostgreSQL: 500',
    operations: '*',
    status: 500,
    check: 'invalid-4xx',
    when: loneSurrogate,
  },
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
  {
    bug: 'GET /api/v1/livechat/department/{_id} answers 400 {success:false, error} for a bad query, undocumented',
    operations: ['GET /api/v1/livechat/department/{_id}'],
    status: 400,
    check: 'documented-status',
  },
  {
    bug: 'GET /api/v1/livechat/department/{_id} answers 400 {success:false, error} for a bad query, undocumented',
    operations: ['GET /api/v1/livechat/department/{_id}'],
    status: 400,
    check: 'invalid-4xx',
  },
  {
    bug: '404 org_not_found (org_id naming an unknown or other org) is not documented',
    operations: '*',
    status: 404,
    check: 'documented-status',
    when: namesOrg,
  },
  {
    bug: '415 (a body that is not application/json) is not documented',
    operations: '*',
    status: 415,
    check: 'documented-status',
    when: notJson,
  },
];
