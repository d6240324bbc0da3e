/**
 * Journey: a team turns its image of the future into a dated roadmap. Anna creates an initiative with an owner, a
 * mentor, a target indicator and steps; Boris sees it in the table and on the roadmap; dragging a bar changes the
 * step's dates for both; invalid dates are refused with a message; a reload keeps everything; the facilitator sees
 * every team's roadmap side by side. Real server, real Chromium per person, Russian interface.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reportFailure } from './support/failures.js';
import { LAPTOP, launchPerson, PHONE, screenshot, type Person } from './support/browser.js';
import { connected, createSessionThroughUi, joinThroughUi } from './support/journeys.js';
import { startServer, type RunningServer } from './support/server.js';

const ANNA = 'Анна Петрова';
const BORIS = 'Борис Смирнов';
const HUB = 'Молодёжный IT-хаб';
const START = new Date().getUTCFullYear();
const PILOT = { title: 'Пилот в Тольятти', start: `${START + 1}-03-01`, end: `${START + 1}-06-30` };
const SCALE = { title: 'Запуск в Самаре', start: `${START + 2}-01-01`, end: `${START + 3}-12-31` };

async function openInitiatives(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Инициативы' }).click();
  await page.getByRole('heading', { level: 2, name: 'Проектные инициативы' }).waitFor();
}

async function showView(page: Page, view: 'Карточки' | 'Таблица' | 'Дорожная карта' | 'Покрытие образа') {
  await page.getByRole('group', { name: 'Вид' }).getByRole('button', { name: view }).click();
}

/**
 * Fills a field of the shared document and leaves it (or presses Enter), which is when it is written. A date input
 * keeps Tab for moving between its day, month and year, so dates are committed with Enter.
 */
async function commit(field: Locator, value: string, key: 'Tab' | 'Enter' = 'Tab'): Promise<void> {
  await field.fill(value);
  await field.press(key);
}

function newStepForm(page: Page): Locator {
  return page.getByRole('form', { name: 'Новый шаг' });
}

async function fillStep(page: Page, step: { title: string; start: string; end: string }): Promise<void> {
  const form = newStepForm(page);
  await form.getByLabel('Шаг', { exact: true }).fill(step.title);
  await form.getByLabel('Начало', { exact: true }).fill(step.start);
  await form.getByLabel('Окончание', { exact: true }).fill(step.end);
  await form.getByRole('button', { name: 'Добавить шаг' }).click();
}

function bar(page: Page | Locator, title: string): Locator {
  return page.getByRole('button', { name: new RegExp(`^Шаг «${title}»`) });
}

async function stepDates(page: Page, title: string): Promise<[string, string]> {
  return [
    await page.getByLabel(`Начало: ${title}`, { exact: true }).inputValue(),
    await page.getByLabel(`Окончание: ${title}`, { exact: true }).inputValue(),
  ];
}

describe('initiatives and the roadmap, two people and the facilitator', () => {
  let server: RunningServer;
  let facilitator: Person;
  let anna: Person;
  let boris: Person;
  let sessionId = '';

  beforeAll(async () => {
    server = await startServer();
    [facilitator, anna, boris] = await Promise.all([
      launchPerson('ini-facilitator', { viewport: LAPTOP }),
      launchPerson('ini-anna', { viewport: LAPTOP }),
      launchPerson('ini-boris', { viewport: LAPTOP }),
    ]);
    const session = await createSessionThroughUi(facilitator.page, server.baseUrl, 'Самарская область — 2036');
    sessionId = session.sessionId;
    await joinThroughUi(anna.page, session.joinLink, ANNA, 'Команда 1');
    await joinThroughUi(boris.page, session.joinLink, BORIS, 'Команда 1');
    await openInitiatives(anna.page);
    await openInitiatives(boris.page);
  });

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    await reportFailure('initiatives', [facilitator, anna, boris], server);
  });

  afterAll(async () => {
    await Promise.allSettled([facilitator?.close(), anna?.close(), boris?.close()]);
    await server?.stop();
  });

  it('an initiative needs a title', async () => {
    const { page } = anna;
    await page.getByRole('button', { name: '+ Новая инициатива' }).click();
    await page.getByRole('button', { name: 'Создать' }).click();
    expect(await page.getByRole('alert').textContent()).toBe('Заполните поле');
    await page.getByLabel('Название новой инициативы').fill(HUB);
    await page.getByRole('button', { name: 'Создать' }).click();
    await page.getByRole('heading', { level: 2, name: HUB }).waitFor();
  });

  it('Anna fills the passport: owner, mentor, an indicator and two steps', async () => {
    const { page } = anna;
    await commit(page.getByLabel('Руководитель', { exact: true }), ANNA);
    await commit(page.getByLabel('Наставник', { exact: true }), 'Олег Иванов');
    await commit(page.getByLabel('Цель', { exact: true }), 'Молодые специалисты остаются в регионе');

    const indicator = page.getByRole('form', { name: 'Новый показатель' });
    await indicator.getByLabel('Показатель', { exact: true }).fill('Доля молодёжи, оставшейся в регионе');
    await indicator.getByLabel('Ед. изм.', { exact: true }).fill('%');
    await indicator.getByLabel('Базовое значение', { exact: true }).fill('61,5');
    await indicator.getByLabel('Целевое значение', { exact: true }).fill('75');
    await indicator.getByLabel('Год', { exact: true }).selectOption('2030');
    await indicator.getByRole('button', { name: 'Добавить показатель' }).click();
    expect(await page.getByLabel('Базовое значение: Доля молодёжи, оставшейся в регионе').inputValue()).toBe('61,5');

    await fillStep(page, PILOT);
    await fillStep(page, SCALE);
    expect(await stepDates(page, PILOT.title)).toEqual([PILOT.start, PILOT.end]);
    expect(await stepDates(page, SCALE.title)).toEqual([SCALE.start, SCALE.end]);

    const description = page.getByRole('textbox', { name: 'Описание' });
    await description.click();
    await description.pressSequentially('Площадка для стартапов и стажировок.', { delay: 5 });
    await screenshot(page, 'initiative-form-laptop');
  });

  it('invalid dates and an empty step title are refused with a message, and nothing is stored', async () => {
    const { page } = anna;
    const form = newStepForm(page);
    await fillStep(page, { title: 'Обратный шаг', start: `${START + 4}-05-01`, end: `${START + 4}-01-01` });
    await form.getByText('Окончание раньше начала').waitFor();
    await fillStep(page, { title: 'Слишком поздно', start: '2035-01-01', end: '2040-01-01' });
    await form.getByText(`Год вне горизонта сессии: ${START}–2036`).waitFor();
    await fillStep(page, { title: '', start: `${START + 4}-01-01`, end: `${START + 4}-02-01` });
    await form.getByText('Заполните поле').waitFor();
    await screenshot(page, 'initiative-form-invalid');

    // An edit of a stored step that would end before it starts is refused too, and the stored end stays.
    const end = page.getByLabel(`Окончание: ${PILOT.title}`, { exact: true });
    await commit(end, `${START + 1}-01-15`, 'Enter');
    await page.getByRole('listitem').filter({ has: end }).getByText('Окончание раньше начала').waitFor();
    await end.press('Escape');
    await boris.page.getByRole('button', { name: `Открыть паспорт «${HUB}»` }).click();
    expect(await stepDates(boris.page, PILOT.title)).toEqual([PILOT.start, PILOT.end]);
    expect(await boris.page.getByLabel(/^Шаг: /).count()).toBe(2);
    await boris.page.getByRole('button', { name: 'Ко всем инициативам' }).click();
  });

  it('Boris sees the initiative in the table and on the roadmap', async () => {
    const { page } = boris;
    await showView(page, 'Таблица');
    const table = page.getByRole('table', { name: 'Инициативы команды' });
    expect(await table.getByLabel(`Название: ${HUB}`).inputValue()).toBe(HUB);
    expect(await table.getByLabel(`Руководитель: ${HUB}`).inputValue()).toBe(ANNA);
    expect(await table.getByLabel(`Наставник: ${HUB}`).inputValue()).toBe('Олег Иванов');
    const row = table.getByRole('row').filter({ has: page.getByLabel(`Название: ${HUB}`) });
    expect((await row.getByRole('cell').allTextContents()).slice(4)).toEqual([
      '2',
      expect.stringContaining(String(START + 3)),
      '1',
    ]);
    await screenshot(page, 'initiatives-table-laptop');

    await showView(page, 'Дорожная карта');
    await bar(page, PILOT.title).waitFor();
    await bar(page, SCALE.title).waitFor();
    await page.getByRole('img', { name: /^Показатель «Доля молодёжи, оставшейся в регионе»: 75 % к 2030$/ }).waitFor();
    await screenshot(page, 'initiatives-roadmap-laptop');
  });

  it('dragging a bar two months later changes the step’s dates for both', async () => {
    const { page } = anna;
    await page.getByRole('button', { name: 'Ко всем инициативам' }).click();
    await showView(page, 'Дорожная карта');
    const pilot = bar(page, PILOT.title);
    const box = await pilot.boundingBox();
    const track = await pilot.locator('..').boundingBox();
    if (!box || !track) throw new Error('bar not visible');
    const monthPx = track.width / ((2036 - START + 1) * 12);
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + 10, y);
    await page.mouse.down();
    await page.mouse.move(box.x + 10 + monthPx, y, { steps: 4 });
    await page.mouse.move(box.x + 10 + 2 * monthPx, y, { steps: 4 });
    await page.mouse.up();

    const moved = [`${START + 1}-05-01`, `${START + 1}-08-30`];
    for (const person of [anna, boris]) {
      await person.page.getByRole('button', { name: `Открыть паспорт «${HUB}»` }).click();
      await expect.poll(() => stepDates(person.page, PILOT.title), { timeout: 15_000 }).toEqual(moved);
    }
  });

  it('a reload keeps the passport, the indicator, the steps and the description', async () => {
    const { page } = boris;
    await page.reload();
    await connected(page).waitFor();
    await openInitiatives(page);
    await page.getByRole('button', { name: `Открыть паспорт «${HUB}»` }).click();
    expect(await page.getByLabel('Руководитель', { exact: true }).inputValue()).toBe(ANNA);
    expect(await stepDates(page, PILOT.title)).toEqual([`${START + 1}-05-01`, `${START + 1}-08-30`]);
    expect(await page.getByLabel('Целевое значение: Доля молодёжи, оставшейся в регионе').inputValue()).toBe('75');
    await page.getByRole('textbox', { name: 'Описание' }).getByText('Площадка для стартапов и стажировок.').waitFor();
    await page.setViewportSize(PHONE);
    await screenshot(page, 'initiative-form-phone');
    await page.setViewportSize(LAPTOP);
  });

  it('the facilitator sees every team’s roadmap side by side', async () => {
    const { page } = facilitator;
    // The facilitator's token writes every team room: give team 2 an initiative from its workspace.
    await page.goto(`${server.baseUrl}/s/${sessionId}/lobby`);
    await page.getByRole('link', { name: 'Открыть страницу команды «Команда 2»' }).click();
    await connected(page).waitFor();
    await openInitiatives(page);
    await page.getByRole('button', { name: '+ Новая инициатива' }).click();
    await page.getByLabel('Название новой инициативы').fill('Бренд «Самара — город возможностей»');
    await page.getByRole('button', { name: 'Создать' }).click();
    await fillStep(page, { title: 'Исследование аудитории', start: `${START + 1}-02-01`, end: `${START + 1}-05-31` });
    await page.getByLabel('Шаг: Исследование аудитории').waitFor();

    await page.goto(`${server.baseUrl}/s/${sessionId}/initiatives`);
    await page.getByRole('heading', { level: 1, name: 'Инициативы всех команд' }).waitFor();
    const team1 = page.getByRole('region', { name: 'Команда 1' });
    const team2 = page.getByRole('region', { name: 'Команда 2' });
    await team1.getByRole('group', { name: HUB }).waitFor();
    await bar(team1, PILOT.title).waitFor();
    await team2.getByRole('group', { name: 'Бренд «Самара — город возможностей»' }).waitFor();
    await screenshot(page, 'initiatives-all-teams-laptop');
  });

  it('nothing broke in any page', () => {
    expect(anna.problems).toEqual([]);
    expect(boris.problems).toEqual([]);
    expect(facilitator.problems).toEqual([]);
  });
});
