import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from 'typebox';
import { Type } from 'typebox';
import { assertCan } from '../../../core/access.js';
import { inviteAgent, restoreAgent, trashAgent } from '../../../core/agents/agent-lifecycle.js';
import {
  type AgentPatch,
  deleteAgent,
  disableAgent,
  getAgent,
  updateAgent,
} from '../../../core/agents/agents.js';
import { type Ctx, inTransaction } from '../../../core/context.js';
import { isDomainError } from '../../../core/errors.js';
import { setAvailability } from '../../../core/presence/presence.js';
import { TiledeskError, tiledeskErrors } from './errors.js';
import { presentPendingInvitation } from './presenters.js';
import {
  DeleteQuery,
  InviteBody,
  PendingInvitation,
  ProjectParams,
  Teammate,
  TeammateParams,
  TILEDESK_SECURED,
  UpdateSelfBody,
  UpdateTeammateBody,
} from './schemas.js';
import { selfId } from './self.js';
import { loadTeammate } from './teammates.js';

const tags = ['Tiledesk: teammates'];
const INVITE_ROLES = new Set(['admin', 'supervisor', 'agent']);

type UpdateBody = Static<typeof UpdateTeammateBody>;

/**
 * Tag colours after a Tiledesk update: a tag object sets its tag's colour (none when it has no
 * `color`); a plain string keeps the colour the tag already had.
 */
function tagColors(tags: NonNullable<UpdateBody['tags']>, current: Record<string, string>) {
  const colors: Record<string, string> = {};
  for (const t of tags) {
    const color = typeof t === 'string' ? current[t] : t.color;
    if (color !== undefined) {
      colors[typeof t === 'string' ? t : t.tag] = color;
    }
  }
  return colors;
}

/** Tiledesk's update body as core calls: profile fields, availability, and disabling. */
async function applyUpdate(ctx: Ctx, id: string, body: UpdateBody) {
  // One Tiledesk update is one change: the core calls join a single transaction (and their events
  // are published once it commits), so a refused part leaves nothing half-applied.
  await inTransaction(ctx, async (tx) => {
    // Plain string tags keep their colours: read them in the transaction that writes them.
    const current = body.tags === undefined ? null : await getAgent(tx, id);
    const patch: AgentPatch = {
      profileStatus: body.profileStatus,
      maxConcurrent: body.max_served_chat !== undefined ? body.max_served_chat : body.max_assigned_chat,
      attributes: body.attributes,
      tags: body.tags?.map((t) => (typeof t === 'string' ? t : t.tag)),
      tagColors: body.tags === undefined ? undefined : tagColors(body.tags, current?.tagColors ?? {}),
      settings: body.settings,
      role: body.role,
      status: body.status === 'active' ? 'active' : undefined,
    };
    const fields = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as AgentPatch;
    if (Object.keys(fields).length > 0) {
      await updateAgent(tx, id, fields);
    }
    if (body.user_available !== undefined) {
      await setAvailability(tx, id, { available: body.user_available });
    }
    if (body.status === 'disabled') {
      await disableAgent(tx, id);
    }
  });
  return loadTeammate(ctx, id);
}

/** Tiledesk's 404 for DELETE, which says `error` where the other routes say `msg`. */
async function deleting<T>(id: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isDomainError(err) && err.code === 'agent_not_found') {
      throw new TiledeskError(404, { error: `Project user not found with id ${id}` });
    }
    throw err;
  }
}

/**
 * Writes of Tiledesk's `/v3/:project_id/project_users` (seed 002): invite, update self or
 * another teammate, leave the project (disable, trash or remove) and restore from the trash.
 */
export const writeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/:project_id/project_users/invite',
    {
      schema: {
        tags,
        summary: 'Invite an agent by email (admin)',
        security: TILEDESK_SECURED,
        params: ProjectParams,
        body: InviteBody,
        response: {
          200: Type.Union([Teammate, PendingInvitation]),
          ...tiledeskErrors(400, 401, 403),
        },
      },
      config: { scope: 'agents:write' },
    },
    async (request) => {
      const { email, role, user_available } = request.body;
      if (!INVITE_ROLES.has(role)) {
        throw new TiledeskError(400, { msg: `Role "${role}" is not valid: use admin, supervisor or agent` });
      }
      const { outcome, agent } = await inviteAgent(request.ctx, {
        email,
        role: role as 'admin' | 'supervisor' | 'agent',
        available: user_available,
      });
      return outcome === 'pending' ? presentPendingInvitation(agent) : loadTeammate(request.ctx, agent.id);
    },
  );

  app.put(
    '/:project_id/project_users',
    {
      schema: {
        tags,
        summary: 'Update the current logged teammate',
        security: TILEDESK_SECURED,
        params: ProjectParams,
        body: UpdateSelfBody,
        response: { 200: Teammate, ...tiledeskErrors(400, 401, 403, 404) },
      },
      config: { scope: 'agents:write' },
    },
    async (request) => applyUpdate(request.ctx, selfId(request.ctx), request.body),
  );

  app.put(
    '/:project_id/project_users/:project_user_id',
    {
      schema: {
        tags,
        summary: 'Update a teammate by id (admin), role and status included',
        security: TILEDESK_SECURED,
        params: TeammateParams,
        body: UpdateTeammateBody,
        response: { 200: Teammate, ...tiledeskErrors(400, 401, 403, 404) },
      },
      config: { scope: 'agents:write' },
    },
    async (request) => {
      const id = request.params.project_user_id;
      // Tiledesk lets only admins update others, even their availability.
      if (request.ctx.actor.agent?.id !== id) {
        assertCan(request.ctx.actor, 'agent.update');
      }
      return applyUpdate(request.ctx, id, request.body);
    },
  );

  app.delete(
    '/:project_id/project_users/:project_user_id',
    {
      schema: {
        tags,
        summary: 'Leave a project: disable (default), trash (?soft=true) or remove (?hard=true)',
        security: TILEDESK_SECURED,
        params: TeammateParams,
        querystring: DeleteQuery,
        response: { 200: Teammate, ...tiledeskErrors(400, 401, 403, 404) },
      },
      config: { scope: 'agents:delete' },
    },
    async (request) => {
      const { ctx } = request;
      const id = request.params.project_user_id;
      return deleting(id, async () => {
        if (request.query.hard === true) {
          const before = await loadTeammate(ctx, id);
          await deleteAgent(ctx, id);
          return before;
        }
        if (request.query.soft === true) {
          await trashAgent(ctx, id);
        } else {
          await disableAgent(ctx, id, { unavailable: true });
        }
        return loadTeammate(ctx, id);
      });
    },
  );

  app.put(
    '/:project_id/project_users/:project_user_id/restore',
    {
      schema: {
        tags,
        summary: 'Restore a trashed teammate (400 when it is not trashed)',
        security: TILEDESK_SECURED,
        params: TeammateParams,
        response: { 200: Teammate, ...tiledeskErrors(400, 401, 403, 404) },
      },
      config: { scope: 'agents:delete' },
    },
    async (request) => {
      await restoreAgent(request.ctx, request.params.project_user_id);
      return loadTeammate(request.ctx, request.params.project_user_id);
    },
  );
};
