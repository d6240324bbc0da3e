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
import { rasterizeBoard } from './boardPng.js';
import type { DocxImage } from './docxBody.js';
import type { PdfJob } from './pdfDefinition.js';
import { pngSize } from './pngEncode.js';
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
// Only this thread yields the CPU (Linux nice values are per thread): live edits on the event loop come first.
try { require('node:os').setPriority(10); } catch {}
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
 * A compiled worker entry (`docxWorker.js`, `boardWorker.js` beside this module in the build). Running from
 * TypeScript sources (the unit and integration tests) there is none, and the work runs in-process; the browser tests
 * and the benchmark run the build.
 */
function workerEntry(name: 'docxWorker' | 'boardWorker'): URL | null {
  const entry = new URL(`./${name}.js`, import.meta.url);
  return import.meta.url.endsWith('.js') && fs.existsSync(fileURLToPath(entry)) ? entry : null;
}

type WorkerReply = { ok: true; bytes: Uint8Array; images?: Uint8Array[] } | { ok: false; message: string };

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

  docx(report: Report, images: readonly (DocxImage | null)[] = []): Promise<Buffer> {
    const entry = workerEntry('docxWorker');
    if (!entry) return this.#queued(() => renderDocx(report, images));
    return this.#queued(() =>
      this.#run(
        new Worker(entry, {
          workerData: { report, images },
          resourceLimits: { maxOldGenerationSizeMb: this.#maxHeapMb },
        }),
        'DOCX',
      ),
    );
  }

  /**
   * Board pictures as opaque PNGs, in the order of `svgs`. The boards are split between at most `maxConcurrent`
   * workers, each rendering its share in turn: starting a worker and loading resvg costs more than a small board.
   */
  async boards(svgs: readonly string[]): Promise<DocxImage[]> {
    const fonts = Object.values(robotoFiles());
    const entry = workerEntry('boardWorker');
    if (!entry) return this.#queued(async () => svgs.map((svg) => rasterizeBoard(svg, fonts)));
    const shares = Math.min(this.#maxConcurrent, svgs.length);
    const chunks = Array.from({ length: shares }, (_, i) => svgs.filter((_, j) => j % shares === i));
    const rendered = await Promise.all(
      chunks.map((chunk) =>
        this.#queued(() =>
          this.#run<Uint8Array[]>(
            new Worker(entry, {
              workerData: { svgs: chunk, fonts },
              resourceLimits: { maxOldGenerationSizeMb: this.#maxHeapMb },
            }),
            'Board picture',
            (reply) => reply.images ?? [],
          ),
        ),
      ),
    );
    return svgs.map((_, j) => {
      const png = rendered[j % shares]![Math.floor(j / shares)]!;
      const size = pngSize(png);
      if (!size) throw new Error('Board picture rendering gave no PNG');
      return { png, ...size };
    });
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

  #run<T = Buffer>(
    worker: Worker,
    what: string,
    read: (reply: WorkerReply & { ok: true }) => T = (reply) => {
      const bytes = reply.bytes;
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as T;
    },
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const finish = (error: Error | null, reply?: WorkerReply & { ok: true }) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        if (error) reject(error);
        else resolve(read(reply!));
      };
      const timer = setTimeout(() => finish(new Error(`${what} rendering timed out`)), this.#timeoutMs);
      worker.once('message', (reply: WorkerReply) =>
        reply.ok ? finish(null, reply) : finish(new Error(`${what} rendering failed: ${reply.message}`)),
      );
      worker.once('error', (error) => finish(error));
      worker.once('exit', (code) => finish(new Error(`${what} worker exited with code ${code}`)));
    });
  }
}
