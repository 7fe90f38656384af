import type { FastifyPluginAsync } from 'fastify';
import { dixaDialect } from './compat/dixa/index.js';
import { rocketChatDialect } from './compat/rocketchat/index.js';
import { tiledeskDialect } from './compat/tiledesk/index.js';
import { webexDialect } from './compat/webex/index.js';
import type { AppDeps } from './deps.js';
import { v1Dialect } from './v1/index.js';

/** One API surface Roster speaks, mounted at its own prefix. */
export interface Dialect {
  name: string;
  prefix: string;
  plugin: (deps: AppDeps) => FastifyPluginAsync;
}

/** The one place every dialect is registered. Vendor dialects come here as they are built. */
export const DIALECTS: Dialect[] = [
  { name: 'v1', prefix: '/v1', plugin: v1Dialect },
  // Shares /v1 with the native API; its own plugin keeps errors, 404s and credentials apart.
  { name: 'webex', prefix: '/v1/telephony/config', plugin: webexDialect },
  { name: 'dixa', prefix: '/beta', plugin: dixaDialect },
  { name: 'tiledesk', prefix: '/v3', plugin: tiledeskDialect },
  { name: 'rocketchat', prefix: '/api/v1/livechat', plugin: rocketChatDialect },
];
