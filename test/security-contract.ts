/**
 * What the security-contract suites of every dialect share: the routes the router really holds
 * (so that a route without a contract entry fails its suite), and the keys that must be refused.
 */
import type { FastifyInstance } from 'fastify';
import { SCOPES, type Scope } from '../src/core/access.js';
import { deleteApiKey } from '../src/core/api-keys/api-keys.js';
import type { Ctx } from '../src/core/context.js';
import { DIALECTS } from '../src/http/dialects.js';
import { buildKey } from './factories.js';

export interface RouteId {
  method: string;
  path: string;
}

export const routeName = (r: RouteId) => `${r.method} ${r.path}`;

/**
 * Every route the router holds, hidden ones included, read from its printed tree, with path
 * parameters as OpenAPI writes them (`{id}`); `colons` keeps Fastify's `:id`. The HEAD routes
 * Fastify adds for every GET are left out unless `head` asks for them.
 */
export function routerRoutes(
  app: FastifyInstance,
  options: { colons?: boolean; head?: boolean } = {},
): RouteId[] {
  const stack: string[] = [];
  const found: RouteId[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:│ {3}| {4})*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) {
      continue;
    }
    stack.length = (match[1] ?? '').length / 4;
    stack.push(match[2] ?? '');
    const joined = stack.join('');
    const path = options.colons ? joined : joined.replace(/:(\w+)/g, '{$1}');
    for (const method of (match[3] ?? '').split(',').map((m) => m.trim())) {
      if (method !== '' && (method !== 'HEAD' || options.head)) {
        found.push({ method, path });
      }
    }
  }
  return found;
}

/** The routes the router holds under `prefix`, named by method and the path after it, sorted. */
export function routesUnder(app: FastifyInstance, prefix: string): string[] {
  return routerRoutes(app)
    .filter((r) => r.path === prefix || r.path.startsWith(`${prefix}/`))
    .map((r) => routeName({ method: r.method, path: r.path.slice(prefix.length) || '/' }))
    .sort();
}

/**
 * Every `/compat/...` mount of the dialect `name` next to the prefix it mirrors: the mount must
 * hold exactly the routes of that prefix (the same plugin is registered at both).
 */
export function compatMounts(name: string): { prefix: string; compat: string }[] {
  return DIALECTS.filter((d) => d.name === name).flatMap((d) =>
    d.compat.map((compat) => ({ prefix: d.prefix, compat })),
  );
}

/** The same request under each `/compat/...` mount of the dialect whose own prefix serves `url`. */
export function compatUrls(url: string): string[] {
  const path = url.split('?')[0] ?? url;
  const owner = DIALECTS.filter((d) => path === d.prefix || path.startsWith(`${d.prefix}/`)).sort(
    (a, b) => b.prefix.length - a.prefix.length,
  )[0];
  if (owner === undefined || owner.compat.length === 0) {
    throw new Error(`no /compat mount mirrors ${url}`);
  }
  return owner.compat.map((compat) => `${compat}${url.slice(owner.prefix.length)}`);
}

/** Per scope, a key of the org of `ctx` holding every scope but that one (bound to `agentId`). */
export async function keysLackingEachScope(
  ctx: Ctx,
  scopes: Iterable<Scope>,
  agentId: string | null = null,
): Promise<Map<Scope, string>> {
  const keys = new Map<Scope, string>();
  for (const scope of new Set(scopes)) {
    const { secret } = await buildKey(ctx, { scopes: SCOPES.filter((s) => s !== scope), agentId });
    keys.set(scope, secret);
  }
  return keys;
}

/** Two keys of the org of `ctx` that once worked: one expired an hour ago, one revoked. */
export async function deadKeys(ctx: Ctx): Promise<{ expired: string; revoked: string }> {
  const hourAgo = Date.now() - 3_600_000;
  const expired = await buildKey(
    { ...ctx, now: () => new Date(hourAgo) },
    { scopes: ['*'], expiresAt: new Date(hourAgo + 1000) },
  );
  const revoked = await buildKey(ctx, { scopes: ['*'] });
  await deleteApiKey(ctx, revoked.row.id);
  return { expired: expired.secret, revoked: revoked.secret };
}
