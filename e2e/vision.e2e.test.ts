/**
 * Journey: two participants write their team's vision together. Text typed by one appears for the other with the
 * writer's caret and name; undo takes back only one's own typing; unsafe links are refused and script-looking text
 * stays text; a mention of a board note opens that note on the board; a reload keeps the text.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSession, join, openRoom, storedCredentials, type TestSession } from '../bench/board/roomClient.js';
import { addNote } from '../bench/board/shared.js';
import { reportFailure } from './support/failures.js';
import { LAPTOP, launchPerson, screenshot, type Person } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

const ANNA = 'Анна Петрова';
const BORIS = 'Борис Смирнов';

async function enter(person: Person, server: RunningServer, session: TestSession, name: string): Promise<void> {
  const joined = await join(server.baseUrl, session, name);
  await person.page.goto(server.baseUrl + '/');
  await person.page.evaluate(
    ([key, value]) => localStorage.setItem(key!, value!),
    [`horizon.session.${session.sessionId}`, storedCredentials(joined, name)],
  );
  await person.page.goto(`${server.baseUrl}/s/${session.sessionId}/team/${session.teamId}/vision`);
  await person.page.getByRole('status', { name: 'Соединение' }).filter({ hasText: 'На связи' }).waitFor();
  await editor(person.page).waitFor();
}

function editor(page: Page) {
  return page.getByRole('textbox', { name: 'Текст видения' });
}

describe('vision text, two people', () => {
  let server: RunningServer;
  let anna: Person;
  let boris: Person;
  let session: TestSession;
  let noteId = '';

  beforeAll(async () => {
    server = await startServer();
    session = await createSession(server.baseUrl, 'HR-бренд Самарской области — 2036', 2036);
    const room = await openRoom(server.baseUrl, session.teamRoom, session.facilitatorToken);
    noteId = addNote(
      room.doc,
      { x: 100, y: 120, text: 'Чистая Волга', authorId: 'fac00001', authorName: 'Ведущий' },
      null,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    room.close();
    [anna, boris] = await Promise.all([
      launchPerson('anna', { viewport: LAPTOP }),
      launchPerson('boris', { viewport: LAPTOP }),
    ]);
    await enter(anna, server, session, ANNA);
    await enter(boris, server, session, BORIS);
  });

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    await reportFailure('vision', [anna, boris]);
  });

  afterAll(async () => {
    await Promise.allSettled([anna?.close(), boris?.close()]);
    await server?.stop();
  });

  it('an empty vision invites a start with the session’s horizon year', async () => {
    const placeholder = await anna.page.locator('.vision__content p.is-editor-empty').getAttribute('data-placeholder');
    expect(placeholder).toBe('В 2036 году наш регион — …');
  });

  it('text Anna types appears for Boris, with her caret and name', async () => {
    await editor(anna.page).click();
    await anna.page.keyboard.type('В 2036 году наш регион — место, куда возвращаются.', { delay: 10 });
    await editor(boris.page).getByText('место, куда возвращаются').waitFor();
    await boris.page.locator('.collaboration-carets__label', { hasText: ANNA }).waitFor();
    await editor(boris.page).click();
    await boris.page.keyboard.press('Control+End');
    await anna.page.locator('.collaboration-carets__label', { hasText: BORIS }).waitFor();
    await screenshot(anna.page, 'vision-two-carets-laptop');
  });

  it('headings, lists and bold work from the toolbar and reach the other person', async () => {
    await editor(anna.page).click();
    await anna.page.keyboard.press('Control+End');
    await anna.page.keyboard.press('Enter');
    await anna.page.getByRole('button', { name: 'Заголовок', exact: true }).click();
    await anna.page.keyboard.type('Люди');
    await anna.page.keyboard.press('Enter');
    await anna.page.getByRole('button', { name: 'Маркированный список' }).click();
    await anna.page.getByRole('button', { name: 'Полужирный' }).click();
    await anna.page.keyboard.type('Таланты остаются');
    await editor(boris.page).locator('h2', { hasText: 'Люди' }).waitFor();
    await editor(boris.page).locator('ul li strong', { hasText: 'Таланты остаются' }).waitFor();
  });

  it('undo takes back only Anna’s own typing, never Boris’s', async () => {
    // Typing more than the capture timeout apart makes separate undo steps.
    await anna.page.waitForTimeout(700);
    await anna.page.keyboard.type(' ААА');
    await anna.page.waitForTimeout(700);
    await editor(boris.page).click();
    await boris.page.keyboard.press('Control+End');
    await boris.page.keyboard.press('Enter');
    await boris.page.keyboard.type('Текст Бориса');
    await editor(anna.page).getByText('Текст Бориса').waitFor();
    await anna.page.getByRole('button', { name: 'Отменить' }).click();
    await expect.poll(() => editor(boris.page).textContent()).not.toContain('ААА');
    expect(await editor(boris.page).textContent()).toContain('Текст Бориса');
    expect(await editor(anna.page).textContent()).toContain('Таланты остаются');
  });

  it('script-looking text stays text, and a javascript: link is refused', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    await editor(anna.page).click();
    await anna.page.keyboard.press('Control+End');
    await anna.page.keyboard.press('Enter');
    await anna.page.keyboard.type(hostile);
    await editor(boris.page).getByText(hostile).waitFor();
    await anna.page.keyboard.press('Shift+Home');
    await anna.page.getByRole('button', { name: 'Ссылка' }).click();
    await anna.page.getByLabel('Адрес ссылки').fill('javascript:alert(1)');
    await anna.page.getByRole('button', { name: 'Применить' }).click();
    await anna.page.getByRole('alert').filter({ hasText: 'http, https или mailto' }).waitFor();
    await anna.page.getByLabel('Адрес ссылки').fill('https://samregion.ru');
    await anna.page.getByRole('button', { name: 'Применить' }).click();
    await editor(boris.page).locator('a[href="https://samregion.ru"]').waitFor();
    for (const page of [anna.page, boris.page]) {
      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
      // ProseMirror's own separator image (a caret hack) is the only image allowed.
      expect(await editor(page).locator('img:not(.ProseMirror-separator), script, a[href^="javascript"]').count()).toBe(
        0,
      );
    }
  });

  it('a mention of a board note opens that note on the board', async () => {
    await editor(anna.page).click();
    await anna.page.keyboard.press('Control+End');
    await anna.page.keyboard.press('Enter');
    await anna.page.keyboard.type('Главное — ');
    await anna.page.getByRole('button', { name: 'Заметка с доски' }).click();
    await anna.page.getByLabel('Найти заметку').fill('волга');
    await anna.page.getByRole('list', { name: 'Заметки доски' }).getByRole('button', { name: 'Чистая Волга' }).click();
    const mention = editor(boris.page).locator(`[data-note-id="${noteId}"]`);
    await mention.waitFor();
    expect(await mention.textContent()).toBe('@Чистая Волга');
    await mention.click();
    await boris.page.waitForURL(new RegExp(`/board#note-${noteId}$`));
    await expect
      .poll(() => boris.page.getByRole('article', { name: /Заметка: Чистая Волга/ }).getAttribute('aria-selected'))
      .toBe('true');
  });

  it('a reload keeps the text', async () => {
    await anna.page.reload();
    await editor(anna.page).getByText('место, куда возвращаются').waitFor();
    await editor(anna.page).getByText('Текст Бориса').waitFor();
  });

  it('nothing broke in any page', () => {
    expect(anna.problems).toEqual([]);
    expect(boris.problems).toEqual([]);
  });
});
