import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The console is served by Roster under /console (same origin as the API). Built into
 * dist/console at the project root; assets get content hashes, so Roster caches them for a year.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
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
