/**
 * The facilitator opens the demo, goes to the lobby and downloads the session's outcomes as a Word file through the
 * export dialog; the file is a real DOCX whose text carries the session's title.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipText, wordText, xmlProblem } from '../server/src/export/fileChecks.js';
import { LAPTOP, launchPerson, screenshot, type Person } from './support/browser.js';
import { reportFailure } from './support/journeys.js';
import { startServer, type RunningServer } from './support/server.js';

const DEMO_TITLE = 'Кадровый бренд Самарской области — 2036 (демо)';

let server: RunningServer;
let facilitator: Person;

beforeAll(async () => {
  server = await startServer();
  facilitator = await launchPerson('export-facilitator', { viewport: LAPTOP });
});

afterAll(async () => {
  await facilitator?.close();
  await server?.stop();
});

describe('exporting a session', () => {
  it('downloads the demo session as DOCX from the lobby', async () => {
    const { page } = facilitator;
    try {
      await page.goto(server.baseUrl + '/');
      await page.getByRole('button', { name: 'Открыть демо' }).click();
      await page.waitForURL(/\/s\/[a-z0-9]+\/team\/[a-z0-9]+/);
      await page.getByRole('heading', { level: 1, name: /Волга/ }).waitFor();
      await page.getByRole('button', { name: 'Выгрузить итоги сессии в файл' }).waitFor();
      await screenshot(page, 'export-team-header');
      await page.getByRole('link', { name: /Лобби/ }).click();
      await page.waitForURL(/\/s\/[a-z0-9]+\/lobby$/);
      await page.getByRole('heading', { level: 1, name: DEMO_TITLE }).waitFor();

      await screenshot(page, 'export-lobby');
      await page.getByRole('button', { name: 'Выгрузить итоги сессии в файл' }).click();
      const dialog = page.getByRole('dialog', { name: 'Экспорт итогов' });
      await dialog.waitFor();
      await dialog.getByRole('radio', { name: /Вся сессия/ }).check();
      await dialog.getByRole('radio', { name: /Word \(DOCX\)/ }).check();
      await screenshot(page, 'export-dialog');
      const downloading = page.waitForEvent('download');
      await dialog.getByRole('button', { name: 'Скачать' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe(`${DEMO_TITLE}.docx`);
      const file = await download.path();
      const parts = unzipText(new Uint8Array(await readFile(file)));
      for (const [name, xml] of parts) expect(xmlProblem(xml), name).toBeNull();
      expect(wordText(parts.get('word/document.xml') ?? '')).toContain(DEMO_TITLE);
      await dialog.getByText(/скачан/).waitFor();
      expect(facilitator.problems).toEqual([]);
    } catch (error) {
      await reportFailure([facilitator], server);
      throw error;
    }
  });
});
