import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { takeBackup } from '../../core/platform/backup.js';
import type { AppDeps } from '../deps.js';
import { problems, SECURED } from './common.schemas.js';

const NoQuery = Type.Object({}, { additionalProperties: false });

/** `GET /v1/backup`: the embedded database as a gzipped tarball, taken while the server runs. */
export const backupRoutes =
  (deps: AppDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/backup',
      {
        schema: {
          tags: ['operations'],
          summary: 'Back up the embedded database (master key)',
          description:
            'A consistent copy of the embedded (PGlite) database as a gzipped tarball, for `npm run restore` ' +
            'with the server stopped. 409 on PostgreSQL, which is backed up with pg_dump.',
          security: SECURED,
          querystring: NoQuery,
          response: { ...problems(400, 401, 403, 409) },
        },
        config: { scope: 'keys:write' },
      },
      async (request, reply) => {
        const started = Date.now();
        const tarball = await takeBackup(request.ctx.actor, deps.backup ?? null);
        const body = Buffer.from(await tarball.arrayBuffer());
        request.log.info({ bytes: body.length, ms: Date.now() - started }, 'backup taken');
        const stamp = new Date(started).toISOString().replace(/[:.]/g, '-');
        return reply
          .header('content-type', 'application/gzip')
          .header('content-disposition', `attachment; filename="roster-backup-${stamp}.tar.gz"`)
          .header('cache-control', 'no-store')
          .send(body);
      },
    );
  };
