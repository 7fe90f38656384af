import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { projectPath } from '../paths.js';

/** Where `npm run build` puts the console (Vite's output). */
export const CONSOLE_DIR = projectPath('dist', 'console');

/**
 * What the console's page may load: only its own origin's scripts (no inline script); Mantine sets
 * inline styles. No framing, no form posts elsewhere.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

function sendIndex(reply: FastifyReply) {
  return reply
    .header('cache-control', 'no-cache')
    .header('content-security-policy', CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .sendFile('index.html', { cacheControl: false });
}

/**
 * The web console at /console: hashed assets cached for a year, `index.html` (never cached) for
 * every other path under /console so that the app's own routes load on a reload. Without a build
 * (`npm run build`), /console says how to make one.
 */
export async function installConsole(app: FastifyInstance, dir: string = CONSOLE_DIR): Promise<void> {
  const built = existsSync(join(dir, 'index.html'));
  if (!built) {
    const missing = async (_request: unknown, reply: FastifyReply) =>
      reply
        .status(404)
        .type('text/plain')
        .send('The console is not built: run `npm run build` (npm start does).');
    app.get('/console', { schema: { hide: true } }, missing);
    app.get('/console/*', { schema: { hide: true } }, missing);
    return;
  }
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/console/',
    wildcard: false,
    index: false,
    cacheControl: false,
    // The build writes .br and .gz next to each script and stylesheet.
    preCompressed: true,
    setHeaders: (res, path) => {
      res.header('x-content-type-options', 'nosniff');
      res.header(
        'cache-control',
        path.includes(`${join('assets', '')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  // The router ignores trailing slashes: this serves /console and /console/ alike (the page loads
  // its assets by absolute paths, so either address works).
  app.get('/console/', { schema: { hide: true } }, async (_request, reply) => sendIndex(reply));
  app.get('/console/*', { schema: { hide: true } }, async (request, reply) => {
    // A missing asset is a 404, not the page: a stale tab must not run HTML as a script.
    if (request.url.startsWith('/console/assets/')) {
      return reply.status(404).type('text/plain').send('Not found');
    }
    return sendIndex(reply);
  });
}
