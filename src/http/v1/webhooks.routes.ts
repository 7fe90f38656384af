import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { SecretBox } from '../../core/webhooks/secret-box.js';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listWebhookDeliveries,
  listWebhooks,
  recover,
  redeliver,
  rotateWebhookSecret,
  sendTest,
  updateWebhook,
} from '../../core/webhooks/webhooks.js';
import { EgressPolicy } from '../../realtime/webhook-egress.js';
import type { AppDeps } from '../deps.js';
import {
  NoContent,
  OrgQuery,
  PageQuery,
  problems,
  SECURED,
  sendPage,
  toPageRequest,
} from './common.schemas.js';
import {
  CreateWebhookBody,
  Delivery,
  DeliveryParams,
  presentDelivery,
  presentWebhook,
  Queued,
  RecoverBody,
  TestQueued,
  UpdateWebhookBody,
  Webhook,
  WebhookParams,
  WebhookWithSecret,
} from './webhooks.schemas.js';

const tags = ['webhooks'];

/** `/v1/webhooks`: endpoints that receive the org's events, signed to the Standard Webhooks spec. */
export const webhooksRoutes =
  (deps: AppDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const egress = deps.egress ?? new EgressPolicy([]);
    const check = (url: string) => egress.check(url);
    const box = deps.secrets ?? new SecretBox();

    app.post(
      '/webhooks',
      {
        schema: {
          tags,
          summary: 'Create a webhook endpoint (the signing secret is shown once)',
          security: SECURED,
          querystring: OrgQuery,
          body: CreateWebhookBody,
          response: { 201: WebhookWithSecret, ...problems(400, 401, 403) },
        },
        config: { scope: 'webhooks:write' },
      },
      async (request, reply) => {
        const { url, event_types, description, enabled } = request.body;
        const created = await createWebhook(
          request.ctx,
          { url, eventTypes: event_types, description, enabled },
          check,
          box,
        );
        reply.status(201);
        return { ...presentWebhook(created.row), secret: created.secret };
      },
    );

    app.get(
      '/webhooks',
      {
        schema: {
          tags,
          summary: 'List webhook endpoints (never their secrets)',
          security: SECURED,
          querystring: PageQuery({}),
          response: { 200: Type.Array(Webhook), ...problems(400, 401, 403) },
        },
        config: { scope: 'webhooks:read' },
      },
      async (request, reply) => {
        const page = await listWebhooks(request.ctx, toPageRequest(request.query));
        return sendPage(request, reply, page, presentWebhook);
      },
    );

    app.get(
      '/webhooks/:id',
      {
        schema: {
          tags,
          summary: 'Get a webhook endpoint',
          security: SECURED,
          params: WebhookParams,
          querystring: OrgQuery,
          response: { 200: Webhook, ...problems(400, 401, 403, 404) },
        },
        config: { scope: 'webhooks:read' },
      },
      async (request) => presentWebhook(await getWebhook(request.ctx, request.params.id)),
    );

    app.patch(
      '/webhooks/:id',
      {
        schema: {
          tags,
          summary: 'Change a webhook endpoint; enabled: true re-enables a disabled one',
          security: SECURED,
          params: WebhookParams,
          querystring: OrgQuery,
          body: UpdateWebhookBody,
          response: { 200: Webhook, ...problems(400, 401, 403, 404) },
        },
        config: { scope: 'webhooks:write' },
      },
      async (request) => {
        const { url, event_types, description, enabled } = request.body;
        return presentWebhook(
          await updateWebhook(
            request.ctx,
            request.params.id,
            { url, eventTypes: event_types, description, enabled },
            check,
          ),
        );
      },
    );

    app.delete(
      '/webhooks/:id',
      {
        schema: {
          tags,
          summary: 'Delete a webhook endpoint and its delivery log',
          security: SECURED,
          params: WebhookParams,
          querystring: OrgQuery,
          response: { 204: NoContent, ...problems(400, 401, 403, 404) },
        },
        config: { scope: 'webhooks:write' },
      },
      async (request, reply) => {
        await deleteWebhook(request.ctx, request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/webhooks/:id/rotate-secret',
      {
        schema: {
          tags,
          summary: 'Replace the signing secret; the previous one also signs for 24 hours',
          security: SECURED,
          params: WebhookParams,
          querystring: OrgQuery,
          response: { 200: WebhookWithSecret, ...problems(400, 401, 403, 404) },
        },
        config: { scope: 'webhooks:write' },
      },
      async (request) => {
        const rotated = await rotateWebhookSecret(request.ctx, request.params.id, box);
        return { ...presentWebhook(rotated.row), secret: rotated.secret };
      },
    );

    app.get(
      '/webhooks/:id/deliveries',
      {
        schema: {
          tags,
          summary: 'The delivery log: one entry per attempt, newest first',
          security: SECURED,
          params: WebhookParams,
          querystring: PageQuery({
            outcome: Type.Optional(Type.Enum(['succeeded', 'retrying', 'failed'])),
          }),
          response: { 200: Type.Array(Delivery), ...problems(400, 401, 403, 404) },
        },
        config: { scope: 'webhooks:read' },
      },
      async (request, reply) => {
        const page = await listWebhookDeliveries(
          request.ctx,
          request.params.id,
          toPageRequest(request.query),
          request.query.outcome ?? null,
        );
        return sendPage(request, reply, page, presentDelivery);
      },
    );

    app.post(
      '/webhooks/:id/deliveries/:delivery_id/redeliver',
      {
        schema: {
          tags,
          summary: 'Send the event of a delivery again (same webhook-id)',
          security: SECURED,
          params: DeliveryParams,
          querystring: OrgQuery,
          response: { 202: Queued, ...problems(400, 401, 403, 404, 409) },
        },
        config: { scope: 'webhooks:write' },
      },
      async (request, reply) => {
        await redeliver(request.ctx, request.params.id, request.params.delivery_id);
        reply.status(202);
        return { queued: 1 };
      },
    );

    app.post(
      '/webhooks/:id/recover',
      {
        schema: {
          tags,
          summary: 'Send again every event given up since a time',
          security: SECURED,
          params: WebhookParams,
          querystring: OrgQuery,
          body: RecoverBody,
          response: { 202: Queued, ...problems(400, 401, 403, 404) },
        },
        config: { scope: 'webhooks:write' },
      },
      async (request, reply) => {
        const { since, until } = request.body;
        const queued = await recover(
          request.ctx,
          request.params.id,
          new Date(since),
          until === undefined ? null : new Date(until),
        );
        reply.status(202);
        return { queued };
      },
    );

    app.post(
      '/webhooks/:id/test',
      {
        schema: {
          tags,
          summary: 'Send a webhook.test event to the endpoint',
          security: SECURED,
          params: WebhookParams,
          querystring: OrgQuery,
          response: { 202: TestQueued, ...problems(400, 401, 403, 404) },
        },
        config: { scope: 'webhooks:write' },
      },
      async (request, reply) => {
        const eventId = await sendTest(request.ctx, request.params.id);
        reply.status(202);
        return { event_id: eventId };
      },
    );
  };
