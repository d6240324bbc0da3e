/**
 * Journey: a facilitator opens the demo board and selects a note near the top of the canvas, first on a laptop, then
 * on a phone. The selection toolbar floats beside the note, never over it, and stays inside the canvas as she pans,
 * drags the note and zooms. Real server process, real Chromium per device, Russian interface.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LAPTOP, launchPerson, PHONE, screenshot, type Person } from './support/browser.js';
import { reportFailure } from './support/failures.js';
import { connected } from './support/journeys.js';
import { startServer, type RunningServer } from './support/server.js';

// The demo team's note at the top of «Городская среда», right under where the toolbar used to be fixed.
const NOTE = 'Набережная — 20 км непрерывного парка';

type Box = { x: number; y: number; width: number; height: number };

function note(page: Page): Locator {
  return page.getByRole('article', { name: new RegExp(`^Заметка: ${NOTE}`) });
}

function toolbar(page: Page): Locator {
  return page.getByRole('toolbar', { name: 'Действия с выделенным' });
}

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not visible');
  return box;
}

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y;
}

function within(inner: Box, outer: Box): boolean {
  const slack = 1;
  return (
    inner.x >= outer.x - slack &&
    inner.y >= outer.y - slack &&
    inner.x + inner.width <= outer.x + outer.width + slack &&
    inner.y + inner.height <= outer.y + outer.height + slack
  );
}

/** The toolbar clears the selected note and sits inside the canvas; returns both boxes for further checks. */
async function expectToolbarBesideNote(page: Page): Promise<{ bar: Box; selected: Box }> {
  const bar = await boxOf(toolbar(page));
  const selected = await boxOf(note(page));
  const canvas = await boxOf(page.getByTestId('board-viewport'));
  expect(overlap(bar, selected), `toolbar ${JSON.stringify(bar)} over note ${JSON.stringify(selected)}`).toBe(false);
  expect(within(bar, canvas), `toolbar ${JSON.stringify(bar)} outside canvas ${JSON.stringify(canvas)}`).toBe(true);
  return { bar, selected };
}

/** Home page → «Открыть демо» → the demo team's board, connected, with the note on it. */
async function openDemoBoard(page: Page, baseUrl: string): Promise<void> {
  await page.goto(baseUrl + '/');
  await page.getByRole('button', { name: 'Открыть демо' }).click();
  await page.waitForURL(/\/s\/[a-z0-9]+\/team\/[a-z0-9]+\/board$/);
  await connected(page).waitFor();
  await note(page).waitFor();
}

describe('board: the selection toolbar floats beside the selection', () => {
  let server: RunningServer;
  let laptop: Person | undefined;
  let phone: Person | undefined;

  beforeAll(async () => {
    server = await startServer();
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await reportFailure('board-toolbar', [laptop, phone], server);
  });

  afterAll(async () => {
    await Promise.allSettled([laptop?.close(), phone?.close()]);
    await server?.stop();
  });

  it('on a laptop it clears a note at the top of the canvas and follows pan, drag and zoom', async () => {
    laptop = await launchPerson('facilitator-laptop', { viewport: LAPTOP });
    const { page } = laptop;
    await openDemoBoard(page, server.baseUrl);
    await note(page).click();
    await toolbar(page).getByRole('button', { name: 'Удалить' }).waitFor();
    const first = await expectToolbarBesideNote(page);
    await screenshot(page, 'board-toolbar-laptop');

    // Panning moves note and toolbar together.
    const canvas = await boxOf(page.getByTestId('board-viewport'));
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
    await page.mouse.wheel(0, -120);
    await expect.poll(async () => (await boxOf(note(page))).y - first.selected.y).toBeGreaterThan(100);
    const panned = await expectToolbarBesideNote(page);
    expect(panned.bar.y - first.bar.y).not.toBe(0);

    // Dragging the note carries the toolbar along.
    const start = panned.selected;
    await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
    await page.mouse.down();
    await page.mouse.move(start.x + start.width / 2 - 200, start.y + start.height / 2 + 60, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => start.x - (await boxOf(note(page))).x).toBeGreaterThan(150);
    await expectToolbarBesideNote(page);

    // Zoomed in, the note grows: the toolbar still keeps off it while there is room.
    await page.getByRole('button', { name: 'Приблизить' }).click();
    await page.getByRole('button', { name: 'Приблизить' }).click();
    await expectToolbarBesideNote(page);
    await screenshot(page, 'board-toolbar-laptop-zoomed');

    // The toolbar's buttons still act on the selection.
    await toolbar(page).getByRole('button', { name: 'Голубой' }).click();
    await expect.poll(() => note(page).getAttribute('class')).toContain('note--blue');
    expect(laptop.problems).toEqual([]);
  });

  it('on a phone it wraps to the canvas width and still clears the selected note', async () => {
    phone = await launchPerson('facilitator-phone', { viewport: PHONE, mobile: true });
    const { page } = phone;
    await openDemoBoard(page, server.baseUrl);
    // The phone shows only part of the demo board: the URL's note anchor brings the note into view, selected.
    const id = await note(page).getAttribute('data-note-id');
    await page.goto(`${page.url()}#note-${id}`);
    await page.reload();
    await connected(page).waitFor();
    await note(page).tap();
    await toolbar(page).getByRole('button', { name: 'Удалить' }).waitFor();
    const { bar } = await expectToolbarBesideNote(page);
    expect(bar.width).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'board-toolbar-phone');
    expect(phone.problems).toEqual([]);
  });
});
