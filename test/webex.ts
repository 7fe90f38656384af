import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import type { AgentInput } from '../src/core/agents/agents.js';
import type { Ctx } from '../src/core/context.js';
import { agents } from '../src/db/schema.js';
import { toWebexId } from '../src/http/compat/webex/ids.js';
import { buildAgent } from './factories.js';
import { expectStatus, type Response } from './http.js';

/** The Webex supervisor collection, under the /v1 prefix it shares with the native API. */
export const SUPERVISORS = '/v1/telephony/config/supervisors';

export interface WebexErrorBody {
  message: string;
  errors: { description: string }[];
  trackingId: string;
}

/** Asserts Webex's error body with `status`: JSON (never problem+json), a trackingId equal to X-Request-Id. */
export function expectWebexError(res: Response, status: number): WebexErrorBody {
  expectStatus(res, status);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  const body = res.json() as WebexErrorBody;
  assert.deepEqual(Object.keys(body).sort(), ['errors', 'message', 'trackingId']);
  assert.equal(typeof body.message, 'string');
  assert.ok(body.message.length > 0);
  assert.ok(body.errors.length > 0 && body.errors.every((e) => typeof e.description === 'string'));
  assert.equal(body.trackingId, res.headers['x-request-id']);
  assert.equal(res.headers.trackingid, res.headers['x-request-id']);
  return body;
}

export const personId = (uuid: string) => toWebexId('PEOPLE', uuid);

/** An agent whose id is `id` (a Webex example's person), made through the use case and then renamed. */
export async function agentWithId(
  ctx: Ctx,
  id: string,
  overrides: Partial<AgentInput> = {},
): Promise<string> {
  const agent = await buildAgent(ctx, overrides);
  await ctx.db.update(agents).set({ id }).where(eq(agents.id, agent.id));
  return id;
}
