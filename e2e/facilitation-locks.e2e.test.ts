/**
 * Journey: the facilitator closes editing for every team at once (before the presentations, say). Participants of
 * both teams see that it is closed and lose the editing controls; an edit one of them made offline before the lock
 * reached him is refused by the server: it never reaches anyone else, not even after a reload. Then, with everyone
 * still closed, the facilitator reopens one team so it can finish: only that team edits again. Reopening the other
 * team delivers the edit that waited on the device.
 * Real server process, real Chromium per person, Russian interface.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LAPTOP, launchPerson, PHONE, screenshot, type Person } from './support/browser.js';
import { reportFailure } from './support/failures.js';
import {
  connected,
  joinThroughUi,
  mottoField,
  openControlRoom,
  openDemoAsFacilitator,
  typeMotto,
  waitForMotto,
} from './support/journeys.js';
import { startServer, type RunningServer } from './support/server.js';

const VOLGA = 'Команда «Волга»';
const ZHIGULI = 'Команда «Жигули»';
const ZHIGULI_MOTTO = 'Учиться здесь, работать здесь, жить здесь';
const LOCKED = 'Фасилитатор закрыл редактирование';

function addNoteButton(page: Page) {
  return page.getByRole('button', { name: 'Заметка', exact: true });
}

describe('facilitation: closing editing for every team, then reopening one', () => {
  let server: RunningServer;
  let facilitator: Person;
  let anna: Person;
  let dmitry: Person;
  let sessionId = '';
  let teamPaths: Record<string, string> = {};

  beforeAll(async () => {
    server = await startServer();
    [facilitator, anna, dmitry] = await Promise.all([
      launchPerson('facilitator', { viewport: LAPTOP }),
      launchPerson('anna', { viewport: LAPTOP }),
      launchPerson('dmitry', { viewport: PHONE, mobile: true }),
    ]);
    const demo = await openDemoAsFacilitator(facilitator.page, server.baseUrl);
    sessionId = demo.sessionId;
    await joinThroughUi(anna.page, demo.joinLink, 'Анна Петрова', VOLGA);
    await joinThroughUi(dmitry.page, demo.joinLink, 'Дмитрий Волков', ZHIGULI);
    teamPaths = { [VOLGA]: new URL(anna.page.url()).pathname, [ZHIGULI]: new URL(dmitry.page.url()).pathname };
    await openControlRoom(facilitator.page, sessionId);
  }, 120_000);

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await reportFailure('locks', [facilitator, anna, dmitry], server);
  });

  afterAll(async () => {
    await Promise.allSettled([facilitator?.close(), anna?.close(), dmitry?.close()]);
    await server?.stop();
  });

  it('closing editing for all: both teams see it closed, and an offline edit is refused by the server', async () => {
    const { page } = facilitator;
    await mottoField(anna.page).waitFor();
    await mottoField(dmitry.page).waitFor();

    // Dmitry's phone loses the network, so the lock cannot reach it in time.
    await dmitry.context.setOffline(true);
    await dmitry.page.getByRole('status', { name: 'Соединение' }).filter({ hasText: 'Нет сети' }).waitFor();

    const all = page.getByRole('switch', { name: 'Закрыть редактирование для всех' });
    await all.click();
    await expect.poll(() => all.isChecked()).toBe(true);
    for (const team of [VOLGA, ZHIGULI]) {
      await expect
        .poll(() => page.getByRole('switch', { name: `Закрыть редактирование: ${team}` }).isChecked())
        .toBe(true);
    }
    await anna.page.getByText(LOCKED).waitFor();
    await expect.poll(() => mottoField(anna.page).count()).toBe(0);
    // The board offers nothing to add either.
    await expect.poll(() => addNoteButton(anna.page).count()).toBe(0);
    await screenshot(page, 'control-room-all-locked');

    // Offline, Dmitry still has the field and changes the motto; back online the server refuses it.
    await typeMotto(dmitry.page, 'Правка при закрытом редактировании');
    await dmitry.context.setOffline(false);
    await connected(dmitry.page).waitFor({ timeout: 20_000 });
    await dmitry.page.getByText(LOCKED).waitFor();
    await expect.poll(() => mottoField(dmitry.page).count()).toBe(0);
    // His device still shows his text: it says the edit was not accepted and waits there.
    await dmitry.page.getByText('сохранены на этом устройстве', { exact: false }).waitFor();
    await screenshot(dmitry.page, 'facilitation-all-locked-phone');

    // The facilitator opens «Жигули» in another tab: the refused edit is not there, nor after a reload.
    const tab = await facilitator.context.newPage();
    try {
      await tab.goto(server.baseUrl + teamPaths[ZHIGULI]);
      await connected(tab).waitFor();
      await waitForMotto(tab, ZHIGULI_MOTTO);
      await tab.reload();
      await connected(tab).waitFor();
      await waitForMotto(tab, ZHIGULI_MOTTO);
      // The card in the control room says the team is closed.
      await page
        .getByRole('region', { name: 'Команды' })
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { level: 3, name: ZHIGULI }) })
        .getByText('Закрыто', { exact: true })
        .waitFor();
    } finally {
      await tab.close();
    }
  });

  it('reopening one team while all are closed lets only that team edit', async () => {
    const { page } = facilitator;
    const volgaSwitch = page.getByRole('switch', { name: `Закрыть редактирование: ${VOLGA}` });
    await volgaSwitch.click();
    await expect.poll(() => volgaSwitch.isChecked()).toBe(false);
    expect(await page.getByRole('switch', { name: 'Закрыть редактирование для всех' }).isChecked()).toBe(false);
    expect(await page.getByRole('switch', { name: `Закрыть редактирование: ${ZHIGULI}` }).isChecked()).toBe(true);

    // Anna can edit again, and her edit reaches the facilitator's view of her team.
    await expect.poll(() => anna.page.getByText(LOCKED).count()).toBe(0);
    await addNoteButton(anna.page).waitFor();
    await typeMotto(anna.page, 'Волга дописывает после открытия');
    const tab = await facilitator.context.newPage();
    try {
      await tab.goto(server.baseUrl + teamPaths[VOLGA]);
      await connected(tab).waitFor();
      await waitForMotto(tab, 'Волга дописывает после открытия');
    } finally {
      await tab.close();
    }

    // «Жигули» stays closed.
    await dmitry.page.getByText(LOCKED).waitFor();
    expect(await mottoField(dmitry.page).count()).toBe(0);
    await screenshot(page, 'control-room-one-reopened');
  });
  it('reopening the other team delivers the edit its device kept, as the notice promised', async () => {
    const { page } = facilitator;
    const zhiguliSwitch = page.getByRole('switch', { name: `Закрыть редактирование: ${ZHIGULI}` });
    await zhiguliSwitch.click();
    await expect.poll(() => zhiguliSwitch.isChecked()).toBe(false);
    await expect.poll(() => dmitry.page.getByText(LOCKED).count()).toBe(0);
    await mottoField(dmitry.page).waitFor();
    const tab = await facilitator.context.newPage();
    try {
      await tab.goto(server.baseUrl + teamPaths[ZHIGULI]);
      await connected(tab).waitFor();
      await waitForMotto(tab, 'Правка при закрытом редактировании');
    } finally {
      await tab.close();
    }
  });
});
