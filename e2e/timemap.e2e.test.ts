/**
 * Journey: two participants of one team build the time map to the horizon together. A card placed by one appears
 * for the other in the same lane and year; dragging moves it between lanes and years for both; a link and a renamed
 * lane reach the other; each sees the other's cursor; a reload keeps everything. Real server, real Chromium per
 * person, Russian interface.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reportFailure } from './support/failures.js';
import { LAPTOP, launchPerson, PHONE, screenshot, type Person } from './support/browser.js';
import { connected, createSessionThroughUi, joinThroughUi } from './support/journeys.js';
import { startServer, type RunningServer } from './support/server.js';

const ANNA = 'Анна Петрова';
const BORIS = 'Борис Смирнов';
const START = new Date().getUTCFullYear();
const TREND = 'Удалённая работа из региона';
const INITIATIVE = 'Цифровой офис для молодёжи';

function card(page: Page, text: string, lane: string, year: number | string): Locator {
  return page.getByRole('button', { name: `${text} — ${lane}, ${year}`, exact: true });
}

function cell(page: Page, lane: string, year: number): Locator {
  return page.locator(`[data-cell][data-year="${year}"]`).filter({
    has: page.getByRole('button', { name: `Добавить карточку: ${lane}, ${year}` }),
  });
}

async function visibleBox(locator: Locator) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (!box) throw new Error('not visible');
  return box;
}

async function addCard(page: Page, lane: string, year: number, text: string): Promise<void> {
  await cell(page, lane, year).scrollIntoViewIfNeeded();
  await cell(page, lane, year).hover();
  await page.getByRole('button', { name: `Добавить карточку: ${lane}, ${year}` }).click();
  const input = page.getByRole('textbox', { name: `Текст новой карточки: ${lane}, ${year}` });
  await input.fill(text);
  await input.press('Enter');
}

async function openTimeMap(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Карта времени' }).click();
  await page.getByRole('heading', { level: 2, name: 'Карта времени' }).waitFor();
}

describe('time map, two people', () => {
  let server: RunningServer;
  let facilitator: Person;
  let anna: Person;
  let boris: Person;

  beforeAll(async () => {
    server = await startServer();
    [facilitator, anna, boris] = await Promise.all([
      launchPerson('tm-facilitator', { viewport: LAPTOP }),
      launchPerson('tm-anna', { viewport: LAPTOP }),
      launchPerson('tm-boris', { viewport: LAPTOP }),
    ]);
    const session = await createSessionThroughUi(facilitator.page, server.baseUrl, 'Самарская область — 2036');
    await joinThroughUi(anna.page, session.joinLink, ANNA, 'Команда 1');
    await joinThroughUi(boris.page, session.joinLink, BORIS, 'Команда 1');
    await openTimeMap(anna.page);
    await openTimeMap(boris.page);
  });

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    await reportFailure('timemap', [anna, boris], server);
  });

  afterAll(async () => {
    await Promise.allSettled([facilitator?.close(), anna?.close(), boris?.close()]);
    await server?.stop();
  });

  it('shows the template lanes across the years from the session start to the horizon', async () => {
    const grid = anna.page.getByRole('table', { name: 'Карта времени: полосы по годам' });
    // A row header holds the lane's title and its tools; the title is the first line.
    const lanes = await grid.getByRole('rowheader').allInnerTexts();
    expect(lanes.map((text) => text.split('\n')[0]!.trim())).toEqual([
      'Тренды',
      'Технологии',
      'Угрозы',
      'Возможности',
      'Инициативы',
    ]);
    const years = (await grid.getByRole('columnheader').allTextContents()).filter((text) => /^\d{4}$/.test(text));
    expect(years[0]).toBe(String(START));
    expect(years.at(-1)).toBe('2036');
  });

  it('a card placed by one appears for the other in the same lane and year', async () => {
    await addCard(anna.page, 'Тренды', START + 2, TREND);
    await card(boris.page, TREND, 'Тренды', START + 2).waitFor();
    expect(
      await cell(boris.page, 'Тренды', START + 2)
        .getByText(TREND)
        .count(),
    ).toBe(1);
  });

  it('dragging a card to another lane and year moves it for both', async () => {
    const target = await visibleBox(cell(boris.page, 'Возможности', START + 4));
    const source = await visibleBox(card(boris.page, TREND, 'Тренды', START + 2));
    await boris.page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
    await boris.page.mouse.down();
    await boris.page.mouse.move(target.x + target.width / 2, target.y + 20, { steps: 12 });
    await boris.page.mouse.up();
    await card(anna.page, TREND, 'Возможности', START + 4).waitFor();
    await card(boris.page, TREND, 'Возможности', START + 4).waitFor();
    expect(await card(anna.page, TREND, 'Тренды', START + 2).count()).toBe(0);
  });

  it('links one card to another; the other person sees the link', async () => {
    await addCard(anna.page, 'Инициативы', START + 6, INITIATIVE);
    await card(anna.page, TREND, 'Возможности', START + 4).click();
    const panel = anna.page.getByRole('complementary', { name: 'Карточка' });
    await panel.getByRole('combobox', { name: 'Связать с карточкой' }).selectOption({
      label: `${INITIATIVE} — Инициативы, ${START + 6}`,
    });
    await panel.getByRole('button', { name: 'Связать', exact: true }).click();
    await panel.getByText(`→ ${INITIATIVE}`).waitFor();

    await card(boris.page, INITIATIVE, 'Инициативы', START + 6).click();
    await boris.page.getByRole('complementary', { name: 'Карточка' }).getByText(`← ${TREND}`).waitFor();
    await boris.page.getByRole('button', { name: 'Закрыть' }).click();
    await screenshot(anna.page, 'timemap-laptop');
  });

  it('a renamed and a new lane reach the other person', async () => {
    await boris.page.getByRole('button', { name: 'Переименовать полосу «Угрозы»' }).click();
    const title = boris.page.getByRole('textbox', { name: 'Название полосы «Угрозы»' });
    await title.fill('Риски');
    await title.press('Enter');
    await boris.page.getByRole('button', { name: 'Добавить полосу' }).click();
    await boris.page.getByRole('textbox', { name: 'Название новой полосы' }).fill('Ресурсы');
    await boris.page.getByRole('button', { name: 'Сохранить' }).click();
    const lanes = anna.page.getByRole('rowheader');
    await lanes.filter({ hasText: 'Риски' }).waitFor();
    await lanes.filter({ hasText: 'Ресурсы' }).waitFor();
  });

  it('each sees where the other points', async () => {
    const target = await visibleBox(cell(anna.page, 'Технологии', START + 3));
    await anna.page.mouse.move(target.x + 10, target.y + 10);
    await anna.page.mouse.move(target.x + 30, target.y + 30, { steps: 5 });
    await boris.page.locator('.tm-cursor').filter({ hasText: ANNA }).waitFor();
  });

  it('a reload keeps cards, links and lanes', async () => {
    await boris.page.reload();
    await connected(boris.page).waitFor();
    await card(boris.page, TREND, 'Возможности', START + 4).waitFor();
    await boris.page.getByRole('rowheader').filter({ hasText: 'Риски' }).waitFor();
    await card(boris.page, TREND, 'Возможности', START + 4).click();
    await boris.page.getByRole('complementary', { name: 'Карточка' }).getByText(`→ ${INITIATIVE}`).waitFor();
    await boris.page.setViewportSize(PHONE);
    await screenshot(boris.page, 'timemap-phone');
  });

  it('nothing broke in any page', () => {
    expect(anna.problems).toEqual([]);
    expect(boris.problems).toEqual([]);
  });
});
