/**
 * Journey: two teammates on weak Wi-Fi. One goes offline, keeps editing (the page says the edits are kept on the
 * device), comes back, and the other sees the edit. A reload right after typing loses nothing.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LAPTOP, launchPerson, PHONE, screenshot, type Person } from './support/browser.js';
import {
  connected,
  createSessionThroughUi,
  joinThroughUi,
  reportFailure,
  typeMotto,
  unexpectedProblems,
  waitForMotto,
} from './support/journeys.js';
import { startServer, type RunningServer } from './support/server.js';

describe('offline edits', () => {
  let server: RunningServer;
  let facilitator: Person;
  let gleb: Person;
  let dina: Person;

  beforeAll(async () => {
    server = await startServer();
    [facilitator, gleb, dina] = await Promise.all([
      launchPerson('facilitator', { viewport: LAPTOP }),
      launchPerson('gleb', { viewport: PHONE, mobile: true }),
      launchPerson('dina', { viewport: LAPTOP }),
    ]);
    const session = await createSessionThroughUi(facilitator.page, server.baseUrl, 'Сессия на слабом Wi-Fi');
    await joinThroughUi(gleb.page, session.joinLink, 'Глеб Орлов', 'Команда 1');
    await joinThroughUi(dina.page, session.joinLink, 'Дина Лебедева', 'Команда 1');
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await reportFailure([facilitator, gleb, dina], server);
  });

  afterAll(async () => {
    await Promise.allSettled([facilitator?.close(), gleb?.close(), dina?.close()]);
    await server?.stop();
  });

  it('an edit made online reaches the teammate', async () => {
    await typeMotto(gleb.page, 'Самара — город талантов');
    await waitForMotto(dina.page, 'Самара — город талантов');
  });

  it('an edit made offline is kept on the device and reaches the teammate after reconnecting', async () => {
    await gleb.context.setOffline(true);
    const status = gleb.page.getByRole('status', { name: 'Соединение' });
    await status.filter({ hasText: 'Нет сети' }).waitFor();
    await status.filter({ hasText: 'ваши изменения сохранены на этом устройстве' }).waitFor();

    await typeMotto(gleb.page, 'Самара — столица талантов 2036');
    await screenshot(gleb.page, 'offline-team-phone');
    // Nothing leaks out while offline.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await waitForMotto(dina.page, 'Самара — город талантов', 1000);

    await gleb.context.setOffline(false);
    await connected(gleb.page).waitFor({ timeout: 20_000 });
    await waitForMotto(dina.page, 'Самара — столица талантов 2036');
  });

  it('a reload right after typing loses nothing', async () => {
    await typeMotto(dina.page, 'Вместе к 2036');
    await dina.page.reload();
    await connected(dina.page).waitFor();
    await waitForMotto(dina.page, 'Вместе к 2036');
    await waitForMotto(gleb.page, 'Вместе к 2036');
  });

  it('edits made offline survive closing the tab before the device reconnects', async () => {
    const { context } = gleb;
    const teamUrl = gleb.page.url();
    await context.setOffline(true);
    await gleb.page.getByRole('status', { name: 'Соединение' }).filter({ hasText: 'Нет сети' }).waitFor();
    await typeMotto(gleb.page, 'Написано в метро');
    // The tab closes while offline: the edit never reached the server, only this device's copy holds it.
    await gleb.page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
    await gleb.page.close();
    await context.setOffline(false);
    const page = await context.newPage();
    await page.goto(teamUrl);
    await connected(page).waitFor();
    await waitForMotto(dina.page, 'Написано в метро');
    await waitForMotto(page, 'Написано в метро');
  });

  it('nothing broke in any page', () => {
    for (const person of [facilitator, gleb, dina]) expect(unexpectedProblems(person)).toEqual([]);
  });
});
