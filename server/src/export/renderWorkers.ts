/**
 * Renders PDFs (pdfmake) and Word files (docx) in worker threads, so a report of a big session never stalls the event
 * loop that relays everyone's live edits: a session of 10 teams × 200 notes × 20 initiatives costs seconds of CPU in
 * either format (pdfmake about 1 s per 1000 paragraphs; docx builds and serialises its whole XML synchronously).
 *
 * Each render gets a fresh worker: pdfmake keeps state (fonts, virtual files, policies) in a module singleton, and a
 * worker that is thrown away after one job cannot leak one report into the next. The worker code is a small CommonJS
 * script given as a string (`eval`), so it runs the same from TypeScript sources in tests and from the build.
 *
 * pdfmake fetches images and fonts from URLs and local paths named in a document. Nothing user-written can name
 * one here, and the worker still denies every URL and every local file except the bundled Roboto fonts.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PdfJob } from './pdfDefinition.js';
import { renderDocx } from './renderDocx.js';
import type { Report } from './report.js';

const require = createRequire(import.meta.url);

/** pdfmake's bundled Roboto: its glyphs cover Cyrillic, «», №, ₽ and —. */
export function robotoFiles(): Record<'normal' | 'bold' | 'italics' | 'bolditalics', string> {
  const dir = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'build', 'fonts', 'Roboto');
  return {
    normal: path.join(dir, 'Roboto-Regular.ttf'),
    bold: path.join(dir, 'Roboto-Medium.ttf'),
    italics: path.join(dir, 'Roboto-Italic.ttf'),
    bolditalics: path.join(dir, 'Roboto-MediumItalic.ttf'),
  };
}

const WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const pdfmake = require(workerData.pdfmakePath);
const fontFiles = new Set(Object.values(workerData.fonts));
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => fontFiles.has(file));
pdfmake.setFonts({ Roboto: workerData.fonts });
pdfmake.addTableLayouts({
  horizon: {
    hLineWidth: () => 0.5,
    vLineWidth: () => 0.5,
    hLineColor: () => '#c9cfdb',
    vLineColor: () => '#c9cfdb',
    paddingLeft: () => 4,
    paddingRight: () => 4,
    paddingTop: () => 3,
    paddingBottom: () => 3,
  },
});
const { definition, footer } = workerData.job;
definition.footer = (page, pages) =>
  page === 1
    ? null
    : { text: footer.page + ' ' + (page - 1) + ' ' + footer.of + ' ' + (pages - 1), alignment: 'center', fontSize: 8, color: '#6b7385', margin: [0, 20, 0, 0] };
// A heading never ends a page: it moves to the next one with the text it introduces.
definition.pageBreakBefore = (node, following) => Boolean(node.headlineLevel) && following.length === 0;
pdfmake
  .createPdf(definition)
  .getBuffer()
  .then((buffer) => {
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength).slice();
    parentPort.postMessage({ ok: true, bytes }, [bytes.buffer]);
  })
  .catch((error) => parentPort.postMessage({ ok: false, message: String((error && error.message) || error) }));
`;

/**
 * The compiled DOCX worker entry (`docxWorker.js` beside this module in the build). Running from TypeScript sources
 * (the unit and integration tests) there is none, and Word files render in-process; the browser tests run the build.
 */
function docxWorkerEntry(): URL | null {
  const entry = new URL('./docxWorker.js', import.meta.url);
  return import.meta.url.endsWith('.js') && fs.existsSync(fileURLToPath(entry)) ? entry : null;
}

type WorkerReply = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

export interface RenderWorkersOptions {
  /** Renders at once; more wait their turn (the machines have two cores). */
  maxConcurrent?: number;
  /** A render still running after this is stopped. */
  timeoutMs?: number;
  /** Heap limit of one render. */
  maxHeapMb?: number;
}

export class RenderWorkers {
  readonly #maxConcurrent: number;
  readonly #timeoutMs: number;
  readonly #maxHeapMb: number;
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(options: RenderWorkersOptions = {}) {
    this.#maxConcurrent = options.maxConcurrent ?? 2;
    this.#timeoutMs = options.timeoutMs ?? 120_000;
    this.#maxHeapMb = options.maxHeapMb ?? 1024;
  }

  pdf(job: PdfJob): Promise<Buffer> {
    return this.#queued(() =>
      this.#run(
        new Worker(WORKER_SOURCE, {
          eval: true,
          workerData: { pdfmakePath: require.resolve('pdfmake'), fonts: robotoFiles(), job },
          resourceLimits: { maxOldGenerationSizeMb: this.#maxHeapMb },
          stdout: false,
          stderr: false,
        }),
        'PDF',
      ),
    );
  }

  docx(report: Report): Promise<Buffer> {
    const entry = docxWorkerEntry();
    if (!entry) return this.#queued(() => renderDocx(report));
    return this.#queued(() =>
      this.#run(
        new Worker(entry, { workerData: { report }, resourceLimits: { maxOldGenerationSizeMb: this.#maxHeapMb } }),
        'DOCX',
      ),
    );
  }

  async #queued<T>(work: () => Promise<T>): Promise<T> {
    if (this.#running >= this.#maxConcurrent) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#running++;
    try {
      return await work();
    } finally {
      this.#running--;
      this.#waiting.shift()?.();
    }
  }

  #run(worker: Worker, what: string): Promise<Buffer> {
    return new Promise<Buffer>((resolve, reject) => {
      let settled = false;
      const finish = (error: Error | null, bytes?: Uint8Array) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        if (error) reject(error);
        else resolve(Buffer.from(bytes!.buffer, bytes!.byteOffset, bytes!.byteLength));
      };
      const timer = setTimeout(() => finish(new Error(`${what} rendering timed out`)), this.#timeoutMs);
      worker.once('message', (reply: WorkerReply) =>
        reply.ok ? finish(null, reply.bytes) : finish(new Error(`${what} rendering failed: ${reply.message}`)),
      );
      worker.once('error', (error) => finish(error));
      worker.once('exit', (code) => finish(new Error(`${what} worker exited with code ${code}`)));
    });
  }
}
