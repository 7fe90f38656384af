import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { killServers, type Server } from '../../test/server.js';
import { api, axeViolations, inParallel, launch, newOrg, SKIP, signIn, startRoster } from './support.js';

const SHOTS = new URL('../../docs/images/', import.meta.url);

/** The flow of an admin and a supervisor, in a real Chromium against a real Roster process. */
describe('the console, end to end', { skip: SKIP, timeout: 600_000 }, () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let org: Awaited<ReturnType<typeof newOrg>>;
  const violations: string[] = [];

  const check = async (screen: string) => {
    for (const v of await axeViolations(page)) {
      violations.push(`${screen}: ${v}`);
    }
  };
  const go = async (link: string, heading: string) => {
    await page.getByRole('navigation').getByRole('link', { name: link }).click();
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  };
  const agentId = async (email: string) => {
    const found = await api<{ id: string }[]>(
      server.base,
      org.key,
      'GET',
      `/v1/agents?q=${encodeURIComponent(email)}`,
    );
    return (found[0] as { id: string }).id;
  };
  const boardRow = (name: string) => page.locator(`tr[data-agent="${name}"]`);

  before(async () => {
    server = await startRoster();
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    org = await newOrg(server.base, 'Acme Support');
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    killServers();
  });

  it('signs in with an API key; a wrong key is refused with the API message', async () => {
    // The session lookup is held back until the spinner shown meanwhile has been checked.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/v1/sessions/current', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${server.base}/console/`);
    await page.getByLabel('Loading', { exact: true }).waitFor();
    await check('loading');
    release();
    await page.getByLabel('API key', { exact: true }).waitFor();
    await page.unroute('**/v1/sessions/current');
    await check('sign-in');
    await page.getByLabel('API key', { exact: true }).fill('roster_sk_not-a-real-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'The API key is not valid' }).waitFor();
    await signIn(page, server.base, org.key);
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === 'roster_session');
    assert.ok(session?.httpOnly && session.sameSite === 'Strict', 'an HttpOnly SameSite=Strict cookie');
    assert.ok(!session.value.includes(org.key));
    await page.getByTestId('stream-state').filter({ hasText: 'Live' }).waitFor();
  });

  it('creates a team and agents, bulk-adds members through the picker, and sets a priority', async () => {
    await go('Teams', 'Teams');
    await page.getByRole('button', { name: 'New team' }).click();
    await page.getByRole('button', { name: 'Create team' }).click();
    await page.getByText('A team needs a name').waitFor();
    await page.getByRole('dialog').getByLabel('Name').fill('Tier 1');
    await page.getByRole('button', { name: 'Create team' }).click();
    await page.getByTestId('teams').getByRole('link', { name: 'Tier 1' }).waitFor();
    await check('teams');

    await go('Agents', 'Agents');
    for (const [name, email] of [
      ['Alice Example', 'alice@acme.test'],
      ['Bob Example', 'bob@acme.test'],
    ]) {
      await page.getByRole('button', { name: 'New agent' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Full name').fill(name as string);
      await dialog.getByLabel('Email').fill(email as string);
      await dialog.getByLabel('Capacity (conversations)').fill('2');
      await dialog.getByRole('button', { name: 'Create agent' }).click();
      await page
        .getByTestId('agents')
        .getByText(email as string)
        .waitFor();
    }
    // A duplicate email: the API's message shows next to the field.
    await page.getByRole('button', { name: 'New agent' }).click();
    await page.getByRole('dialog').getByLabel('Full name').fill('Alice Again');
    await page.getByRole('dialog').getByLabel('Email').fill('alice@acme.test');
    await page.getByRole('dialog').getByRole('button', { name: 'Create agent' }).click();
    await page.getByRole('dialog').getByText('is already taken').waitFor();
    await page.keyboard.press('Escape');
    // More agents through the API, for the bulk add and the screenshots.
    const names = [
      'Carmen Diaz',
      'Dev Patel',
      'Eun-ji Park',
      'Farah Haddad',
      'Goran Novak',
      'Hana Sato',
      'Ivo Berg',
      'Jade Moreau',
    ];
    await inParallel(names, 4, (full_name) =>
      api(server.base, org.key, 'POST', '/v1/agents', {
        full_name,
        email: `${full_name.split(' ')[0]?.toLowerCase()}@acme.test`,
        max_concurrent: 3,
      }),
    );
    await page.reload();
    await page.getByTestId('agents').getByText('jade@acme.test').waitFor();
    await check('agents');
    await page.screenshot({ path: new URL('console-agents.png', SHOTS).pathname });

    await go('Teams', 'Teams');
    await page.getByRole('link', { name: 'Tier 1' }).click();
    await page.getByRole('heading', { name: 'Tier 1', level: 1 }).waitFor();
    await page.getByText('10 matching agents').waitFor();
    await page.getByRole('button', { name: 'Add all 10 matching' }).click();
    await page.getByRole('heading', { name: 'Members (10)' }).waitFor();
    await check('team');
    const team = await api<{ id: string }[]>(server.base, org.key, 'GET', '/v1/teams');
    assert.equal(team.length, 1);

    // A member's priority, changed by keyboard (Enter saves), is what /v1 lists.
    const priority = page.getByRole('textbox', { name: 'Priority of Bob Example' });
    await priority.fill('-2');
    await priority.press('Enter');
    await page
      .getByRole('button', { name: 'Save the priority of Bob Example' })
      .waitFor({ state: 'detached' });
    const listed = await api<{ full_name: string; priority: number }[]>(
      server.base,
      org.key,
      'GET',
      `/v1/teams/${team[0]?.id}/members?limit=100`,
    );
    assert.equal(listed.find((m) => m.full_name === 'Bob Example')?.priority, -2);
    await go('Teams', 'Teams');
    await page.getByTestId('teams').getByRole('cell', { name: '10', exact: true }).waitFor();
    await page.screenshot({ path: new URL('console-teams.png', SHOTS).pathname });
  });

  it('shows a heartbeat sent through the API on the board within a second', async () => {
    await go('Presence board', 'Presence board');
    const alice = await agentId('alice@acme.test');
    await boardRow('Alice Example').locator('[data-status="offline"]').waitFor();
    const sent = Date.now();
    await api(server.base, org.key, 'POST', `/v1/agents/${alice}/presence/heartbeat`, {
      device_id: 'laptop',
      channels: ['chat'],
    });
    await boardRow('Alice Example').locator('[data-status="available"]').waitFor({ timeout: 1000 });
    const shown = Date.now() - sent;
    assert.ok(shown <= 1000, `shown after ${shown} ms`);
    await check('board');
  });

  it('sets availability from the board, and /v1 agrees', async () => {
    const alice = await agentId('alice@acme.test');
    await boardRow('Alice Example').getByRole('button', { name: 'Set status of Alice Example' }).click();
    await page.getByRole('menuitem', { name: 'Unavailable' }).click({ timeout: 5000 });
    await boardRow('Alice Example').locator('[data-status="away"]').waitFor({ timeout: 2000 });
    const view = await api<{ available: boolean; effective_status: string }>(
      server.base,
      org.key,
      'GET',
      `/v1/agents/${alice}/presence`,
    );
    assert.deepEqual([view.available, view.effective_status], [false, 'away']);
    await boardRow('Alice Example').getByRole('button', { name: 'Set status of Alice Example' }).click();
    await page.getByRole('menuitem', { name: 'Available (working)' }).click({ timeout: 5000 });
    await boardRow('Alice Example').locator('[data-status="available"]').waitFor({ timeout: 2000 });
  });

  it('routes a conversation and the capacity bar moves', async () => {
    const teams = await api<{ id: string }[]>(server.base, org.key, 'GET', '/v1/teams');
    const bar = boardRow('Alice Example').locator('[data-capacity]');
    assert.equal(await bar.getAttribute('data-capacity'), '0/2');
    const created = await api<{ assignee_id: string | null }>(
      server.base,
      org.key,
      'POST',
      '/v1/conversations',
      {
        team_id: teams[0]?.id,
        channel: 'chat',
      },
    );
    assert.equal(created.assignee_id, await agentId('alice@acme.test'));
    await boardRow('Alice Example').locator('[data-capacity="1/2"]').waitFor({ timeout: 2000 });
    // Some more life on the board for the screenshot.
    for (const email of ['carmen@acme.test', 'dev@acme.test', 'hana@acme.test']) {
      await api(server.base, org.key, 'POST', `/v1/agents/${await agentId(email)}/presence/heartbeat`, {
        device_id: 'web',
      });
    }
    await api(server.base, org.key, 'PUT', `/v1/agents/${await agentId('dev@acme.test')}/availability`, {
      available: false,
    });
    await boardRow('Dev Patel').locator('[data-status="away"]').waitFor({ timeout: 5000 });
    await page.screenshot({ path: new URL('console-board.png', SHOTS).pathname });
  });

  it('signs devices out from the board, by keyboard, and /v1 agrees; the last one takes the agent offline', async () => {
    const bob = await agentId('bob@acme.test');
    const presence = () =>
      api<{ connection: string; effective_status: string }>(
        server.base,
        org.key,
        'GET',
        `/v1/agents/${bob}/presence`,
      );
    for (const device_id of ['laptop', 'phone']) {
      await api(server.base, org.key, 'POST', `/v1/agents/${bob}/presence/heartbeat`, { device_id });
    }
    await boardRow('Bob Example').locator('[data-status="available"]').waitFor({ timeout: 2000 });
    const dialog = page.getByRole('dialog', { name: 'Sign out a device of Bob Example' });

    // By keyboard: the row's button, the device's button in the list, then the confirmation.
    await boardRow('Bob Example').getByRole('button', { name: 'Sign out a device of Bob Example' }).focus();
    await page.keyboard.press('Enter');
    const devices = dialog.getByRole('list', { name: 'Live devices of Bob Example' });
    const ids = (items: Element[]) => items.map((i) => (i as HTMLElement).dataset.device);
    await devices.waitFor();
    await dialog.getByTestId('device-presence').filter({ hasText: 'Online' }).waitFor();
    assert.deepEqual(
      await devices.getByRole('listitem').evaluateAll(ids),
      ['laptop', 'phone'],
      'sorted by ID',
    );
    // The first device's button has the focus.
    await page.waitForFunction((name) => document.activeElement?.textContent === name, 'Sign out “laptop”…');
    await dialog.getByRole('button', { name: 'Sign out “phone”…' }).focus();
    await page.keyboard.press('Enter');
    const question = dialog.getByText('Sign out device “phone” of Bob Example?');
    await question.waitFor();
    assert.ok(await question.evaluate((el) => el === document.activeElement), 'the question has the focus');
    await check('device sign-out');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await dialog.getByRole('status').filter({ hasText: 'Bob Example is still online' }).waitFor();
    assert.equal((await presence()).connection, 'online', 'the laptop is still live');
    await boardRow('Bob Example').locator('[data-status="available"]').waitFor();

    // The last device: Bob goes offline on the board and in /v1 at once. The list is read again:
    // "phone" is gone from it.
    await dialog.getByRole('button', { name: 'Sign out another device' }).click();
    const laptop = dialog.getByRole('button', { name: 'Sign out “laptop”…' });
    await laptop.waitFor();
    assert.deepEqual(await devices.getByRole('listitem').evaluateAll(ids), ['laptop'], 'the phone is gone');
    await check('device list');
    await laptop.click();
    const sent = Date.now();
    await dialog.getByRole('button', { name: 'Yes, sign it out' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Bob Example is now offline' }).waitFor();
    await boardRow('Bob Example').locator('[data-status="offline"]').waitFor({ timeout: 2000 });
    console.log(`offline on the board ${Date.now() - sent} ms after the last sign-out was confirmed`);
    const after = await presence();
    assert.deepEqual([after.connection, after.effective_status], ['offline', 'offline']);
    await check('device sign-out done');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    // An offline agent has no device to sign out.
    assert.equal(
      await boardRow('Bob Example')
        .getByRole('button', { name: /Sign out a device/ })
        .count(),
      0,
    );
  });

  it('has no serious or critical accessibility violation on any screen', async () => {
    for (const [link, heading] of [
      ['Conversations', 'Conversations'],
      ['Supervisors', 'Supervisors'],
      ['Presence statuses', 'Presence statuses'],
      ['API keys', 'API keys'],
    ] as const) {
      await go(link, heading);
      await check(link);
    }
    assert.deepEqual(violations, []);
  });

  it('signs out when the key of the session is revoked', async () => {
    await go('API keys', 'API keys');
    await page.getByRole('button', { name: 'Revoke console admin' }).click();
    await page.getByLabel('API key', { exact: true }).waitFor({ timeout: 5000 });
    const after = await page.request.get(`${server.base}/v1/teams`);
    assert.equal(after.status(), 401);
  });
});
