import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ensureCli } from '../scripts/build.mjs';
import { agentsCsv, cliEnv, exited, newOrg, runCli, spawnCli, until } from './cli-support.js';
import { createPgDatabase, TEST_DB_KIND } from './harness.js';
import { call, killServers, type Server, startServer } from './server.js';

const MASTER = `roster_mk_cli_import_${'y'.repeat(32)}`;

describe('roster agents import: the CLI against a real server', { timeout: 900_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'roster-cli-import-'));
  let server: Server;
  let dropDatabase = async () => {};

  before(async () => {
    let env: Record<string, string> = { ROSTER_DATA_DIR: join(dir, 'data'), ROSTER_MASTER_KEY: MASTER };
    if (TEST_DB_KIND === 'postgres') {
      const pgDb = await createPgDatabase();
      env = { ...env, DATABASE_URL: pgDb.appUrl, ROSTER_MIGRATION_DATABASE_URL: pgDb.url };
      dropDatabase = pgDb.drop;
    }
    // The built command line is what `roster` runs once `npm run build` made it: test that one.
    await ensureCli();
    server = await startServer(env);
  });
  after(async () => {
    await server?.stop();
    killServers();
    rmSync(dir, { recursive: true, force: true });
    await dropDatabase();
  });

  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const cli = (key: string, ...args: string[]) =>
    runCli(['--url', server.base, '--key', key, ...args], cliEnv());
  const count = async (key: string, path: string) => {
    const res = await call(server.base, key, 'GET', path);
    return res.body.length as number;
  };
  const teamSizes = async (key: string) => {
    const res = await call(server.base, key, 'GET', '/v1/teams?limit=100');
    const sizes: Record<string, number> = {};
    for (const team of res.body as { id: string; name: string }[]) {
      sizes[team.name] = (await call(server.base, key, 'GET', `/v1/teams/${team.id}`)).body.members.length;
    }
    return sizes;
  };

  it('refuses a 10,000-row file with bad rows (BOM, ; and CRLF read right), naming each; writes nothing', async () => {
    const { key } = await newOrg(server.base, MASTER, 'Bad file');
    const bad = await cli(key, 'agents', 'import', file('bad.csv', agentsCsv(10_000, { bad: true })));
    assert.equal(bad.code, 1, bad.stderr);
    for (const expected of [
      /line 1002, column email: "not-an-email" is not an email address/,
      /line 2002, column role: "boss" is not one of owner, admin, supervisor, agent/,
      /line 3002, column max_concurrent: "lots" is not a whole number/,
      /line 4002, column email: "agent0@EXAMPLE.com" is already on line 2/,
      /4 bad row\(s\); nothing was written/,
    ]) {
      assert.match(bad.stderr, expected);
    }
    assert.equal(await count(key, '/v1/agents?limit=1'), 0);
    assert.equal(await count(key, '/v1/teams?limit=1'), 0);
  });

  it('imports 10,000 agents into 50 teams, after a dry run that writes nothing; a re-run changes nothing', async () => {
    const { key } = await newOrg(server.base, MASTER, 'Big import');
    const path = file('good.csv', agentsCsv(10_000));
    const dry = await cli(key, '--json', 'agents', 'import', path, '--dry-run');
    assert.equal(dry.code, 0, dry.stderr);
    const plan = JSON.parse(dry.stdout);
    assert.equal(plan.created, 10_000);
    assert.equal(plan.teams_created.length, 50);
    assert.equal(await count(key, '/v1/agents?limit=1'), 0);
    assert.equal(await count(key, '/v1/teams?limit=1'), 0);

    const started = performance.now();
    const run = await cli(key, '--json', 'agents', 'import', path);
    const seconds = (performance.now() - started) / 1000;
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout);
    process.stdout.write(
      `# 10,000 agents, 50 teams (${TEST_DB_KIND}): ${seconds.toFixed(1)} s (import itself ${report.seconds} s)\n`,
    );
    assert.deepEqual(
      [report.created, report.updated, report.unchanged, report.failed, report.memberships_added],
      [10_000, 0, 0, 0, 10_000],
    );
    const sizes = await teamSizes(key);
    assert.equal(Object.keys(sizes).length, 50);
    assert.ok(
      Object.values(sizes).every((n) => n === 200),
      JSON.stringify(sizes),
    );

    const again = await cli(key, '--json', 'agents', 'import', path);
    assert.equal(again.code, 0, again.stderr);
    const second = JSON.parse(again.stdout);
    assert.deepEqual(
      [
        second.created,
        second.updated,
        second.unchanged,
        second.memberships_added,
        second.teams_created.length,
      ],
      [0, 0, 10_000, 0, 0],
    );

    // --update writes what differs, and only that.
    const changed = agentsCsv(10_000)
      .replace('"Agent 7, Jr"', '"Agent Seven"')
      .replace('"Agent 8, Jr"', '"Agent Eight"');
    const update = await cli(key, '--json', 'agents', 'import', file('changed.csv', changed), '--update');
    assert.equal(update.code, 0, update.stderr);
    const third = JSON.parse(update.stdout);
    assert.deepEqual([third.created, third.updated, third.unchanged], [0, 2, 9_998]);
    const seven = await call(server.base, key, 'GET', '/v1/agents?q=agent7@example.com');
    assert.equal(seven.body[0].full_name, 'Agent Seven');
  });

  it('a run killed halfway and run again ends as one uninterrupted run', async () => {
    const { key } = await newOrg(server.base, MASTER, 'Killed');
    const path = file('kill.csv', agentsCsv(3_000, { prefix: 'k' }));
    const child = spawnCli(['--url', server.base, '--key', key, 'agents', 'import', path], cliEnv());
    await until(async () => (await count(key, '/v1/agents?limit=1')) > 0, 120_000, 'the first agents');
    child.kill('SIGKILL');
    await exited(child);
    const partial = await call(server.base, key, 'GET', '/v1/agents?limit=100');
    assert.ok(partial.body.length > 0);

    const rerun = await cli(key, '--json', 'agents', 'import', path);
    assert.equal(rerun.code, 0, rerun.stderr);
    const report = JSON.parse(rerun.stdout);
    assert.equal(report.created + report.unchanged, 3_000);
    assert.equal(report.failed, 0);
    const sizes = await teamSizes(key);
    assert.equal(Object.keys(sizes).length, 50);
    assert.ok(
      Object.values(sizes).every((n) => n === 60),
      JSON.stringify(sizes),
    );
    const exported = await cli(key, 'agents', 'export');
    assert.equal(exported.code, 0, exported.stderr);
    const rows = exported.stdout.trim().split('\n');
    assert.equal(rows.length, 3_001);
    assert.equal(rows[0], 'email,full_name,role,username,phone_number,max_concurrent,tags,teams');
    assert.ok(rows.includes('k42@example.com,"Agent 42, Jr",agent,,,3,chat;voice,Team 42'), rows[1]);
  });
});
