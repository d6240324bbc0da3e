/**
 * A participant's view of the export dialog on a team page: the facilitator opens the demo, picks the team's board
 * as a picture and gets a real PNG of it.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngSize } from '../server/src/export/pngEncode.js';
import { LAPTOP, launchPerson, screenshot, type Person } from './support/browser.js';
import { reportFailure } from './support/journeys.js';
import { startServer, type RunningServer } from './support/server.js';

let server: RunningServer;
let facilitator: Person;

beforeAll(async () => {
  server = await startServer();
  facilitator = await launchPerson('export-board-png', { viewport: LAPTOP });
});

afterAll(async () => {
  await facilitator?.close();
  await server?.stop();
});

describe('exporting a board picture', () => {
  it('downloads the team board as PNG from the team page', async () => {
    const { page } = facilitator;
    try {
      await page.goto(server.baseUrl + '/');
      await page.getByRole('button', { name: 'Открыть демо' }).click();
      await page.waitForURL(/\/s\/[a-z0-9]+\/team\/[a-z0-9]+/);
      await page.getByRole('heading', { level: 1, name: /Волга/ }).waitFor();
      await page.getByRole('button', { name: 'Выгрузить итоги сессии в файл' }).click();
      const dialog = page.getByRole('dialog', { name: 'Экспорт итогов' });
      await dialog.waitFor();
      // The dialog opens with the page's team chosen; the whole session has no board picture.
      expect(await dialog.getByRole('radio', { name: /Волга/ }).isChecked()).toBe(true);
      await dialog.getByRole('radio', { name: /Доска команды \(PNG\)/ }).check();
      await screenshot(page, 'export-board-png-dialog');
      const downloading = page.waitForEvent('download');
      await dialog.getByRole('button', { name: 'Скачать' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/Волга.*\.png$/);
      const bytes = new Uint8Array(await readFile(await download.path()));
      const size = pngSize(bytes);
      expect(size?.width).toBe(1000);
      expect(size!.height).toBeGreaterThan(100);
      await dialog.getByText(/скачан/).waitFor();

      await dialog.getByRole('radio', { name: /Вся сессия/ }).check();
      expect(await dialog.getByRole('radio', { name: /Доска команды \(PNG\)/ }).isDisabled()).toBe(true);
      expect(facilitator.problems).toEqual([]);
    } catch (error) {
      await reportFailure([facilitator], server);
      throw error;
    }
  });
});
