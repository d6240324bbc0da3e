/**
 * A newcomer opens the demo with one click and lands in a full workspace: notes on the board, a vision, a time map
 * and a dated initiative, all served by the real server from real documents.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { LAPTOP, launchPerson, screenshot, type Person } from './support/browser.js';
import { connected } from './support/journeys.js';
import { startServer, type RunningServer } from './support/server.js';

let server: RunningServer;
let visitor: Person;

beforeAll(async () => {
  server = await startServer();
  visitor = await launchPerson('demo-visitor', { viewport: LAPTOP });
});

afterAll(async () => {
  await visitor?.close();
  await server?.stop();
});

describe('the demo session', () => {
  it('opens from the home page into a filled workspace', async () => {
    const { page } = visitor;
    await page.goto(server.baseUrl + '/');
    await page.getByRole('button', { name: 'Открыть демо' }).click();
    await page.waitForURL(/\/s\/[a-z0-9]+\/team\/[a-z0-9]+\/board$/);
    await page.getByRole('heading', { level: 1, name: /Волга/ }).waitFor();
    await connected(page).waitFor();
    await page.getByText('Выпускники вузов остаются в регионе: 7 из 10').first().waitFor();
    await screenshot(page, 'demo-board-laptop');

    await page.getByRole('link', { name: 'Видение' }).click();
    await page.getByText('Самарская область в 2036 году').first().waitFor();
    await page.getByRole('link', { name: 'Инициативы' }).click();
    await page.getByText('Карьерный портал «Работа в Самарской области»').first().waitFor();
    await screenshot(page, 'demo-initiatives-laptop');
    await page.getByRole('link', { name: 'Карта времени' }).click();
    await page.getByText('Запуск карьерного портала региона').first().waitFor();
    await screenshot(page, 'demo-timemap-laptop');
  });
});
