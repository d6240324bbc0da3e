/**
 * Journey: in the demo session the facilitator leaves a question on one of «Волга»'s notes and approves one of its
 * initiatives, then opens the control room: «Волга»'s card counts the open thread and the approval, «Жигули»'s says
 * there is nothing yet. Real server process, real Chromium, Russian interface.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LAPTOP, launchPerson, screenshot, type Person } from './support/browser.js';
import { reportFailure } from './support/failures.js';
import { connected, controlTeamCard, openControlRoom } from './support/journeys.js';
import { startServer, type RunningServer } from './support/server.js';

const VOLGA = 'Команда «Волга»';
const ZHIGULI = 'Команда «Жигули»';
const NOTE = 'Набережная — 20 км непрерывного парка';
const INITIATIVE = 'Карьерный портал «Работа в Самарской области»';

async function openDemoBoard(page: Page, baseUrl: string): Promise<string> {
  await page.goto(baseUrl + '/');
  await page.getByRole('button', { name: 'Открыть демо' }).click();
  await page.waitForURL(/\/s\/[a-z0-9]+\/team\/[a-z0-9]+\/board$/);
  await connected(page).waitFor();
  return new URL(page.url()).pathname.split('/')[2]!;
}

describe('facilitation: the control room shows mentors’ threads and reviews per team', () => {
  let server: RunningServer;
  let facilitator: Person;
  let sessionId = '';

  beforeAll(async () => {
    server = await startServer();
    facilitator = await launchPerson('facilitator', { viewport: LAPTOP });
    sessionId = await openDemoBoard(facilitator.page, server.baseUrl);
  }, 120_000);

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await reportFailure('control-feedback', [facilitator], server);
  });

  afterAll(async () => {
    await facilitator?.close();
    await server?.stop();
  });

  it('counts a team’s open thread and approved initiative on its card, and nothing on the other’s', async () => {
    const { page } = facilitator;
    await page.getByRole('article', { name: new RegExp(`^Заметка: ${NOTE}`) }).click();
    await page.getByRole('button', { name: /^Комментарии/ }).click();
    const panel = page.getByTestId('comments-panel');
    await panel.getByRole('textbox', { name: 'Новый комментарий' }).fill('Откуда цифра 20 км?');
    await panel.getByRole('button', { name: 'Отправить' }).click();
    await panel.getByText('Откуда цифра 20 км?').first().waitFor();
    await panel.getByRole('button', { name: 'Закрыть' }).click();

    await page.getByRole('link', { name: 'Инициативы' }).click();
    await page.getByRole('button', { name: `Открыть паспорт «${INITIATIVE}»` }).click();
    await page.getByRole('heading', { level: 2, name: INITIATIVE }).waitFor();
    await page.getByRole('button', { name: /Одобрить/ }).click();
    await page.getByRole('button', { name: 'Одобрить', exact: true }).click();
    await page.getByText('Одобрено').first().waitFor();

    await page.goto(`${server.baseUrl}/s/${sessionId}/lobby`);
    await openControlRoom(page, sessionId);
    const volga = controlTeamCard(page, VOLGA);
    await volga.getByText('1 открытое обсуждение').waitFor();
    await volga.getByText('Одобрено: 1').waitFor();
    expect(await volga.getByText(/Нужны правки/).count()).toBe(0);
    const zhiguli = controlTeamCard(page, ZHIGULI);
    await zhiguli.getByText('Открытых обсуждений нет').waitFor();
    await zhiguli.getByText('Отзывов менторов нет').waitFor();
    await volga.scrollIntoViewIfNeeded();
    await screenshot(page, 'control-room-feedback');
    expect(facilitator.problems).toEqual([]);
  });
});
