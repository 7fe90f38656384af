// @ts-check
/**
 * `npm run build`: bundles `src/main.ts` and its dependencies into `dist/roster.mjs` (with a linked
 * `dist/roster.mjs.map`), which `npm start` runs with plain `node`. Loading one prebuilt file
 * skips transpiling the TypeScript sources at every start and resolving hundreds of modules.
 *
 * Left out of the bundle, and loaded from node_modules at run time: PGlite (it loads its
 * WebAssembly and data files relative to its own modules), @fastify/swagger-ui (it serves its
 * static files from its own directory), pg-native (an optional native driver `pg` asks for) and
 * OpenTelemetry (imported only when tracing is on, so that the bundle never even parses it when off).
 *
 * It also builds the web console (console/, a Vite app) into `dist/console`, which Roster serves at
 * /console; `ensureConsole()` rebuilds it when its sources are newer.
 *
 * Tests and the benchmark call `ensureBundle()`, which rebuilds when the bundle is missing or
 * older than anything it is built from. Several processes may do that at once: each writes
 * temporary files and renames them into place, so none ever sees a half-written bundle.
 */
import { readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { cliStaleness, staleAgainst } from './freshness.mjs';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BUNDLE = join(ROOT, 'dist', 'roster.mjs');
// OpenTelemetry is loaded at run time, and only when tracing is on (src/observability/tracing-sdk.ts).
export const EXTERNAL = [
  '@electric-sql/pglite',
  '@fastify/swagger-ui',
  'pg-native',
  '@opentelemetry/*',
  '@fastify/otel',
];
export const CLI_OUT = join(ROOT, 'dist', 'cli');
export const CONSOLE_SRC = join(ROOT, 'console');
export const CONSOLE_OUT = join(ROOT, 'dist', 'console');

/**
 * CommonJS dependencies inside an ES module bundle find no `require`: the banner makes one. The
 * names it imports are prefixed so that they cannot collide with the bundle's own.
 */
const BANNER = [
  "import { createRequire as __roster_createRequire } from 'node:module';",
  "import { dirname as __roster_dirname, resolve as __roster_resolve } from 'node:path';",
  "import { fileURLToPath as __roster_fileURLToPath } from 'node:url';",
  'const require = __roster_createRequire(import.meta.url);',
  'const __roster_bundleDir = __roster_dirname(__roster_fileURLToPath(import.meta.url));',
].join('\n');

const DIRNAME_USE = /\b__(?:dirname|filename)\b/;
const DIRNAME_DECLARED =
  /\b(?:var|let|const|function|class)\s+__(?:dirname|filename)\b|\b__(?:dirname|filename)\s*=(?!=)/;

/**
 * CommonJS modules that read `__dirname` or `__filename` (ioredis reads its own package.json to
 * tell Redis its version, @fastify/swagger likewise, pino for its transports) would find neither
 * in an ES module. Each gets its own, pointing where the file really is, as a path relative to
 * the bundle (in `outdir`) so that the project directory can move.
 *
 * @param {string} outdir
 * @returns {import('esbuild').Plugin}
 */
const moduleDirnames = (outdir) => ({
  name: 'module-dirnames',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/].*\.c?js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!DIRNAME_USE.test(source) || DIRNAME_DECLARED.test(source)) {
        return undefined;
      }
      const file = JSON.stringify(relative(outdir, args.path).split(sep).join('/'));
      const dir = JSON.stringify(relative(outdir, dirname(args.path)).split(sep).join('/'));
      // On the first line, so the source map's line numbers stay right (a shebang becomes a comment).
      const prologue = `var __filename = __roster_resolve(__roster_bundleDir, ${file}), __dirname = __roster_resolve(__roster_bundleDir, ${dir});`;
      const contents = prologue + (source.startsWith('#!') ? '//' : '') + source;
      return { contents, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
});

/**
 * Builds the bundle into `outfile` (default `dist/roster.mjs`) and its source map next to it,
 * written in place by `writeInPlace` (the map first).
 *
 * @param {{ outfile?: string }} [options]
 * @returns {Promise<{ outfile: string, ms: number }>}
 */
export async function build(options = {}) {
  const outfile = options.outfile ?? BUNDLE;
  const started = new Date();
  const t0 = performance.now();
  await mkdir(dirname(outfile), { recursive: true });
  const result = await esbuild({
    ...nodeBundle(dirname(outfile)),
    entryPoints: [join(ROOT, 'src', 'main.ts')],
    outfile,
  });
  writeInPlace(result.outputFiles, started, outfile);
  return { outfile, ms: performance.now() - t0 };
}

/**
 * What the server's and the command line's bundles share: one ES module for Node.js with its
 * dependencies inside (but EXTERNAL), a linked source map, and the output kept in memory for
 * `writeInPlace`.
 *
 * @param {string} outdir where the bundle goes
 * @returns {import('esbuild').BuildOptions & { write: false }}
 */
const nodeBundle = (outdir) => ({
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: EXTERNAL,
  banner: { js: BANNER },
  plugins: [moduleDirnames(outdir)],
  sourcemap: 'linked',
  write: false,
  logLevel: 'warning',
});

/**
 * Writes a build's files, each to a temporary name renamed into place, `last` after all others, so
 * that a process starting meanwhile loads the old build or the new one, never half of each. Their
 * mtime is when the build started, so a source saved during the build still counts as newer.
 *
 * @param {import('esbuild').OutputFile[]} files
 * @param {Date} started
 * @param {string} last the entry file's path
 */
function writeInPlace(files, started, last) {
  const ordered = [...files].sort((a, b) => Number(a.path === last) - Number(b.path === last));
  for (const file of ordered) {
    const tmp = `${file.path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      writeFileSync(tmp, file.contents);
      utimesSync(tmp, started, started);
      renameSync(tmp, file.path);
    } finally {
      rmSync(tmp, { force: true });
    }
  }
}

/**
 * Why `outfile` needs building, or null when it is up to date: it is missing, or something it is
 * built from (a file under src/, package-lock.json, this script) was modified at or after it.
 *
 * @param {string} [outfile]
 * @returns {string | null}
 */
export function staleness(outfile = BUNDLE) {
  return staleAgainst(ROOT, relative(ROOT, outfile), [
    'src/',
    'package-lock.json',
    relative(ROOT, fileURLToPath(import.meta.url)),
  ]);
}

/**
 * Builds the bundle unless it is up to date; returns its path.
 *
 * @param {string} [outfile]
 * @returns {Promise<string>}
 */
export async function ensureBundle(outfile = BUNDLE) {
  if (staleness(outfile) !== null) {
    await build({ outfile });
  }
  return outfile;
}

/**
 * Builds the command line (src/cli/main.ts) into dist/cli, which bin/roster.mjs runs when it is
 * up to date (`cliStaleness()` in scripts/freshness.mjs): plain JavaScript starts in about a third
 * of the time tsx takes to load and transpile the sources. Split into chunks, so that the server
 * code behind `roster serve`, `migrate` and `backup` is only loaded by those commands.
 *
 * Chunk names are content hashes, so two builds of the same sources write the same files; main.mjs
 * is written last (`writeInPlace`). Files of earlier builds are removed after an hour (a command
 * still running from one may load a chunk late).
 *
 * @returns {Promise<{ outDir: string, ms: number }>}
 */
export async function buildCli() {
  const started = new Date();
  const t0 = performance.now();
  await mkdir(CLI_OUT, { recursive: true });
  const result = await esbuild({
    ...nodeBundle(CLI_OUT),
    entryPoints: [join(ROOT, 'src', 'cli', 'main.ts')],
    outdir: CLI_OUT,
    entryNames: '[name]',
    outExtension: { '.js': '.mjs' },
    splitting: true,
  });
  const files = result.outputFiles;
  writeInPlace(files, started, join(CLI_OUT, 'main.mjs'));
  const written = new Set(files.map((f) => basename(f.path)));
  for (const name of readdirSync(CLI_OUT)) {
    const path = join(CLI_OUT, name);
    if (!written.has(name) && statSync(path).mtimeMs < started.getTime() - 3_600_000) {
      rmSync(path, { force: true });
    }
  }
  return { outDir: CLI_OUT, ms: performance.now() - t0 };
}

/** Builds the command line unless it is up to date. */
export async function ensureCli() {
  if (cliStaleness(ROOT) !== null) {
    await buildCli();
  }
  return CLI_OUT;
}

/**
 * Builds the console with Vite (console/vite.config.ts) into dist/console.
 *
 * @returns {Promise<{ outDir: string, ms: number }>}
 */
export async function buildConsole() {
  const t0 = performance.now();
  // Vite is a dependency of the console workspace: resolve it from there.
  const vite = await import(
    pathToFileURL(createRequire(join(CONSOLE_SRC, 'package.json')).resolve('vite')).href
  );
  await vite.build({ root: CONSOLE_SRC, configFile: join(CONSOLE_SRC, 'vite.config.ts'), logLevel: 'error' });
  // Compressed once here, so that Roster sends them as they are (@fastify/static's preCompressed).
  const assets = join(CONSOLE_OUT, 'assets');
  for (const name of readdirSync(assets)) {
    if (/\.(js|css)$/.test(name)) {
      const content = readFileSync(join(assets, name));
      writeFileSync(join(assets, `${name}.gz`), gzipSync(content, { level: 9 }));
      writeFileSync(join(assets, `${name}.br`), brotliCompressSync(content));
    }
  }
  return { outDir: CONSOLE_OUT, ms: performance.now() - t0 };
}

/**
 * Why the console needs building, or null when dist/console is newer than all it is built from.
 *
 * @returns {string | null}
 */
export function consoleStaleness() {
  return staleAgainst(ROOT, relative(ROOT, join(CONSOLE_OUT, 'index.html')), [
    'console/src/',
    'packages/client/src/',
    'console/index.html',
    'console/vite.config.ts',
    'console/package.json',
    'package-lock.json',
  ]);
}

/** Builds the console unless it is up to date. */
export async function ensureConsole() {
  if (consoleStaleness() !== null) {
    await buildConsole();
  }
  return CONSOLE_OUT;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [server, cli, web] = await Promise.all([build(), buildCli(), buildConsole()]);
  process.stdout.write(`built ${relative(ROOT, server.outfile)} in ${Math.round(server.ms)} ms\n`);
  process.stdout.write(
    `built ${relative(ROOT, cli.outDir)} (the command line) in ${Math.round(cli.ms)} ms\n`,
  );
  process.stdout.write(`built ${relative(ROOT, web.outDir)} (the console) in ${Math.round(web.ms)} ms\n`);
}
