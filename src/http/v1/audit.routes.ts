import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { assertCan } from '../../core/access.js';
import { exportAuditLog, listAuditLog } from '../../core/audit/audit.js';
import type { AuditFilter } from '../../core/audit/audit.repo.js';
import { DEFAULT_LIMIT, decodeCursor, MAX_LIMIT } from '../../core/paging.js';
import type { AuditRow } from '../../db/schema.js';
import {
  Nullable,
  orgQueryProperties,
  problems,
  SECURED,
  sendPage,
  Timestamp,
  Uuid,
} from './common.schemas.js';

const tags = ['audit-log'];

const filterProperties = {
  actor_id: Type.Optional(Uuid('Only changes made by this API key or agent')),
  target_id: Type.Optional(
    Type.String({ minLength: 1, maxLength: 200, description: 'Only changes of this thing' }),
  ),
  action: Type.Optional(
    Type.String({ minLength: 1, maxLength: 100, description: 'Only this action, e.g. team.members_added' }),
  ),
  since: Type.Optional(Timestamp('Only changes at or after this time')),
  until: Type.Optional(Timestamp('Only changes at or before this time')),
};

const AuditRecord = Type.Object({
  id: Uuid('Record id (time-ordered)'),
  occurred_at: Timestamp('When the change was made'),
  org_id: Uuid('Org of the change'),
  actor: Type.Object({
    type: Type.String({ description: 'master, key or agent' }),
    key_id: Nullable(Uuid('API key used; null for the master key')),
    agent_id: Nullable(Uuid('Agent the key acts as, if any')),
  }),
  action: Type.String({ description: 'What was done, e.g. team.members_added' }),
  target: Type.Object({ type: Nullable(Type.String()), id: Nullable(Type.String()) }),
  changes: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()], {
    description:
      'What changed. An update: {field: [before, after]} for each field whose value changed. A ' +
      'creation, deletion, membership or routing change: the event payload (webhook endpoints: ' +
      '[null, value] when created, [value, null] when deleted). Secrets redacted',
  }),
  request_id: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  user_agent: Nullable(Type.String()),
  dialect: Nullable(
    Type.String({ description: 'API dialect of the request: v1, dixa, tiledesk, webex, rocketchat' }),
  ),
});

export const presentAudit = (row: AuditRow) => ({
  id: row.id,
  occurred_at: row.occurredAt.toISOString(),
  org_id: row.orgId,
  actor: { type: row.actorType, key_id: row.actorKeyId, agent_id: row.actorAgentId },
  action: row.action,
  target: { type: row.targetType, id: row.targetId },
  changes: row.changes,
  request_id: row.requestId,
  ip: row.ip,
  user_agent: row.userAgent,
  dialect: row.dialect,
});

const toFilter = (q: {
  actor_id?: string;
  target_id?: string;
  action?: string;
  since?: string;
  until?: string;
}) =>
  ({
    actorId: q.actor_id,
    targetId: q.target_id,
    action: q.action,
    since: q.since === undefined ? undefined : new Date(q.since),
    until: q.until === undefined ? undefined : new Date(q.until),
  }) satisfies AuditFilter;

/** `/v1/audit-log`: who changed what, when and from where; read-only (owners and admins). */
export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/audit-log',
    {
      schema: {
        tags,
        summary: 'The audit log, newest first (keyset paged with after)',
        security: SECURED,
        querystring: Type.Object(
          {
            ...orgQueryProperties,
            ...filterProperties,
            limit: Type.Integer({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT }),
            after: Type.Optional(
              Type.String({ minLength: 1, maxLength: 200, description: 'Cursor from Link rel="next"' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(AuditRecord), ...problems(400, 401, 403) },
      },
      config: { scope: 'audit:read' },
    },
    async (request, reply) => {
      const { query } = request;
      const before = query.after === undefined ? null : decodeCursor(query.after);
      const page = await listAuditLog(request.ctx, toFilter(query), before, query.limit ?? DEFAULT_LIMIT);
      return sendPage(request, reply, page, presentAudit);
    },
  );

  app.get(
    '/audit-log/export',
    {
      schema: {
        tags,
        summary: 'The audit log as NDJSON, oldest first, streamed',
        security: SECURED,
        querystring: Type.Object(
          { ...orgQueryProperties, ...filterProperties },
          { additionalProperties: false },
        ),
        response: {
          200: {
            description: 'One JSON audit record per line',
            content: { 'application/x-ndjson': { schema: AuditRecord } },
          },
          ...problems(400, 401, 403),
        },
      },
      config: { scope: 'audit:read' },
    },
    async (request, reply) => {
      assertCan(request.ctx.actor, 'audit.read');
      const records = exportAuditLog(request.ctx, toFilter(request.query));
      const lines = Readable.from(
        (async function* () {
          for await (const row of records) {
            yield `${JSON.stringify(presentAudit(row))}\n`;
          }
        })(),
      );
      return reply
        .status(200)
        .header('content-type', 'application/x-ndjson')
        .send(lines as never);
    },
  );
};
