/**
 * Journey: the facilitator puts one team's time map and then another team's roadmap on the projector in the hall,
 * while a timer runs. The projector shows exactly the chosen team's content (not the other team's), in type big
 * enough for the back row, says whose it is, and keeps the running timer in view.
 * Real server process, real Chromium per screen, Russian interface.
 */
import type { SessionView } from '@horizon/shared';
import { addCard, readTimeMap, yearRangeOf, yearsOf } from '@horizon/shared/timemap';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openRoom } from '../bench/board/roomClient.js';
import { LAPTOP, launchPerson, screenshot, type Person } from './support/browser.js';
import { reportFailure } from './support/failures.js';
import { openControlRoom, openDemoAsFacilitator, openProjectorThroughUi } from './support/journeys.js';
import { startServer, type RunningServer } from './support/server.js';

const VOLGA = 'Команда «Волга»';
const ZHIGULI = 'Команда «Жигули»';
const PROJECTOR_SCREEN = { width: 1920, height: 1080 } as const;
/** Smallest text a full-HD projector may show: about 1/45 of the screen's height, readable from the back rows. */
const MIN_PROJECTOR_TEXT_PX = 24;
/** The time map's cards are the densest text on the projector: they must stay bigger still, at any number of years. */
const MIN_TIMEMAP_TEXT_PX = 28;

async function fontSizePx(locator: Locator): Promise<number> {
  return locator.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
}

/** The timer's `m:ss` in seconds, or null while it shows no time. */
async function timerSeconds(page: Page): Promise<number | null> {
  const text = (await page.getByRole('timer').first().textContent()) ?? '';
  const match = /(\d+):(\d{2})/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

describe('facilitation: the projector follows the facilitator to a team’s time map and roadmap', () => {
  let server: RunningServer;
  let facilitator: Person;
  let projector: Person;
  let sessionId = '';

  beforeAll(async () => {
    server = await startServer();
    [facilitator, projector] = await Promise.all([
      launchPerson('facilitator', { viewport: LAPTOP }),
      launchPerson('projector', { viewport: PROJECTOR_SCREEN }),
    ]);
    const demo = await openDemoAsFacilitator(facilitator.page, server.baseUrl);
    sessionId = demo.sessionId;
    await openProjectorThroughUi(projector.page, server.baseUrl, demo.projectorCode);
    await openControlRoom(facilitator.page, demo.sessionId);
  }, 120_000);

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await reportFailure('projector-teams', [facilitator, projector], server);
  });

  afterAll(async () => {
    await Promise.allSettled([facilitator?.close(), projector?.close()]);
    await server?.stop();
  });

  it('shows the chosen team’s time map, in big type, with the running timer', async () => {
    const { page } = facilitator;
    await page.getByRole('button', { name: '5 мин', exact: true }).click();
    await page.getByRole('button', { name: 'Старт' }).click();
    await page.getByRole('button', { name: 'Пауза' }).waitFor();

    await page.getByRole('button', { name: `${ZHIGULI}: Карта времени` }).click();
    await expect
      .poll(() => page.getByRole('button', { name: `${ZHIGULI}: Карта времени` }).getAttribute('aria-pressed'))
      .toBe('true');
    const screen = projector.page;
    await screen.locator('[data-focus="timemap"]').waitFor();
    await screen.getByText(`${ZHIGULI} · Карта времени`).waitFor();
    const card = screen.getByText('Спрос на рабочие профессии', { exact: true }).first();
    await card.waitFor();
    // Only the chosen team: none of «Волга»'s cards.
    expect(await screen.getByText('Рост удалённой занятости').count()).toBe(0);
    // Read-only: nothing to add cards with.
    expect(await screen.getByRole('textbox').count()).toBe(0);
    await screen.getByRole('timer').waitFor();
    await screenshot(screen, 'projector-timemap-1920');
    expect(await fontSizePx(card)).toBeGreaterThanOrEqual(MIN_PROJECTOR_TEXT_PX);

    // The timer keeps running in the corner, in step with the control room.
    const timer = screen.getByRole('timer');
    await timer.waitFor();
    const [onProjector, inControlRoom] = await Promise.all([timerSeconds(screen), timerSeconds(page)]);
    expect(onProjector).toBeGreaterThan(4 * 60);
    expect(Math.abs((onProjector ?? 0) - (inControlRoom ?? 0))).toBeLessThanOrEqual(2);
    expect(await fontSizePx(timer)).toBeGreaterThanOrEqual(MIN_PROJECTOR_TEXT_PX);
  });

  it('shows the chosen team’s roadmap with its initiatives and steps, in big type', async () => {
    const { page } = facilitator;
    await page.getByRole('button', { name: `${VOLGA}: Дорожная карта` }).click();
    const screen = projector.page;
    await screen.locator('[data-focus="roadmap"]').waitFor();
    await screen.getByText(`${VOLGA} · Дорожная карта`).waitFor();
    const initiative = screen.getByText('Карьерный портал «Работа в Самарской области»', { exact: true }).first();
    await initiative.waitFor();
    await screen.getByText('Наставничество на производстве', { exact: true }).first().waitFor();
    await screen.getByText('Разработка и запуск портала').first().waitFor();
    expect(await screen.getByText('Летние школы профессий').count()).toBe(0);
    await screenshot(screen, 'projector-roadmap-1920');
    expect(await fontSizePx(initiative)).toBeGreaterThanOrEqual(MIN_PROJECTOR_TEXT_PX);

    // And to the other team's roadmap: the screen changes to its initiatives.
    await page.getByRole('button', { name: `${ZHIGULI}: Дорожная карта` }).click();
    await screen.getByText(`${ZHIGULI} · Дорожная карта`).waitFor();
    await screen.getByText('Летние школы профессий', { exact: true }).first().waitFor();
    expect(await screen.getByText('Карьерный портал «Работа в Самарской области»').count()).toBe(0);
    await screen.getByRole('timer').waitFor();
  });

  it('pages a time map with cards in every year, keeping its cards in type for the back row', async () => {
    const { page } = facilitator;
    // A team that has filled every year up to the horizon, written by a peer as the team's own devices would.
    const token = await page.evaluate(
      (key) => (JSON.parse(localStorage.getItem(key) ?? '{}') as { token?: string }).token ?? '',
      `horizon.session.${sessionId}`,
    );
    const response = await fetch(`${server.baseUrl}/api/sessions/${sessionId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const view = (await response.json()) as SessionView;
    const volga = view.teams.find((team) => team.name === VOLGA)!;
    const room = await openRoom(server.baseUrl, view.rooms.teams[volga.teamId]!, token);
    const years = yearsOf(yearRangeOf(view));
    const laneId = readTimeMap(room.doc).lanes[0]!.id;
    for (const year of years) {
      addCard(room.doc, { laneId, year, text: `Веха ${year} года`, createdBy: 'e2e' }, { range: yearRangeOf(view) });
    }

    await page.getByRole('button', { name: `${VOLGA}: Карта времени` }).click();
    const screen = projector.page;
    await screen.getByText(`${VOLGA} · Карта времени`).waitFor();
    const first = screen.getByText(`Веха ${years[0]} года`, { exact: true });
    await first.waitFor();
    room.close();
    const pageLabel = screen.getByTestId('timemap-page');
    await expect.poll(() => pageLabel.textContent()).toMatch(/ · 1 из 3$/);
    expect(await screen.locator('.pj-timemap thead th').count()).toBeLessThanOrEqual(4);
    expect(await screen.getByText(`Веха ${years[years.length - 1]} года`).count()).toBe(0);
    await screenshot(screen, 'projector-timemap-all-years-1920');
    expect(await fontSizePx(first)).toBeGreaterThanOrEqual(MIN_TIMEMAP_TEXT_PX);

    // The pages turn by themselves: the next years come up without anyone at the projector.
    await expect.poll(() => pageLabel.textContent(), { timeout: 20_000 }).toMatch(/ · 2 из 3$/);
    const later = screen.getByText(`Веха ${years[5]} года`, { exact: true });
    await later.waitFor();
    expect(await fontSizePx(later)).toBeGreaterThanOrEqual(MIN_TIMEMAP_TEXT_PX);
  });
});
