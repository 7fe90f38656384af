import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BUNDLE, build, EXTERNAL, ensureBundle, staleness } from '../scripts/build.mjs';

describe('the production bundle (npm run build)', { timeout: 180_000 }, () => {
  // Next to the real bundle, so that it finds the project and node_modules as dist/roster.mjs does
  // (in a fresh clone dist/ does not exist yet).
  mkdirSync(dirname(BUNDLE), { recursive: true });
  const dir = mkdtempSync(join(dirname(BUNDLE), 'test-'));
  const outfile = join(dir, 'roster.mjs');
  let code = '';

  before(async () => {
    await build({ outfile });
    code = readFileSync(outfile, 'utf8');
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the bundle and its linked source map, and no temporary file', () => {
    assert.deepEqual(readdirSync(dir).sort(), ['roster.mjs', 'roster.mjs.map']);
    assert.match(code, /\n\/\/# sourceMappingURL=roster\.mjs\.map\n?$/);
    const map = JSON.parse(readFileSync(`${outfile}.map`, 'utf8')) as { sources: string[] };
    assert.ok(map.sources.some((source) => source.endsWith('src/main.ts')));
  });

  it('leaves PGlite, swagger-ui, pg-native and OpenTelemetry to node_modules and bundles the rest', () => {
    for (const name of EXTERNAL.filter((n) => !n.endsWith('/*'))) {
      assert.ok(code.includes(`"${name}"`), `${name} is imported by name`);
    }
    // OpenTelemetry's SDK is imported only when tracing is on: never at the top of the bundle.
    for (const name of [
      '@opentelemetry/sdk-trace-node',
      '@opentelemetry/exporter-trace-otlp-http',
      '@fastify/otel',
    ]) {
      assert.ok(code.includes(`import("${name}")`), `${name} is imported on demand`);
      assert.ok(
        !code.includes(`from "${name}"`) && !code.includes(`require("${name}")`),
        `${name} is not loaded eagerly`,
      );
    }
    assert.ok(!code.includes('from "fastify"') && !code.includes('require("fastify")'), 'fastify is bundled');
  });

  it('gives CommonJS modules their own __dirname, pointing at files that exist', () => {
    const paths = [...code.matchAll(/__roster_resolve\(__roster_bundleDir, ("[^"]+")\)/g)].map((m) =>
      resolve(dir, JSON.parse(m[1] as string) as string),
    );
    assert.ok(
      paths.some((path) => path.includes(`${join('ioredis', 'built')}`)),
      'ioredis is among them',
    );
    for (const path of paths) {
      assert.ok(existsSync(path), path);
    }
  });

  it('is rebuilt by ensureBundle only when it is older than its sources', async () => {
    assert.equal(staleness(outfile), null);
    const built = readFileSync(outfile);
    await ensureBundle(outfile);
    assert.ok(readFileSync(outfile).equals(built));
    const longAgo = new Date('2000-01-01T00:00:00Z');
    utimesSync(outfile, longAgo, longAgo);
    assert.match(staleness(outfile) ?? '', /^src\/, .* changed since roster\.mjs was built$/);
    await ensureBundle(outfile);
    assert.equal(staleness(outfile), null);
    rmSync(outfile);
    assert.match(staleness(outfile) ?? '', /does not exist/);
  });
});
