/**
 * Board benchmark: a board of 2,000 notes in 10 sections, served by the built server, opened in headless Chromium.
 * Measures (1) open: navigation to the first notes on screen; (2) frame times while panning and zooming, from
 * requestAnimationFrame timestamps while synthetic wheel input drives the real handlers; (3) note latency: one
 * person's keystroke in a note until it is in the other person's DOM, both pages on this machine's clock.
 * Prints a summary and writes bench/results/board.json. Targets: open ≤ 1000 ms, frame p95 ≤ 20 ms, latency ≤ 100 ms.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LAPTOP, launchPerson, type Person } from '../../e2e/support/browser.js';
import { REPO_ROOT, startServer, type RunningServer } from '../../e2e/support/server.js';
import { seedLargeBoard } from './largeBoard.js';
import { createSession, join, openRoom, serverSees, storedCredentials, type TestSession } from './roomClient.js';
import { notesMap } from './shared.js';

const NOTES = 2000;
const SECTIONS = 10;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function summary(values: number[]) {
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    n: values.length,
    median: round(percentile(values, 50)),
    p95: round(percentile(values, 95)),
    max: round(Math.max(...values)),
  };
}

let server: RunningServer;
let session: TestSession;
const people: Person[] = [];

async function credentialsFor(page: Page, name: string) {
  const joined = await join(server.baseUrl, session, name);
  await page.goto(server.baseUrl + '/');
  await page.evaluate(
    ([key, value]) => localStorage.setItem(key!, value!),
    [`horizon.session.${session.sessionId}`, storedCredentials(joined, name)],
  );
}

beforeAll(async () => {
  server = await startServer();
  session = await createSession(server.baseUrl, 'Бенчмарк доски');
  const room = await openRoom(server.baseUrl, session.teamRoom, session.facilitatorToken);
  seedLargeBoard(room.doc, { notes: NOTES, sections: SECTIONS });
  await serverSees(server.baseUrl, session.teamRoom, session.facilitatorToken, (doc) => notesMap(doc).size >= NOTES);
  room.close();
});

afterAll(async () => {
  await Promise.allSettled(people.map((person) => person.close()));
  await server?.stop();
});

it('2,000 notes: open, pan and zoom, and a note typed by one shows for the other', async () => {
  const anna = await launchPerson('bench-anna', { viewport: LAPTOP });
  const boris = await launchPerson('bench-boris', { viewport: LAPTOP });
  people.push(anna, boris);
  await credentialsFor(anna.page, 'Анна');
  await credentialsFor(boris.page, 'Борис');
  const boardUrl = `${server.baseUrl}/s/${session.sessionId}/team/${session.teamId}/board`;

  // Warm the HTTP cache once, as a returning participant would have it; then measure a full open.
  await anna.page.goto(boardUrl);
  await anna.page.locator('.note').first().waitFor();
  const opens: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = Date.now();
    await anna.page.goto(boardUrl);
    await anna.page.locator('.note').first().waitFor();
    opens.push(Date.now() - started);
  }
  const mounted = await anna.page.locator('.note').count();

  const frames = (await anna.page.evaluate(async () => {
    const viewport = document.querySelector<HTMLElement>('[data-testid="board-viewport"]')!;
    const box = viewport.getBoundingClientRect();
    const deltas: number[] = [];
    let last = 0;
    const wheel = (init: WheelEventInit) =>
      viewport.dispatchEvent(
        new WheelEvent('wheel', {
          bubbles: true,
          cancelable: true,
          clientX: box.left + box.width / 2,
          clientY: box.top + box.height / 2,
          ...init,
        }),
      );
    await new Promise<void>((resolve) => {
      let frame = 0;
      const tick = (now: number) => {
        if (last) deltas.push(now - last);
        last = now;
        frame++;
        if (frame <= 240) wheel({ deltaX: Math.sin(frame / 20) * 40, deltaY: 30 });
        else if (frame <= 330) wheel({ deltaY: 40, ctrlKey: true });
        else if (frame <= 480) wheel({ deltaY: -40, ctrlKey: true });
        else if (frame <= 600) wheel({ deltaX: -35, deltaY: -20 });
        else return resolve();
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    return deltas;
  })) as number[];

  // Latency: Anna types into a note; Boris's page timestamps the moment the text is in his DOM.
  await anna.page.goto(boardUrl);
  await anna.page.locator('.note').first().waitFor();
  await boris.page.goto(boardUrl);
  await boris.page.locator('.note').first().waitFor();
  // A note fully on screen (the render window also mounts notes just outside it).
  const target = await anna.page.evaluate(() => {
    const screen = document.querySelector('[data-testid="board-viewport"]')!.getBoundingClientRect();
    const inside = [...document.querySelectorAll<HTMLElement>('.note')].find((note) => {
      const r = note.getBoundingClientRect();
      return r.left > screen.left && r.top > screen.top && r.right < screen.right - 200 && r.bottom < screen.bottom;
    });
    return inside?.dataset.noteId ?? null;
  });
  await anna.page.locator(`[data-note-id="${target}"]`).dblclick();
  const textarea = anna.page.getByRole('textbox', { name: 'Текст заметки' });
  await textarea.waitFor();
  const latencies: number[] = [];
  for (let i = 0; i < 30; i++) {
    const marker = `m${i}x`;
    const seen = boris.page.evaluate(
      ([id, text]) =>
        new Promise<number>((resolve) => {
          const check = () => {
            const element = document.querySelector(`[data-note-id="${id}"] .note__text`);
            if (element?.textContent?.includes(text!)) {
              observer.disconnect();
              resolve(Date.now());
            }
          };
          const observer = new MutationObserver(check);
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
          check();
        }),
      [target, marker],
    );
    await boris.page.waitForTimeout(30);
    const sentAt = await anna.page.evaluate((text) => {
      const element = document.querySelector<HTMLTextAreaElement>('.note__editor')!;
      element.value = `${element.value} ${text}`;
      const at = Date.now();
      element.dispatchEvent(new Event('input', { bubbles: true }));
      return at;
    }, marker);
    latencies.push((await seen) - sentAt);
  }

  const result = {
    notes: NOTES,
    sections: SECTIONS,
    openMs: summary(opens),
    notesMountedOnOpen: mounted,
    frameMs: summary(frames),
    latencyMs: summary(latencies),
    chromium: await anna.context.browser()?.version(),
    at: new Date().toISOString(),
  };
  const dir = path.join(REPO_ROOT, 'bench/results');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'board.json'), JSON.stringify(result, null, 2) + '\n');
  console.log(
    [
      `board bench: ${NOTES} notes in ${SECTIONS} sections`,
      `open:    median ${result.openMs.median} ms, p95 ${result.openMs.p95} ms (target ≤ 1000), ${mounted} notes mounted`,
      `frames:  median ${result.frameMs.median} ms, p95 ${result.frameMs.p95} ms, max ${result.frameMs.max} ms over ${result.frameMs.n} (target p95 ≤ 20)`,
      `latency: median ${result.latencyMs.median} ms, p95 ${result.latencyMs.p95} ms, max ${result.latencyMs.max} ms (target ≤ 100)`,
    ].join('\n'),
  );
  expect(anna.problems.concat(boris.problems)).toEqual([]);
});
