/**
 * `npm run bench:tracing [-- --quick]`: the cost of tracing. Runs scenarios a and d of the
 * benchmark twice in one go, with tracing off and then on (exporting every span to an OTLP
 * receiver in this process that accepts and counts them), and keeps both results as
 * bench/results/tracing-off.json and tracing-on.json. Kept apart from bench/run.ts, which it runs
 * unchanged: the servers it starts inherit this process's environment, OTEL_* included.
 */
import { spawn } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

const results = fileURLToPath(new URL('./results/', import.meta.url));
const extra = process.argv.slice(2).filter((a) => a === '--quick');
let exports = 0;
const receiver = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    exports++;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const address = receiver.address();
const endpoint = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;

for (const [label, otel] of [
  ['off', {}],
  ['on', { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }],
] as const) {
  console.log(`\n=== tracing ${label} ===`);
  // Spawned, not spawnSync: this process's event loop must keep running, or the OTLP receiver
  // above would never answer and the exporter would time out instead of exporting.
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--only=a,d', ...extra], {
    stdio: 'inherit',
    env: { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: '', ...otel },
  });
  const status = await new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  if (status !== 0) {
    process.exitCode = status ?? 1;
    break;
  }
  if (label === 'on' && exports === 0) {
    console.error('tracing on, but no OTLP export reached the receiver: the "on" figures are not valid');
    process.exitCode = 1;
  }
  const written = extra.length > 0 ? 'quick.json' : 'latest.json';
  copyFileSync(`${results}${written}`, `${results}tracing-${label}${extra.length > 0 ? '-quick' : ''}.json`);
}
console.log(`\nOTLP exports received with tracing on: ${exports}`);
receiver.close();
