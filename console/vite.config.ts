import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * The signed-in console (src/App.tsx) is a chunk of its own, so that the sign-in screen does not
 * wait for it to run. A `modulepreload` link lets the browser fetch and compile it while the first
 * bundle runs and the session is checked, so a signed-in reload does not wait for it either.
 */
function preloadApp(): Plugin {
  let base = '/';
  return {
    name: 'roster-preload-app',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/src/App.tsx'),
        );
        if (chunk === undefined) {
          throw new Error('no chunk for src/App.tsx: the console entry no longer imports it lazily');
        }
        return [
          {
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${chunk.fileName}` },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}

/**
 * The console is served by Roster under /console (same origin as the API). Built into
 * dist/console at the project root; assets get content hashes, so Roster caches them for a year.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  plugins: [preloadApp()],
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/console', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1000,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.spec.ts', 'src/**/*.spec.tsx'],
  },
});
