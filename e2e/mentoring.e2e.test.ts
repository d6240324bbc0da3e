/**
 * Journey: a mentor follows a team. She joins with the mentor link, picks the team and lands on her desk; she
 * comments on a note; the participant sees the badge and the thread and replies; the mentor sees the reply and
 * resolves it; she asks for changes on an initiative, and the participant sees «Нужны правки» with her words and
 * has no review control of his own. Real server, a Chromium context per person, Russian interface.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LAPTOP, launchPerson, screenshot, type Person } from './support/browser.js';
import { reportFailure } from './support/failures.js';
import { connected, joinThroughUi, unexpectedProblems } from './support/journeys.js';
import { startServer, type RunningServer } from './support/server.js';

const MENTOR = 'Ольга Наставникова';
const BORIS = 'Борис Смирнов';
const TEAM = 'Команда А';
const NOTE = 'Набережная для всех';
const INITIATIVE = 'Молодёжный IT-хаб';
const QUESTION = 'Что будет на набережной зимой?';
const ANSWER = 'Каток и ярмарка выходного дня';
const CHANGES = 'Добавьте показатели на 2030 год';

interface Created {
  sessionId: string;
  codes: { participant: string; mentor: string };
}

async function createSession(baseUrl: string): Promise<Created> {
  const response = await fetch(`${baseUrl}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Кадровый бренд Самарской области — 2036', teams: [TEAM, 'Команда Б'] }),
  });
  if (response.status !== 201) throw new Error(`create session: ${response.status}`);
  return (await response.json()) as Created;
}

function note(page: Page, text: string): Locator {
  return page.getByRole('article', { name: new RegExp(`Заметка: ${text}`) });
}

function panel(page: Page): Locator {
  return page.getByTestId('comments-panel');
}

/** A comment shown in a thread (not the same words still in a text box). */
function comment(scope: Page | Locator, text: string): Locator {
  return scope.getByRole('article', { name: 'Обсуждение' }).getByRole('listitem').filter({ hasText: text });
}

async function openInitiatives(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Инициативы' }).click();
  await page.getByRole('heading', { level: 2, name: 'Проектные инициативы' }).waitFor();
}

describe('mentoring: comments and reviews, a mentor and a participant', () => {
  let server: RunningServer;
  let mentor: Person;
  let boris: Person;
  let session: Created;

  beforeAll(async () => {
    server = await startServer();
    session = await createSession(server.baseUrl);
    [mentor, boris] = await Promise.all([
      launchPerson('mentor', { viewport: LAPTOP }),
      launchPerson('mentee', { viewport: LAPTOP }),
    ]);
    // Boris's team already has a note and an initiative when the mentor arrives.
    await joinThroughUi(boris.page, `${server.baseUrl}/join/${session.codes.participant}`, BORIS, TEAM);
    const viewport = await boris.page.getByTestId('board-viewport').boundingBox();
    await boris.page.mouse.dblclick(viewport!.x + 640, viewport!.y + 330);
    const editor = boris.page.getByRole('textbox', { name: 'Текст заметки' });
    await editor.pressSequentially(NOTE, { delay: 10 });
    await editor.press('Escape');
    await note(boris.page, NOTE).waitFor();
    await openInitiatives(boris.page);
    await boris.page.getByRole('button', { name: '+ Новая инициатива' }).click();
    await boris.page.getByLabel('Название новой инициативы').fill(INITIATIVE);
    await boris.page.getByRole('button', { name: 'Создать' }).click();
    await boris.page.getByRole('heading', { level: 2, name: INITIATIVE }).waitFor();
    await boris.page.getByRole('button', { name: /Ко всем инициативам/ }).click();
    await boris.page.getByRole('link', { name: 'Образ будущего' }).click();
    await note(boris.page, NOTE).waitFor();
  });

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    await reportFailure('mentoring', [mentor, boris], server);
  });

  afterAll(async () => {
    await Promise.allSettled([mentor?.close(), boris?.close()]);
    await server?.stop();
  });

  it('the mentor joins with the mentor link, picks the team and sees it on her desk', async () => {
    const { page } = mentor;
    await page.goto(`${server.baseUrl}/join/${session.codes.mentor}`);
    await page.getByLabel('Ваше имя').fill(MENTOR);
    await page.getByRole('checkbox', { name: TEAM }).check();
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL(/\/s\/[a-z0-9]+\/mentor$/);
    await page.getByRole('heading', { level: 1, name: 'Кабинет наставника' }).waitFor();
    const team = page.getByRole('region', { name: TEAM });
    await team.getByRole('link', { name: INITIATIVE }).waitFor();
    await team.getByText('Открытых обсуждений нет').waitFor();
    expect(await page.getByRole('region', { name: 'Команда Б' }).count()).toBe(0);
    await screenshot(page, 'mentoring-desk-laptop');
  });

  it('the mentor comments on a note, and the participant sees the badge and the thread', async () => {
    const { page } = mentor;
    await page.getByRole('link', { name: /Открыть пространство команды/ }).click();
    await connected(page).waitFor();
    await note(page, NOTE).click();
    await page.getByRole('button', { name: /^Комментарии/ }).click();
    await panel(page).waitFor();
    await panel(page).getByRole('textbox', { name: 'Новый комментарий' }).fill(QUESTION);
    await panel(page).getByRole('button', { name: 'Отправить' }).click();
    await comment(panel(page), QUESTION).waitFor();

    const badge = note(boris.page, NOTE).getByRole('button', { name: '1 открытое обсуждение' });
    await badge.waitFor();
    await badge.click();
    const thread = panel(boris.page);
    await comment(thread, QUESTION).waitFor();
    expect(await comment(thread, QUESTION).textContent()).toContain(MENTOR);
    await comment(thread, QUESTION).getByText('Ментор', { exact: true }).waitFor();
  });

  it('the participant replies, the mentor sees the reply and resolves the thread', async () => {
    const thread = panel(boris.page);
    await thread.getByRole('textbox', { name: 'Ответ' }).fill(ANSWER);
    await thread.getByRole('button', { name: 'Ответить' }).click();
    await comment(thread, ANSWER).waitFor();

    await comment(panel(mentor.page), ANSWER).waitFor();
    await screenshot(mentor.page, 'mentoring-thread-panel');
    await panel(mentor.page).getByRole('button', { name: 'Решено' }).click();
    // A resolved thread folds away; unfolded, it says who resolved it.
    await panel(mentor.page)
      .getByRole('button', { name: /1 решённое обсуждение/ })
      .click();
    await panel(mentor.page).getByText(`Решено · ${MENTOR}`).waitFor();
    // Resolved: no open thread is left on the note, so its badge goes.
    await expect
      .poll(() =>
        note(boris.page, NOTE)
          .getByRole('button', { name: /открыт/ })
          .count(),
      )
      .toBe(0);
    await thread.getByRole('button', { name: /1 решённое обсуждение/ }).waitFor();
  });

  it('the mentor asks for changes on an initiative; the participant sees «Нужны правки» and has no review control', async () => {
    const { page } = mentor;
    await panel(page).getByRole('button', { name: 'Закрыть' }).click();
    await openInitiatives(page);
    await page.getByRole('button', { name: `Открыть паспорт «${INITIATIVE}»` }).click();
    await page.getByRole('heading', { level: 2, name: INITIATIVE }).waitFor();
    await page.getByRole('button', { name: 'Попросить правки' }).click();
    await page.getByLabel('Что поправить').fill(CHANGES);
    await page.getByRole('button', { name: 'Попросить правки' }).click();
    await page.getByText(`Нужны правки: ${CHANGES}`).first().waitFor();

    await panel(boris.page).getByRole('button', { name: 'Закрыть' }).click();
    await openInitiatives(boris.page);
    await boris.page.getByText(`Нужны правки: ${CHANGES}`).waitFor();
    await boris.page.getByRole('button', { name: `Открыть паспорт «${INITIATIVE}»` }).click();
    await boris.page.getByRole('heading', { level: 3, name: 'Оценка наставника' }).waitFor();
    await boris.page.getByText(`Нужны правки: ${CHANGES}`).waitFor();
    expect(await boris.page.getByRole('button', { name: 'Попросить правки' }).count()).toBe(0);
    expect(await boris.page.getByRole('button', { name: /Одобрить/ }).count()).toBe(0);
    await screenshot(boris.page, 'mentoring-initiative-review');
  });

  it('from the team’s header the mentor goes back to her desk, which shows the review', async () => {
    const { page } = mentor;
    await page.getByRole('link', { name: 'Кабинет наставника' }).click();
    await page.waitForURL(/\/mentor$/);
    const team = page.getByRole('region', { name: TEAM });
    await team.getByText(`Нужны правки: ${CHANGES}`).waitFor();
    await screenshot(page, 'mentoring-desk-reviewed');
  });

  it('«Выбрать команды» adds a second team, and the desk shows both side by side', async () => {
    const { page } = mentor;
    await page.getByRole('button', { name: 'Выбрать команды' }).click();
    await page.getByRole('checkbox', { name: 'Команда Б' }).check();
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByRole('region', { name: 'Команда Б' }).getByText('Инициатив пока нет.').waitFor();
    await page.getByRole('region', { name: TEAM }).getByText(`Нужны правки: ${CHANGES}`).waitFor();
    await screenshot(page, 'mentoring-desk-two-teams');
  });

  it('nothing broke in any page', () => {
    expect(unexpectedProblems(mentor)).toEqual([]);
    expect(unexpectedProblems(boris)).toEqual([]);
  });
});
