import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { dixaErrorHandler } from './compat/dixa/errors.js';
import { dixaDialect } from './compat/dixa/index.js';
import { rocketChatErrorHandler } from './compat/rocketchat/errors.js';
import { rocketChatDialect } from './compat/rocketchat/index.js';
import { tiledeskErrorHandler } from './compat/tiledesk/errors.js';
import { tiledeskDialect } from './compat/tiledesk/index.js';
import { webexErrorHandler } from './compat/webex/errors.js';
import { webexDialect, webexPeopleDialect } from './compat/webex/index.js';
import type { AppDeps } from './deps.js';
import { scimErrorHandler } from './scim/errors.js';
import { SCIM_PREFIX, scimDialect } from './scim/index.js';
import { v1ErrorHandler } from './v1/errors.js';
import { v1Dialect } from './v1/index.js';

/** One API surface Roster speaks, mounted at its own prefix. */
export interface Dialect {
  name: string;
  prefix: string;
  /**
   * Further, collision-free prefixes the same plugin is mounted at: `/compat/<dialect>` followed
   * by the vendor's own path, so a vendor client whose paths collide with Roster's (Dixa's `/v1`)
   * works with its base URL set to `https://roster.example/compat/<dialect>`.
   */
  compat: string[];
  plugin: (deps: AppDeps) => FastifyPluginAsync;
  /** Renders an error in the dialect's shape: its plugin's error handler, also used before routing. */
  errorHandler: (err: FastifyError, request: FastifyRequest, reply: FastifyReply) => FastifyReply;
}

/** The one place every dialect is registered. Vendor dialects come here as they are built. */
export const DIALECTS: Dialect[] = [
  // The native API has no vendor paths to collide with, so no second mount.
  { name: 'v1', prefix: '/v1', compat: [], plugin: v1Dialect, errorHandler: v1ErrorHandler },
  // Shares /v1 with the native API; its own plugin keeps errors, 404s and credentials apart.
  {
    name: 'webex',
    prefix: '/v1/telephony/config',
    compat: ['/compat/webex/v1/telephony/config'],
    plugin: webexDialect,
    errorHandler: webexErrorHandler,
  },
  // Webex's People API, as much of it as SDK scripts use to find the ids of agents.
  {
    name: 'webex',
    prefix: '/v1/people',
    compat: ['/compat/webex/v1/people'],
    plugin: webexPeopleDialect,
    errorHandler: webexErrorHandler,
  },
  // Dixa's own clients call /v1/...: under /compat/dixa both its /v1 and /beta paths are served.
  {
    name: 'dixa',
    prefix: '/beta',
    compat: ['/compat/dixa/beta', '/compat/dixa/v1'],
    plugin: dixaDialect,
    errorHandler: dixaErrorHandler,
  },
  {
    name: 'tiledesk',
    prefix: '/v3',
    compat: ['/compat/tiledesk/v3'],
    plugin: tiledeskDialect,
    errorHandler: tiledeskErrorHandler,
  },
  {
    name: 'rocketchat',
    prefix: '/api/v1/livechat',
    compat: ['/compat/rocketchat/api/v1/livechat'],
    plugin: rocketChatDialect,
    errorHandler: rocketChatErrorHandler,
  },
  // SCIM clients (identity providers) take any base URL: no second mount needed.
  { name: 'scim', prefix: SCIM_PREFIX, compat: [], plugin: scimDialect, errorHandler: scimErrorHandler },
];

/** Every prefix a dialect is mounted at: its own, then its `/compat/...` ones. */
export const mountsOf = (dialect: Dialect): string[] => [dialect.prefix, ...dialect.compat];

/** The dialect a path belongs to: the longest mount that matches; /v1 for any other path. */
export function dialectOf(path: string): Dialect {
  let best: Dialect | undefined;
  let bestLength = -1;
  for (const dialect of DIALECTS) {
    for (const prefix of mountsOf(dialect)) {
      const inside = path === prefix || path.startsWith(`${prefix}/`);
      if (inside && prefix.length > bestLength) {
        best = dialect;
        bestLength = prefix.length;
      }
    }
  }
  return best ?? (DIALECTS[0] as Dialect);
}
