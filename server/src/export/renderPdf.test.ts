import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { exportFixture, FEEDBACK, fixtureSources, SPECIAL } from './exportFixture.js';
import { pdfFonts, pdfText } from './fileChecks.js';
import { buildReport } from './outline.js';
import { buildPdfJob } from './pdfDefinition.js';
import { PdfWorkerPool } from './pdfWorkerPool.js';
import { RenderWorkers, robotoFiles } from './renderWorkers.js';
import { buildExportModel } from './readModel.js';

const renderer = new RenderWorkers({ timeoutMs: 60_000 });
const footer = { page: 'Страница', of: 'из' };

function fixtureJob() {
  return buildPdfJob(buildReport(buildExportModel(fixtureSources(exportFixture(), { kind: 'session' }))), footer);
}

describe('PDF', async () => {
  const pdf = await renderer.pdf(fixtureJob());
  const text = pdfText(pdf);

  it('reads back the Cyrillic text, «», №, ₽ and — exactly', () => {
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const flat = text.replace(/[\s\u00a0]+/g, ' ');
    for (const expected of [
      'Кадровый бренд Самарской области — 2036 (демо)',
      'Итоги стратегической сессии',
      'Команда «Волга»',
      'Выпускники вузов остаются в регионе: 7 из 10',
      'Самарская область в 2036 году',
      'Карьерный портал «Работа в Самарской области»',
      SPECIAL,
      '12 000 000 ₽',
      'Страница 1 из',
      'Оценка наставника',
      `Нужны правки: ${FEEDBACK.changes}`,
      'Комментарии к заметкам',
      FEEDBACK.noteQuestion,
      FEEDBACK.noteAnswer,
    ]) {
      expect(flat).toContain(expected);
    }
  });

  it('embeds its fonts', () => {
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.embedded)).toBe(true);
    expect(fonts.some((f) => f.name.includes('Roboto'))).toBe(true);
  });
});

describe('PDF rendering policies', () => {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    res.end();
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fetches no URL a document names', async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const job = fixtureJob();
    (job.definition.content as unknown[]).push({ image: `http://127.0.0.1:${port}/tracker.png` });
    await expect(renderer.pdf(job)).rejects.toThrow();
    expect(requests).toEqual([]);
  });

  it('reads no local file but its fonts', async () => {
    const job = fixtureJob();
    const secret = fs.existsSync('/etc/hostname') ? '/etc/hostname' : '/etc/passwd';
    (job.definition.content as unknown[]).push({ image: secret });
    await expect(renderer.pdf(job)).rejects.toThrow();
  });

  it('renders in a worker thread: the event loop keeps turning', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    await renderer.pdf(fixtureJob());
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(3);
  });
});

describe('warm PDF threads', () => {
  it('serve one job after another, survive a refused document, and end when idle', async () => {
    const pool = new PdfWorkerPool({
      pdfmakePath: createRequire(import.meta.url).resolve('pdfmake'),
      fonts: robotoFiles(),
      timeoutMs: 60_000,
      maxHeapMb: 512,
      youngGenerationMb: 0,
      idleMs: 200,
    });
    expect(pdfText(await pool.render(fixtureJob()))).toContain('Итоги стратегической сессии');
    expect(pool.idleThreads).toBe(1);
    const refused = fixtureJob();
    (refused.definition.content as unknown[]).push({ image: '/etc/passwd' });
    await expect(pool.render(refused)).rejects.toThrow(/PDF rendering failed/);
    expect(pool.idleThreads).toBe(1);
    expect(pdfText(await pool.render(fixtureJob()))).toContain('Итоги стратегической сессии');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(pool.idleThreads).toBe(0);
    await pool.close();
  });
});
