import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { decodeCursor } from '../../core/paging.js';
import {
  getPresence,
  heartbeat,
  listDevices,
  listPresence,
  setAvailability,
  signOutDevice,
} from '../../core/presence/presence.js';
import { BODY_OPTIONAL } from '../plugins/openapi.js';
import { IdParams, NoContent, OrgQuery, problems, SECURED, sendPage } from './common.schemas.js';
import {
  AvailabilityBody,
  DeviceParams,
  DeviceView,
  HeartbeatBody,
  PresenceListQuery,
  PresenceView,
  TeamPresenceQuery,
} from './presence.schemas.js';
import { presentDevice, presentPresence } from './presenters.js';

const AgentParams = IdParams('The agent ID');
const tags = ['presence'];
const DEFAULT_DEVICE = 'default';

/** A heartbeat may come without a body; validate it as an empty object then. */
async function emptyBodyIsObject(request: FastifyRequest): Promise<void> {
  request.body ??= {};
}

const cursor = (after: string | undefined) => (after === undefined ? null : decodeCursor(after));

/** Availability (durable choice), connection presence (heartbeats) and the derived status. */
export const presenceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/agents/:id/availability',
    {
      schema: {
        tags,
        summary: "Set an agent's availability, status and channel flags",
        security: SECURED,
        params: AgentParams,
        querystring: OrgQuery,
        body: AvailabilityBody,
        response: { 200: PresenceView, ...problems(400, 401, 403, 404) },
      },
      config: { scope: 'presence:write' },
    },
    async (request) => presentPresence(await setAvailability(request.ctx, request.params.id, request.body)),
  );

  app.get(
    '/agents/:id/presence',
    {
      schema: {
        tags,
        summary: "An agent's presence view",
        security: SECURED,
        params: AgentParams,
        querystring: OrgQuery,
        response: { 200: PresenceView, ...problems(400, 401, 403, 404) },
      },
      config: { scope: 'presence:read' },
    },
    async (request) => presentPresence(await getPresence(request.ctx, request.params.id)),
  );

  app.post(
    '/agents/:id/presence/heartbeat',
    {
      schema: {
        tags,
        summary: 'Heartbeat of one device: the agent is online while any device beats within the TTL',
        security: SECURED,
        params: AgentParams,
        querystring: OrgQuery,
        body: HeartbeatBody,
        [BODY_OPTIONAL]: true,
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
      config: { scope: 'presence:write' },
      preValidation: emptyBodyIsObject,
    },
    async (request, reply) => {
      await heartbeat(request.ctx, request.params.id, {
        deviceId: request.body.device_id ?? DEFAULT_DEVICE,
        channels: request.body.channels,
      });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/agents/:id/presence/devices',
    {
      schema: {
        tags,
        summary: "An agent's live devices: each one's latest heartbeat, expiry and channels",
        security: SECURED,
        params: AgentParams,
        querystring: OrgQuery,
        response: { 200: Type.Array(DeviceView), ...problems(400, 401, 403, 404) },
      },
      config: { scope: 'presence:read' },
    },
    async (request) => {
      const devices = await listDevices(request.ctx, request.params.id);
      return devices.map((d) => presentDevice(d, request.ctx.presence.ttlMs));
    },
  );

  app.delete(
    '/agents/:id/presence/devices/:device_id',
    {
      schema: {
        tags,
        summary: 'Sign one device out; the agent goes offline at once when it was the last',
        security: SECURED,
        params: DeviceParams,
        querystring: OrgQuery,
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
      config: { scope: 'presence:write' },
    },
    async (request, reply) => {
      await signOutDevice(request.ctx, request.params.id, request.params.device_id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/presence',
    {
      schema: {
        tags,
        summary: 'Presence views of the org, filtered and keyset-paged',
        security: SECURED,
        querystring: PresenceListQuery,
        response: { 200: Type.Array(PresenceView), ...problems(400, 401, 403, 404) },
      },
      config: { scope: 'presence:read' },
    },
    async (request, reply) => {
      const { team_id, effective_status, connection, limit, after, expand } = request.query;
      const page = await listPresence(
        request.ctx,
        { teamId: team_id, effectiveStatus: effective_status, connection },
        { limit, afterId: cursor(after) },
      );
      return sendPage(request, reply, page, (v) => presentPresence(v, expand === 'agent'));
    },
  );

  app.get(
    '/teams/:id/presence',
    {
      schema: {
        tags,
        summary: "Presence views of a team's members",
        security: SECURED,
        params: IdParams('The team ID'),
        querystring: TeamPresenceQuery,
        response: { 200: Type.Array(PresenceView), ...problems(400, 401, 403, 404) },
      },
      config: { scope: 'presence:read' },
    },
    async (request, reply) => {
      const { effective_status, connection, limit, after, expand } = request.query;
      const page = await listPresence(
        request.ctx,
        { teamId: request.params.id, effectiveStatus: effective_status, connection },
        { limit, afterId: cursor(after) },
      );
      return sendPage(request, reply, page, (v) => presentPresence(v, expand === 'agent'));
    },
  );
};
