import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { dixaErrorHandler } from './compat/dixa/errors.js';
import { dixaDialect } from './compat/dixa/index.js';
import { rocketChatErrorHandler } from './compat/rocketchat/errors.js';
import { rocketChatDialect } from './compat/rocketchat/index.js';
import { tiledeskErrorHandler } from './compat/tiledesk/errors.js';
import { tiledeskDialect } from './compat/tiledesk/index.js';
import { webexErrorHandler } from './compat/webex/errors.js';
import { webexDialect } from './compat/webex/index.js';
import type { AppDeps } from './deps.js';
import { v1ErrorHandler } from './v1/errors.js';
import { v1Dialect } from './v1/index.js';

/** One API surface Roster speaks, mounted at its own prefix. */
export interface Dialect {
  name: string;
  prefix: string;
  plugin: (deps: AppDeps) => FastifyPluginAsync;
  /** Renders an error in the dialect's shape: its plugin's error handler, also used before routing. */
  errorHandler: (err: FastifyError, request: FastifyRequest, reply: FastifyReply) => FastifyReply;
}

/** The one place every dialect is registered. Vendor dialects come here as they are built. */
export const DIALECTS: Dialect[] = [
  { name: 'v1', prefix: '/v1', plugin: v1Dialect, errorHandler: v1ErrorHandler },
  // Shares /v1 with the native API; its own plugin keeps errors, 404s and credentials apart.
  { name: 'webex', prefix: '/v1/telephony/config', plugin: webexDialect, errorHandler: webexErrorHandler },
  { name: 'dixa', prefix: '/beta', plugin: dixaDialect, errorHandler: dixaErrorHandler },
  { name: 'tiledesk', prefix: '/v3', plugin: tiledeskDialect, errorHandler: tiledeskErrorHandler },
  {
    name: 'rocketchat',
    prefix: '/api/v1/livechat',
    plugin: rocketChatDialect,
    errorHandler: rocketChatErrorHandler,
  },
];

/** The dialect a path belongs to: the longest prefix that matches; /v1 for any other path. */
export function dialectOf(path: string): Dialect {
  let best: Dialect | undefined;
  for (const dialect of DIALECTS) {
    const inside = path === dialect.prefix || path.startsWith(`${dialect.prefix}/`);
    if (inside && (best === undefined || dialect.prefix.length > best.prefix.length)) {
      best = dialect;
    }
  }
  return best ?? (DIALECTS[0] as Dialect);
}
