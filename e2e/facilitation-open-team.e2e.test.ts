/**
 * Journey: from the control room the facilitator opens a team («Открыть» on its card) and lands in that team's
 * workspace with full rights: she edits one of the team's notes and the participant working there sees the change,
 * and she finds her way back to the control room. Real server process, real Chromium per person, Russian interface.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LAPTOP, launchPerson, screenshot, type Person } from './support/browser.js';
import { reportFailure } from './support/failures.js';
import {
  connected,
  controlTeamCard,
  joinThroughUi,
  openControlRoom,
  openDemoAsFacilitator,
  teamHeading,
} from './support/journeys.js';
import { startServer, type RunningServer } from './support/server.js';

const ZHIGULI = 'Команда «Жигули»';
const NOTE = 'Коворкинги в каждом районе';

function note(page: Page, text: string) {
  return page.getByRole('article', { name: new RegExp(`^Заметка: ${text}`) });
}

describe('facilitation: the control room opens a team with full rights', () => {
  let server: RunningServer;
  let facilitator: Person;
  let dmitry: Person;
  let sessionId = '';

  beforeAll(async () => {
    server = await startServer();
    [facilitator, dmitry] = await Promise.all([
      launchPerson('facilitator', { viewport: LAPTOP }),
      launchPerson('dmitry', { viewport: LAPTOP }),
    ]);
    const demo = await openDemoAsFacilitator(facilitator.page, server.baseUrl);
    sessionId = demo.sessionId;
    await joinThroughUi(dmitry.page, demo.joinLink, 'Дмитрий Волков', ZHIGULI);
    await openControlRoom(facilitator.page, sessionId);
  }, 120_000);

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await reportFailure('open-team', [facilitator, dmitry], server);
  });

  afterAll(async () => {
    await Promise.allSettled([facilitator?.close(), dmitry?.close()]);
    await server?.stop();
  });

  it('«Открыть» leads into the team’s board, where the facilitator’s edit reaches the team', async () => {
    const { page } = facilitator;
    await controlTeamCard(page, ZHIGULI)
      .getByRole('link', { name: `Открыть команду «${ZHIGULI}»` })
      .click();
    await page.waitForURL(new RegExp(`/s/${sessionId}/team/[a-z0-9]+(/board)?$`));
    await teamHeading(page, ZHIGULI).waitFor();
    await connected(page).waitFor();
    expect(new URL(page.url()).pathname).toContain(new URL(dmitry.page.url()).pathname.replace(/\/board$/, ''));

    await note(page, NOTE).dblclick();
    const editor = page.getByRole('textbox', { name: 'Текст заметки' });
    await editor.waitFor();
    await editor.press('End');
    await editor.pressSequentially(' и в сёлах', { delay: 15 });
    await editor.press('Escape');
    await note(dmitry.page, `${NOTE} и в сёлах`).waitFor();
    await screenshot(page, 'facilitator-in-team-board');

    // The way back to the control room is on the page.
    await page
      .getByRole('link', { name: /Пульт фасилитатора/ })
      .first()
      .click();
    await page.waitForURL(new RegExp(`/s/${sessionId}/control$`));
    await controlTeamCard(page, ZHIGULI).waitFor();
  });
});
