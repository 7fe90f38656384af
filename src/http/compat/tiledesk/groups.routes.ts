import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { listAgents } from '../../../core/agents/agents.js';
import { type Ctx, inTransaction } from '../../../core/context.js';
import { updateTeamAndArchive } from '../../../core/teams/team-details.js';
import { setTeamMembers } from '../../../core/teams/team-members.js';
import { createTeam, deleteTeam, getTeam, listTeams, updateTeam } from '../../../core/teams/teams.js';
import type { TeamRow } from '../../../db/schema.js';
import { LOWERCASE_KEYWORD } from '../../plugins/validation.js';
import { TiledeskError, tiledeskErrors } from './errors.js';
import { ProjectParams, TILEDESK_SECURED } from './schemas.js';
import { everyPage } from './teammates.js';

const tags = ['Tiledesk: groups'];

const UserId = Type.String({
  format: 'uuid',
  description: 'A user id (id_user._id)',
  [LOWERCASE_KEYWORD]: true,
});

const Group = Type.Object(
  {
    _id: Type.String({ description: 'The group id: the Roster team id' }),
    id_project: Type.String({ description: 'The project id' }),
    name: Type.String({ description: 'Name' }),
    members: Type.Array(Type.String(), { description: 'User ids (id_user._id) of the members' }),
    trashed: Type.Boolean({ description: 'true for an archived team' }),
    enabled: Type.Boolean({ description: 'A disabled team takes no new work' }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { description: 'A Tiledesk group: a Roster team' },
);

const GroupParams = Type.Object({
  project_id: ProjectParams.properties.project_id,
  group_id: Type.String({
    format: 'uuid',
    description: 'The group id: a Roster team id',
    [LOWERCASE_KEYWORD]: true,
  }),
});

const Members = Type.Array(UserId, {
  maxItems: 1000,
  description: 'Every member of the group, as user ids: the group ends up with exactly these',
});
/** Tiledesk keeps a free `attributes` object on a group; Roster teams have none, so it is accepted and dropped. */
const Attributes = Type.Optional(
  Type.Record(Type.String(), Type.Unknown(), { description: 'Accepted, not kept' }),
);
const Name = Type.String({ minLength: 1, maxLength: 200, description: 'Name (unique in the project)' });

const CreateBody = Type.Object({ name: Name, members: Type.Optional(Members), attributes: Attributes });
const UpdateBody = Type.Object({
  name: Type.Optional(Name),
  members: Type.Optional(Members),
  trashed: Type.Optional(Type.Boolean({ description: 'true archives the team, false restores it' })),
  attributes: Attributes,
});

/** A team as a Tiledesk group, its members as the user ids Tiledesk groups hold. */
async function presentGroup(ctx: Ctx, team: TeamRow) {
  const { members } = await getTeam(ctx, team.id);
  const ids = members.map((m) => m.id);
  const agents = ids.length === 0 ? [] : await everyPage((page) => listAgents(ctx, { ids }, page));
  return {
    _id: team.id,
    id_project: team.orgId,
    name: team.name,
    members: agents.map((a) => a.userId),
    trashed: team.archivedAt !== null,
    enabled: team.enabled,
    createdAt: team.createdAt.toISOString(),
    updatedAt: team.updatedAt.toISOString(),
  };
}

/** The agents that are these users in the project. @throws a Tiledesk 400 naming a user that is none. */
async function agentIdsOf(ctx: Ctx, userIds: string[]): Promise<string[]> {
  const wanted = [...new Set(userIds)];
  const agents =
    wanted.length === 0 ? [] : await everyPage((page) => listAgents(ctx, { userIds: wanted }, page));
  const byUser = new Map(agents.map((a) => [a.userId, a.id]));
  const unknown = wanted.find((id) => !byUser.has(id));
  if (unknown !== undefined) {
    throw new TiledeskError(400, { msg: `members: user ${unknown} is no teammate of this project` });
  }
  return wanted.map((id) => byUser.get(id) as string);
}

/** Reads the group back after a change (inside the change's transaction). */
const reread = async (ctx: Ctx, id: string) => presentGroup(ctx, await getTeam(ctx, id));

/**
 * Tiledesk groups (`/v3/:project_id/groups`, routes/group.js) as Roster teams: what the dashboard's
 * group pages call (list, read, create, rename, set the members, trash, enable, disable, delete).
 * Every write goes through the core's team use cases.
 */
export const groupRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/:project_id/groups',
    {
      schema: {
        tags,
        summary: 'Every group: the Roster teams that are not archived (?member= a user id: only its groups)',
        security: TILEDESK_SECURED,
        params: ProjectParams,
        querystring: Type.Object({ member: Type.Optional(UserId) }),
        response: { 200: Type.Array(Group), ...tiledeskErrors(400, 401, 403) },
      },
      config: { scope: 'teams:read' },
    },
    async (request) => {
      const teams = await everyPage((page) => listTeams(request.ctx, page, {}));
      const groups = [];
      for (const team of teams) {
        groups.push(await presentGroup(request.ctx, team));
      }
      const { member } = request.query;
      return member === undefined ? groups : groups.filter((g) => g.members.includes(member));
    },
  );

  app.get(
    '/:project_id/groups/:group_id',
    {
      schema: {
        tags,
        summary: 'One group (Roster team)',
        security: TILEDESK_SECURED,
        params: GroupParams,
        response: { 200: Group, ...tiledeskErrors(400, 401, 403, 404) },
      },
      config: { scope: 'teams:read' },
    },
    async (request) => reread(request.ctx, request.params.group_id),
  );

  app.post(
    '/:project_id/groups',
    {
      schema: {
        tags,
        summary: 'Create a group: a Roster team, with its members (user ids) if given',
        security: TILEDESK_SECURED,
        params: ProjectParams,
        body: CreateBody,
        response: { 200: Group, ...tiledeskErrors(400, 401, 403, 409) },
      },
      config: { scope: 'teams:write' },
    },
    async (request) =>
      inTransaction(request.ctx, async (tx) => {
        const team = await createTeam(tx, { name: request.body.name });
        if (request.body.members !== undefined) {
          await setTeamMembers(tx, team.id, await agentIdsOf(tx, request.body.members));
        }
        return reread(tx, team.id);
      }),
  );

  app.put(
    '/:project_id/groups/:group_id',
    {
      schema: {
        tags,
        summary: 'Update a group: rename it, set its members (user ids), or trash (archive) or restore it',
        security: TILEDESK_SECURED,
        params: GroupParams,
        body: UpdateBody,
        response: { 200: Group, ...tiledeskErrors(400, 401, 403, 404, 409) },
      },
      config: { scope: 'teams:write' },
    },
    async (request) => {
      const id = request.params.group_id;
      const { name, members, trashed } = request.body;
      return inTransaction(request.ctx, async (tx) => {
        if (name !== undefined || trashed !== undefined) {
          await updateTeamAndArchive(tx, id, { name }, trashed);
        }
        if (members !== undefined) {
          await setTeamMembers(tx, id, await agentIdsOf(tx, members));
        }
        return reread(tx, id);
      });
    },
  );

  for (const [action, enabled] of [
    ['enable', true],
    ['disable', false],
  ] as const) {
    app.put(
      `/:project_id/groups/${action}/:group_id`,
      {
        schema: {
          tags,
          summary: enabled
            ? 'Enable a group: the team takes new work again'
            : 'Disable a group: the team takes no new work, and stays listed',
          security: TILEDESK_SECURED,
          params: GroupParams,
          response: { 200: Group, ...tiledeskErrors(400, 401, 403, 404) },
        },
        config: { scope: 'teams:write' },
      },
      async (request) =>
        inTransaction(request.ctx, async (tx) => {
          await updateTeam(tx, request.params.group_id, { enabled });
          return reread(tx, request.params.group_id);
        }),
    );
  }

  app.delete(
    '/:project_id/groups/:group_id',
    {
      schema: {
        tags,
        summary:
          'Delete a group: trash it (archive and disable the team), or with ?force=true delete the team for good',
        security: TILEDESK_SECURED,
        params: GroupParams,
        querystring: Type.Object({
          force: Type.Optional(Type.Boolean({ description: 'true: delete the team, not only trash it' })),
        }),
        response: {
          200: Type.Union([
            Group,
            Type.Object({ success: Type.Literal(true), message: Type.String() }, { description: 'Trashed' }),
          ]),
          ...tiledeskErrors(400, 401, 403, 404),
        },
      },
      config: { scope: 'teams:delete' },
    },
    async (request) => {
      const id = request.params.group_id;
      if (request.query.force === true) {
        return inTransaction(request.ctx, async (tx) => {
          const before = await reread(tx, id);
          await deleteTeam(tx, id);
          return before;
        });
      }
      await updateTeamAndArchive(request.ctx, id, { enabled: false }, true);
      return { success: true as const, message: 'Group successfully deleted' };
    },
  );
};
