import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ensureCli } from '../scripts/build.mjs';
import { cliEnv, exited, newOrg, runCli, spawnCli, until } from './cli-support.js';
import { createPgDatabase, TEST_DB_KIND } from './harness.js';
import { call, killServers, type Server, startServer } from './server.js';

const MASTER = `roster_mk_cli_${'z'.repeat(40)}`;

describe('the roster command line against a real server', { timeout: 600_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'roster-cli-'));
  let server: Server;
  let dropDatabase = async () => {};
  let org: { orgId: string; key: string };

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
    org = await newOrg(server.base, MASTER, 'CLI org');
  });
  after(async () => {
    await server?.stop();
    killServers();
    rmSync(dir, { recursive: true, force: true });
    await dropDatabase();
  });

  const cli = (...args: string[]) => runCli(['--url', server.base, '--key', org.key, ...args], cliEnv());
  const json = async (...args: string[]) => {
    const res = await cli('--json', ...args);
    assert.equal(res.code, 0, res.stderr);
    return JSON.parse(res.stdout);
  };

  it('runs from its build, or from the sources (ROSTER_CLI_FROM_SOURCE=1) alike', async () => {
    const built = await runCli(['--version'], cliEnv());
    const source = await runCli(['--version'], cliEnv({ ROSTER_CLI_FROM_SOURCE: '1' }));
    assert.equal(built.code, 0, built.stderr);
    assert.equal(source.code, 0, source.stderr);
    assert.match(built.stdout, /^\d+\.\d+\.\d+/);
    assert.equal(built.stdout, source.stdout);
    const refused = await runCli(
      ['teams', 'list', '--url', server.base, '--key', 'roster_sk_nope'],
      cliEnv(),
    );
    const refusedFromSource = await runCli(
      ['teams', 'list', '--url', server.base, '--key', 'roster_sk_nope'],
      cliEnv({ ROSTER_CLI_FROM_SOURCE: '1' }),
    );
    assert.equal(refused.code, 1);
    assert.equal(refusedFromSource.code, 1);
    assert.equal(refused.stderr, refusedFromSource.stderr);
  });

  it('login stores a verified profile (mode 0600); flag > env > profile; bad keys and profiles are refused', async () => {
    const env = cliEnv();
    const login = await runCli(['login', '--url', server.base, '--key', MASTER, '--profile', 'ops'], env);
    assert.equal(login.code, 0, login.stderr);
    const path = join(env.XDG_CONFIG_HOME as string, 'roster', 'config.json');
    assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.deepEqual(JSON.parse(readFileSync(path, 'utf8')).profiles.ops, { url: server.base, key: MASTER });

    const viaProfile = await runCli(['--profile', 'ops', '--json', 'orgs', 'list'], env);
    assert.equal(viaProfile.code, 0, viaProfile.stderr);
    assert.ok(JSON.parse(viaProfile.stdout).some((o: { name: string }) => o.name === 'CLI org'));
    // The environment beats the profile, and a flag beats the environment.
    const envWins = await runCli(['orgs', 'list'], {
      ...env,
      ROSTER_PROFILE: 'ops',
      ROSTER_URL: 'http://127.0.0.1:9',
    });
    assert.equal(envWins.code, 1);
    assert.match(envWins.stderr, /Cannot reach Roster at http:\/\/127\.0\.0\.1:9/);
    const flagWins = await runCli(['--url', server.base, 'orgs', 'list'], {
      ...env,
      ROSTER_PROFILE: 'ops',
      ROSTER_URL: 'http://127.0.0.1:9',
    });
    assert.equal(flagWins.code, 0, flagWins.stderr);
    const keyEnv = await runCli(['--profile', 'ops', 'orgs', 'list'], { ...env, ROSTER_KEY: org.key });
    assert.equal(keyEnv.code, 1, 'an org key from the environment replaces the master key of the profile');

    const bad = await runCli(
      ['login', '--url', server.base, '--key', 'roster_sk_wrong', '--profile', 'bad'],
      env,
    );
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /not valid/);
    assert.equal(JSON.parse(readFileSync(path, 'utf8')).profiles.bad, undefined);
    const missing = await runCli(['--profile', 'nope', 'orgs', 'list'], env);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /No profile "nope"/);
  });

  it('answers usage errors with 2, --help and --version with 0', async () => {
    const env = cliEnv();
    assert.equal((await runCli(['frobnicate'], env)).code, 2);
    assert.equal((await runCli(['agents', 'get'], env)).code, 2);
    assert.equal((await runCli(['agents', 'export', '--format', 'xml'], env)).code, 2);
    const help = await runCli(['agents', 'import', '--help'], env);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--dry-run/);
    const version = await runCli(['--version'], env);
    assert.equal(version.code, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+/);
    const nokey = await runCli(['--url', server.base, 'agents', 'list'], env);
    assert.equal(nokey.code, 2);
  });

  it('orgs: create, list, delete; a second delete is refused by the API', async () => {
    const env = cliEnv();
    const master = (...args: string[]) => runCli(['--url', server.base, '--key', MASTER, ...args], env);
    const created = await master('--json', 'orgs', 'create', 'Temporary');
    assert.equal(created.code, 0, created.stderr);
    const { id } = JSON.parse(created.stdout);
    assert.match((await master('orgs', 'list')).stdout, /Temporary/);
    assert.equal((await master('orgs', 'delete', id)).code, 0);
    const again = await master('orgs', 'delete', id);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /not found \(HTTP 404\)/);
    assert.equal((await cli('orgs', 'list')).code, 1, 'an org key may not list orgs');
  });

  it('keys: create with scopes and expiry, list, revoke; a bad scope and a bad date are refused', async () => {
    const key = await json(
      'keys',
      'create',
      '--name',
      'integration',
      '--scopes',
      'agents:read,teams:read',
      '--expires',
      '2099-01-31',
    );
    assert.deepEqual([...key.scopes].sort(), ['agents:read', 'teams:read']);
    assert.equal(key.expires_at, '2099-01-31T00:00:00.000Z');
    assert.match(key.key, /^roster_sk_/);
    assert.ok((await json('keys', 'list')).some((k: { id: string }) => k.id === key.id));
    assert.equal((await cli('keys', 'revoke', key.id)).code, 0);
    assert.ok(!(await json('keys', 'list')).some((k: { id: string }) => k.id === key.id));
    const badScope = await cli('keys', 'create', '--name', 'x', '--scopes', 'everything');
    assert.equal(badScope.code, 1);
    assert.match(badScope.stderr, /scopes/);
    assert.equal((await cli('keys', 'create', '--name', 'x', '--scopes', '*', '--expires', 'soon')).code, 2);
  });

  it('agents and teams: import, list with filters, get, members add/remove/import, export, delete', async () => {
    const csv = join(dir, 'small.csv');
    writeFileSync(
      csv,
      'email,full_name,role,teams\nann@example.com,Ann,supervisor,Support\nbob@example.com,Bob,agent,\n',
    );
    const imported = await cli('agents', 'import', csv);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(
      imported.stdout,
      /2 created, 0 updated, 0 unchanged, 0 failed; teams created: Support; 1 membership/,
    );
    const agents = await json('agents', 'list');
    const ann = agents.find((a: { email: string }) => a.email === 'ann@example.com');
    const bob = agents.find((a: { email: string }) => a.email === 'bob@example.com');
    assert.deepEqual(
      (await json('agents', 'list', '--role', 'supervisor')).map((a: { email: string }) => a.email),
      ['ann@example.com'],
    );
    assert.equal((await json('agents', 'list', '--q', 'BOB')).length, 1);
    const table = await cli('agents', 'list');
    assert.match(table.stdout, /^ID\s+EMAIL\s+FULL_NAME\s+ROLE/);
    assert.equal((await json('agents', 'get', ann.id)).full_name, 'Ann');
    const unknown = await cli('agents', 'get', '01a24428-e9f7-738e-8fbc-dfa489b141ac');
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /not found/);

    const team = await json('teams', 'create', 'Sales');
    const dup = await cli('teams', 'create', 'sales');
    assert.equal(dup.code, 1);
    assert.match(dup.stderr, /already exists/);
    assert.deepEqual(
      (await json('teams', 'members', 'add', team.id, ann.id, bob.id)).map(
        (r: { status: string }) => r.status,
      ),
      ['added', 'added'],
    );
    assert.equal((await json('agents', 'list', '--team', team.id)).length, 2);
    assert.equal((await cli('teams', 'members', 'remove', team.id, bob.id)).code, 0);
    assert.equal((await json('agents', 'list', '--team', team.id)).length, 1);
    const members = join(dir, 'members.csv');
    writeFileSync(members, 'email\nBOB@example.com\n');
    assert.equal((await cli('teams', 'members', 'import', team.id, members)).code, 0);
    assert.equal((await json('agents', 'list', '--team', team.id)).length, 2);
    // Lines as an editor numbers them: a cell's line break and a blank line count once each.
    writeFileSync(members, 'email,note\r\nBOB@example.com,"two\r\nlines"\r\n\r\nnobody@example.com,\r\n');
    const refused = await cli('teams', 'members', 'import', team.id, members);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /line 5: no agent with email "nobody@example.com"/);

    const exported = await cli('agents', 'export');
    assert.match(
      exported.stdout,
      /ann@example.com,Ann,supervisor,,,,,Sales;Support|ann@example.com,Ann,supervisor,,,,,Support;Sales/,
    );
    const asJson = await cli('agents', 'export', '--format', 'json', '--team', team.id);
    assert.equal(JSON.parse(asJson.stdout).length, 2);
    // What export writes, import reads back as it is.
    const back = join(dir, 'back.csv');
    writeFileSync(back, exported.stdout);
    const reimport = await json('agents', 'import', back);
    assert.deepEqual([reimport.created, reimport.updated, reimport.memberships_added], [0, 0, 0]);

    assert.ok((await json('teams', 'list')).some((t: { name: string }) => t.name === 'Sales'));
    assert.equal((await cli('teams', 'delete', team.id)).code, 0);
    assert.equal((await cli('teams', 'delete', team.id)).code, 1);
  });

  it('presence watch (not a terminal) prints a heartbeat as it comes, and ends cleanly on Ctrl-C', async () => {
    const team = await json('teams', 'create', 'Watched');
    const agent = (
      await call(server.base, org.key, 'POST', '/v1/agents', { email: 'w@example.com', full_name: 'Wanda' })
    ).body;
    await call(server.base, org.key, 'PATCH', `/v1/teams/${team.id}/members`, { add: [agent.id] });
    const watch = spawnCli(
      ['--url', server.base, '--key', org.key, 'presence', 'watch', '--team', team.id],
      cliEnv(),
    );
    await until(() => /w@example.com\s+offline/.test(watch.out()), 30_000, 'the first table');
    const sent = Date.now();
    await call(server.base, org.key, 'POST', `/v1/agents/${agent.id}/presence/heartbeat`, {
      device_id: 'desk',
    });
    // Shown without polling: it follows the event stream. How soon is printed, not asserted (a
    // loaded machine can hold the feed back; speed is the benchmarks' to measure).
    const answered = Date.now();
    await until(() => /w@example.com\s+available\s+online/.test(watch.out()), 5_000, 'the heartbeat');
    process.stdout.write(`# heartbeat shown ${Date.now() - answered} ms after the heartbeat was answered\n`);
    process.stdout.write(`# heartbeat shown after ${Date.now() - sent} ms\n`);
    watch.kill('SIGINT');
    assert.equal(await exited(watch), 0, watch.err());

    const once = await json('presence', 'watch', '--team', team.id, '--once');
    assert.equal(once[0]?.email ?? once.email, 'w@example.com');
    // --once prints the table even when stdout is not a terminal (not the lines of changes).
    const table = await cli('presence', 'watch', '--team', team.id, '--once');
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /^FULL_NAME\s+EMAIL\s+EFFECTIVE_STATUS\s+CONNECTION/);
    assert.match(table.stdout, /\nWanda\s+w@example\.com\s+available\s+online\s/);
  });

  it('events tail prints NDJSON and resumes after --since-id', async () => {
    const env = cliEnv();
    const tail = spawnCli(
      [
        '--url',
        server.base,
        '--key',
        org.key,
        '--json',
        'events',
        'tail',
        '--types',
        'team.created',
        '--count',
        '3',
      ],
      env,
    );
    await until(() => tail.err().includes('Listening'), 60_000, 'the stream to open');
    for (const name of ['T1', 'T2', 'T3']) {
      await call(server.base, org.key, 'POST', '/v1/teams', { name });
    }
    assert.equal(await exited(tail), 0, tail.err());
    const events = tail
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      events.map((e) => e.data.name),
      ['T1', 'T2', 'T3'],
    );
    const resumed = await runCli(
      [
        '--url',
        server.base,
        '--key',
        org.key,
        '--json',
        'events',
        'tail',
        '--types',
        'team.*',
        '--since-id',
        events[0].id,
        '--count',
        '2',
      ],
      env,
    );
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.deepEqual(
      resumed.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
      [events[1].id, events[2].id],
    );
    const refused = await runCli(
      ['--url', server.base, '--key', org.key, 'events', 'tail', '--since-id', 'nope'],
      env,
    );
    assert.equal(refused.code, 1);
  });
});
