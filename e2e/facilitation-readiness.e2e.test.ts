/**
 * Journey: two teams work on the demo's first stage; a participant of each says «Мы готовы» when the team is done.
 * The facilitator's control room shows every team's readiness on its own card, live, and a team that takes its
 * mark back is shown working again. Real server process, real Chromium per person, Russian interface.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LAPTOP, launchPerson, PHONE, screenshot, type Person } from './support/browser.js';
import { reportFailure } from './support/failures.js';
import { controlTeamCard, joinThroughUi, openControlRoom, openDemoAsFacilitator } from './support/journeys.js';
import { startServer, type RunningServer } from './support/server.js';

const VOLGA = 'Команда «Волга»';
const ZHIGULI = 'Команда «Жигули»';

describe('facilitation: readiness of each team in the control room', () => {
  let server: RunningServer;
  let facilitator: Person;
  let anna: Person;
  let dmitry: Person;

  beforeAll(async () => {
    server = await startServer();
    [facilitator, anna, dmitry] = await Promise.all([
      launchPerson('facilitator', { viewport: LAPTOP }),
      launchPerson('anna', { viewport: LAPTOP }),
      launchPerson('dmitry', { viewport: PHONE, mobile: true }),
    ]);
    const demo = await openDemoAsFacilitator(facilitator.page, server.baseUrl);
    await joinThroughUi(anna.page, demo.joinLink, 'Анна Петрова', VOLGA);
    await joinThroughUi(dmitry.page, demo.joinLink, 'Дмитрий Волков', ZHIGULI);
    await openControlRoom(facilitator.page, demo.sessionId);
  }, 120_000);

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await reportFailure('readiness', [facilitator, anna, dmitry], server);
  });

  afterAll(async () => {
    await Promise.allSettled([facilitator?.close(), anna?.close(), dmitry?.close()]);
    await server?.stop();
  });

  it('each team’s «Мы готовы» shows on that team’s card only, live, and taking it back shows too', async () => {
    const { page } = facilitator;
    const volga = controlTeamCard(page, VOLGA);
    const zhiguli = controlTeamCard(page, ZHIGULI);
    for (const card of [volga, zhiguli]) await card.getByText('Работают', { exact: true }).waitFor();
    await page.getByText('Готовы: 0 из 2').waitFor();
    // Both participants see who is online in the cards too: the facilitator knows the rooms are live.
    await volga.getByText('1 в сети').waitFor();
    await zhiguli.getByText('1 в сети').waitFor();

    await dmitry.page.getByRole('button', { name: 'Мы готовы' }).click();
    await expect
      .poll(() => dmitry.page.getByRole('button', { name: 'Мы готовы' }).getAttribute('aria-pressed'))
      .toBe('true');
    await zhiguli.getByText('Готовы', { exact: true }).waitFor();
    await page.getByText('Готовы: 1 из 2').waitFor();
    expect(await volga.getByText('Работают', { exact: true }).count()).toBe(1);
    // Anna's team is not marked by another team's mark.
    expect(await anna.page.getByRole('button', { name: 'Мы готовы' }).getAttribute('aria-pressed')).toBe('false');

    await anna.page.getByRole('button', { name: 'Мы готовы' }).click();
    await volga.getByText('Готовы', { exact: true }).waitFor();
    await page.getByText('Готовы: 2 из 2').waitFor();
    // The cue to move on sits on the agenda, in view without scrolling down to the cards.
    const cue = page.getByTestId('agenda-ready');
    await cue.filter({ hasText: 'Готовых команд: 2 из 2' }).waitFor();
    expect(await cue.isVisible()).toBe(true);
    const box = await cue.boundingBox();
    expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(LAPTOP.height);
    await screenshot(page, 'control-room-two-teams-ready');

    // Dmitry's team takes it back: only its card goes back to working.
    await dmitry.page.getByRole('button', { name: 'Мы готовы' }).click();
    await zhiguli.getByText('Работают', { exact: true }).waitFor();
    await page.getByText('Готовы: 1 из 2').waitFor();
    await page.getByTestId('agenda-ready').filter({ hasText: 'Готовых команд: 1 из 2' }).waitFor();
    expect(await volga.getByText('Готовы', { exact: true }).count()).toBe(1);
    await expect
      .poll(() => dmitry.page.getByRole('button', { name: 'Мы готовы' }).getAttribute('aria-pressed'))
      .toBe('false');
  });

  it('readiness belongs to the stage: the next stage starts with every team working', async () => {
    const { page } = facilitator;
    await page.getByRole('button', { name: 'Далее' }).click();
    await anna.page.getByTestId('current-stage').filter({ hasText: 'Тренды' }).waitFor();
    await page.getByText('Готовы: 0 из 2').waitFor();
    for (const team of [VOLGA, ZHIGULI])
      await controlTeamCard(page, team).getByText('Работают', { exact: true }).waitFor();
    expect(await anna.page.getByRole('button', { name: 'Мы готовы' }).getAttribute('aria-pressed')).toBe('false');
    await screenshot(page, 'control-room-two-teams');
  });
});
