/**
 * The facilitator opens the demo, goes to the lobby and downloads the session's outcomes as a Word file through the
 * export dialog; the file is a real DOCX whose text carries the session's title. The browser tests run the built
 * server, whose exports are read and rendered in threads (the unit and integration tests run the same code
 * in-process from the TypeScript sources): every format is fetched from it once more here.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateSessionResponse } from '@horizon/shared';
import {
  parseCsv,
  pdfFonts,
  pdfText,
  unzipText,
  wordText,
  xmlProblem,
  zipEntryNames,
} from '../server/src/export/fileChecks.js';
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

  it('reads and renders every format in the built server’s threads', async () => {
    const created = await fetch(`${server.baseUrl}/api/sessions/demo`, { method: 'POST' });
    const demo = (await created.json()) as CreateSessionResponse;
    const auth = { authorization: `Bearer ${demo.facilitatorToken}` };
    const prepared = await fetch(`${server.baseUrl}/api/sessions/${demo.sessionId}/export/prepare?format=pdf`, {
      method: 'POST',
      headers: auth,
    });
    expect(prepared.status).toBe(204);
    const get = async (query: string) => {
      const response = await fetch(`${server.baseUrl}/api/sessions/${demo.sessionId}/export?${query}`, {
        headers: auth,
      });
      expect(response.status, query).toBe(200);
      return new Uint8Array(await response.arrayBuffer());
    };
    const text = async (query: string) => new TextDecoder().decode(await get(query));
    const team = demo.teams[0]!;

    const docxBytes = await get('format=docx');
    const docx = unzipText(docxBytes);
    expect(wordText(docx.get('word/document.xml') ?? '')).toContain(DEMO_TITLE);
    // The board pictures, rasterised in the picture threads, are in the file.
    const media = zipEntryNames(docxBytes).filter((name) => name.startsWith('word/media/'));
    expect(media.length).toBe(demo.teams.length);
    const pdf = await get('format=pdf');
    expect(pdfText(pdf)).toContain('Кадровый бренд Самарской области');
    expect(pdfFonts(pdf).every((font) => font.embedded)).toBe(true);
    expect(await text('format=md')).toMatch(/^# Кадровый бренд Самарской области/m);
    expect(await text('format=html')).not.toMatch(/<script/i);
    expect(JSON.parse(await text('format=json')).session.title).toBe(DEMO_TITLE);
    expect(parseCsv(await text('format=csv')).length).toBeGreaterThan(1);
    expect(await text(`format=svg&team=${team.teamId}`)).toContain('<svg');
    expect([...(await get(`format=png&team=${team.teamId}`)).subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    const model = JSON.parse(await text(`format=json&team=${team.teamId}`)) as {
      teams: { initiatives: { id: string; title: string }[] }[];
    };
    const initiative = model.teams[0]!.initiatives[0]!;
    const passport = unzipText(await get(`format=docx&team=${team.teamId}&initiative=${initiative.id}`));
    expect(wordText(passport.get('word/document.xml') ?? '')).toContain(initiative.title);
    const missing = await fetch(
      `${server.baseUrl}/api/sessions/${demo.sessionId}/export?format=docx&team=${team.teamId}&initiative=nope`,
      { headers: auth },
    );
    expect(missing.status).toBe(404);
  });
});
