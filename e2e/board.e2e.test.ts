/**
 * Journey: two participants of one team work on the image-of-the-future board at once, Anna on a laptop and Boris
 * on a phone-sized laptop window first, then on a phone. Notes made, edited, moved and deleted by one appear for
 * the other; both typing in one note converge; undo undoes only one's own change; hostile text stays text; a
 * reload keeps everything. Real server process, real Chromium per person, Russian interface.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedLargeBoard } from '../bench/board/largeBoard.js';
import { notesMap } from '../bench/board/shared.js';
import { createSession, join, openRoom, storedCredentials, type TestSession } from '../bench/board/roomClient.js';
import { reportFailure } from './support/failures.js';
import { LAPTOP, launchPerson, PHONE, screenshot, type Person } from './support/browser.js';
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
  await person.page.goto(`${server.baseUrl}/s/${session.sessionId}/team/${session.teamId}/board`);
  await person.page.getByRole('status', { name: 'Соединение' }).filter({ hasText: 'На связи' }).waitFor();
  await person.page.getByRole('region', { name: 'Раздел «Люди»' }).waitFor();
}

function note(page: Page, text: string | RegExp): Locator {
  return page.getByRole('article', { name: text instanceof RegExp ? text : new RegExp(`Заметка: ${text}`) });
}

async function boxOf(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not visible');
  return box;
}

/** Double-clicks an empty spot of the board at this offset from the viewport's top-left. */
async function doubleClickBoard(page: Page, x: number, y: number): Promise<void> {
  const viewport = await boxOf(page.getByTestId('board-viewport'));
  await page.mouse.dblclick(viewport.x + x, viewport.y + y);
}

describe('image-of-the-future board, two people', () => {
  let server: RunningServer;
  let anna: Person;
  let boris: Person;
  let session: TestSession;

  beforeAll(async () => {
    server = await startServer();
    session = await createSession(server.baseUrl, 'HR-бренд Самарской области — 2036');
    [anna, boris] = await Promise.all([
      launchPerson('anna', { viewport: LAPTOP }),
      launchPerson('boris', { viewport: LAPTOP }),
    ]);
    await enter(anna, server, session, ANNA);
    await enter(boris, server, session, BORIS);
  });

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    await reportFailure('board', [anna, boris], server);
  });

  afterAll(async () => {
    await Promise.allSettled([anna?.close(), boris?.close()]);
    await server?.stop();
  });

  it('opens with the template’s five sections', async () => {
    for (const title of ['Люди', 'Экономика и работа', 'Городская среда', 'Образование', 'Бренд региона']) {
      await boris.page.getByRole('region', { name: `Раздел «${title}»` }).waitFor();
    }
  });

  it('a note Anna makes and types shows for Boris, with her name, and her cursor and typing show too', async () => {
    await doubleClickBoard(anna.page, 640, 330);
    const editor = anna.page.getByRole('textbox', { name: 'Текст заметки' });
    await editor.waitFor();
    await editor.pressSequentially('Чистая Волга', { delay: 15 });
    await note(boris.page, 'Чистая Волга').waitFor();
    expect(await note(boris.page, 'Чистая Волга').textContent()).toContain(ANNA);
    await boris.page.getByText(`${ANNA} печатает…`).waitFor();
    await anna.page.mouse.move(700, 500);
    await anna.page.mouse.move(720, 520);
    await boris.page.getByTestId('remote-cursor').filter({ hasText: ANNA }).waitFor();
    await editor.press('Escape');
    await expect.poll(() => boris.page.getByText(`${ANNA} печатает…`).count()).toBe(0);
  });

  it('a note Anna moves moves for Boris', async () => {
    const before = await boxOf(note(boris.page, 'Чистая Волга'));
    const start = await boxOf(note(anna.page, 'Чистая Волга'));
    await anna.page.mouse.move(start.x + 40, start.y + 40);
    await anna.page.mouse.down();
    await anna.page.mouse.move(start.x + 140, start.y + 90, { steps: 8 });
    await anna.page.mouse.up();
    await expect.poll(async () => (await boxOf(note(boris.page, 'Чистая Волга'))).x - before.x).toBeGreaterThan(60);
  });

  it('two people typing in one note at once converge on the same text with both their words', async () => {
    const target = note(anna.page, 'Чистая Волга');
    await target.dblclick();
    const annaEditor = anna.page.getByRole('textbox', { name: 'Текст заметки' });
    await annaEditor.waitFor();
    await note(boris.page, 'Чистая Волга').dblclick();
    const borisEditor = boris.page.getByRole('textbox', { name: 'Текст заметки' });
    await borisEditor.waitFor();
    await annaEditor.press('End');
    await borisEditor.press('Home');
    await Promise.all([
      annaEditor.pressSequentially(' и чистый воздух', { delay: 20 }),
      borisEditor.pressSequentially('Зелёная ', { delay: 20 }),
    ]);
    const expected = 'Зелёная Чистая Волга и чистый воздух';
    await expect.poll(() => annaEditor.inputValue()).toBe(expected);
    await expect.poll(() => borisEditor.inputValue()).toBe(expected);
    await annaEditor.press('Escape');
    await borisEditor.press('Escape');
    await note(boris.page, expected).waitFor();
  });

  it('undo undoes only Anna’s own change, never Boris’s', async () => {
    // Anna recolours the note, Boris then adds a note; Anna's undo reverts her colour and leaves his note.
    await note(anna.page, 'Зелёная').click();
    await anna.page.getByRole('button', { name: 'Голубой' }).click();
    await expect.poll(() => note(boris.page, 'Зелёная').getAttribute('class')).toContain('note--blue');
    await doubleClickBoard(boris.page, 300, 420);
    await boris.page.getByRole('textbox', { name: 'Текст заметки' }).pressSequentially('Заметка Бориса');
    await boris.page.getByRole('textbox', { name: 'Текст заметки' }).press('Escape');
    await note(anna.page, 'Заметка Бориса').waitFor();
    await anna.page.getByRole('button', { name: 'Отменить' }).click();
    await expect.poll(() => note(boris.page, 'Зелёная').getAttribute('class')).toContain('note--yellow');
    expect(await note(anna.page, 'Заметка Бориса').count()).toBe(1);
    await anna.page.getByRole('button', { name: 'Вернуть' }).click();
    await expect.poll(() => note(boris.page, 'Зелёная').getAttribute('class')).toContain('note--blue');
  });

  it('hostile text is shown as text and never runs', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    await doubleClickBoard(anna.page, 1000, 380);
    const editor = anna.page.getByRole('textbox', { name: 'Текст заметки' });
    await editor.fill(hostile);
    await editor.press('Escape');
    await boris.page.getByText(hostile).waitFor();
    for (const page of [anna.page, boris.page]) {
      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('.board__world img, .board__world script').count()).toBe(0);
    }
  });

  it('a note Anna deletes disappears for Boris', async () => {
    await note(anna.page, 'Заметка Бориса').click();
    await anna.page.keyboard.press('Delete');
    await expect.poll(() => note(boris.page, 'Заметка Бориса').count()).toBe(0);
  });

  it('a reload keeps every note and section', async () => {
    await boris.page.reload();
    await boris.page.getByRole('region', { name: 'Раздел «Бренд региона»' }).waitFor();
    await note(boris.page, 'Зелёная Чистая Волга и чистый воздух').waitFor();
    expect(await boris.page.getByText('<script>', { exact: false }).count()).toBe(1);
    expect(await note(boris.page, 'Заметка Бориса').count()).toBe(0);
  });

  it('on a phone a participant adds and edits a note and moves around', async () => {
    await boris.close();
    boris = await launchPerson('boris-phone', { viewport: PHONE, mobile: true });
    await enter(boris, server, session, BORIS);
    await boris.page.getByRole('button', { name: 'Заметка', exact: true }).tap();
    const editor = boris.page.getByRole('textbox', { name: 'Текст заметки' });
    await editor.waitFor();
    await editor.fill('С телефона');
    await boris.page.getByRole('button', { name: 'Показать всё' }).tap();
    await note(anna.page, 'С телефона').waitFor();
    const zoom = boris.page.getByRole('status', { name: 'Масштаб' });
    const before = await zoom.textContent();
    await boris.page.getByRole('button', { name: 'Приблизить' }).tap();
    await expect.poll(() => zoom.textContent()).not.toBe(before);
    await screenshot(boris.page, 'board-phone');
  });

  it('a big board is readable on a laptop', async () => {
    const room = await openRoom(server.baseUrl, session.teamRoom, session.facilitatorToken);
    seedLargeBoard(room.doc, { notes: 300, sections: 6 });
    await expect.poll(() => anna.page.locator('.note').count(), { timeout: 20_000 }).toBeGreaterThan(20);
    expect(notesMap(room.doc).size).toBeGreaterThanOrEqual(300);
    room.close();
    await anna.page.getByRole('button', { name: 'Показать всё' }).click();
    await screenshot(anna.page, 'board-laptop-overview');
    for (let i = 0; i < 6; i++) await anna.page.getByRole('button', { name: 'Приблизить' }).click();
    await screenshot(anna.page, 'board-laptop-many');
  });

  it('nothing broke in any page', () => {
    expect(anna.problems).toEqual([]);
    expect(boris.problems).toEqual([]);
  });
});
