/**
 * `npm run bench:scale-out [-- --quick]`: the long form of the scale-out check (2,000 agents, a
 * minute of steady load, then throughput with 1, 2 and 3 instances). `--quick` runs the short form
 * the test suite runs. Exits 1 when a check failed.
 */
import { runScaleOut } from './run.js';
import { measureThroughput } from './throughput.js';

const quick = process.argv.includes('--quick');
const log = (line: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

const report = await runScaleOut({
  instances: 3,
  agents: quick ? 200 : 2000,
  teams: quick ? 4 : 50,
  steadySeconds: quick ? 8 : 60,
  rates: {
    heartbeatEverySeconds: 10,
    availabilityPerSecond: quick ? 2 : 2000 * (0.05 / 60),
    teamReadsPerSecond: quick ? 5 : 20,
    membershipPerSecond: quick ? 1 : 2,
    conversationsPerSecond: quick ? 4 : 20,
    maxConversationSeconds: quick ? 5 : 60,
  },
  log,
});
if (!quick) {
  for (const line of (await measureThroughput({ agents: 2000, seconds: 10, log })).lines) {
    report.lines.push(line);
  }
}
log(report.failures.length === 0 ? 'every check passed' : `${report.failures.length} checks failed`);
process.exit(report.failures.length === 0 ? 0 : 1);
