/**
 * Renders PDFs (pdfmake) and Word files (docx) in worker threads, so a report of a big session never stalls the event
 * loop that relays everyone's live edits: a session of 10 teams × 200 notes × 20 initiatives costs seconds of CPU in
 * either format (pdfmake about 1 s per 1000 paragraphs; docx builds and serialises its whole XML synchronously).
 *
 * Word files and board pictures get a fresh worker per job. PDFs run on warm threads kept between exports
 * (`pdfWorkerPool.ts`): a fresh one spent a third of a big report's CPU on loading and JIT warm-up. The PDF worker
 * code is a small CommonJS script given as a string (`eval`), so it runs the same from TypeScript sources in tests
 * and from the build.
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
import { buildPdfJob } from './pdfDefinition.js';
import type { PdfJob } from './pdfDefinition.js';
import { PdfWorkerPool } from './pdfWorkerPool.js';
import { pngSize } from './pngEncode.js';
import { renderDocx } from './renderDocx.js';
import type { Report } from './report.js';
import { serializeReport, transferables } from './reportTransfer.js';

const require = createRequire(import.meta.url);

/**
 * V8's default (0). Larger young generations (48, 96, 192 MB) were tried with `bench/export/pdfLayout.mjs`: warm
 * renders took the same CPU within the noise (≈ 2.1 s), and a bigger young generation only holds more memory.
 */
const PDF_YOUNG_GENERATION_MB = 0;

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

/**
 * A compiled module for a worker (`docxWorker.js`, `boardWorker.js`, `pdfDefinition.js` beside this module in the
 * build). Running from TypeScript sources (the unit and integration tests) there is none, and the work runs
 * in-process; the browser tests and the benchmark run the build.
 */
function workerEntry(name: 'docxWorker' | 'boardWorker' | 'pdfDefinition'): URL | null {
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
  /** Young-generation size of a PDF render thread (see `PdfPoolOptions.youngGenerationMb`). */
  pdfYoungGenerationMb?: number;
  /** A warm PDF thread nobody used for this long ends. */
  pdfIdleMs?: number;
}

export class RenderWorkers {
  readonly #maxConcurrent: number;
  readonly #timeoutMs: number;
  readonly #maxHeapMb: number;
  #running = 0;
  readonly #waiting: (() => void)[] = [];
  readonly #pdf: PdfWorkerPool;

  constructor(options: RenderWorkersOptions = {}) {
    this.#maxConcurrent = options.maxConcurrent ?? 2;
    this.#timeoutMs = options.timeoutMs ?? 120_000;
    this.#maxHeapMb = options.maxHeapMb ?? 1024;
    this.#pdf = new PdfWorkerPool({
      pdfmakePath: require.resolve('pdfmake'),
      fonts: robotoFiles(),
      timeoutMs: this.#timeoutMs,
      maxHeapMb: this.#maxHeapMb,
      youngGenerationMb: options.pdfYoungGenerationMb ?? PDF_YOUNG_GENERATION_MB,
      idleMs: options.pdfIdleMs ?? 5 * 60_000,
      definitionModule: workerEntry('pdfDefinition')?.href,
    });
  }

  /** A PDF of a definition built beforehand (tests, `bench/export/pdfLayout.mjs`). */
  pdf(job: PdfJob): Promise<Buffer> {
    return this.#queued(() => this.#pdf.render(job));
  }

  /**
   * The PDF of a report, defined in the render thread (`PdfReportJob`): the event loop only writes the report as
   * JSON, a slice at a time. From TypeScript sources the threads cannot load the definition code, and it is built
   * here.
   */
  async pdfOfReport(
    report: Report,
    footer: PdfJob['footer'],
    images: readonly (DocxImage | null)[] = [],
  ): Promise<Buffer> {
    if (!workerEntry('pdfDefinition')) return this.pdf(buildPdfJob(report, footer, images));
    const serialized = await serializeReport(report);
    return this.#queued(() =>
      this.#pdf.render({ report: serialized, footer, images: [...images] }, transferables(serialized)),
    );
  }

  /** Ends the warm PDF threads. */
  close(): Promise<void> {
    return this.#pdf.close();
  }

  async docx(report: Report, images: readonly (DocxImage | null)[] = []): Promise<Buffer> {
    const entry = workerEntry('docxWorker');
    if (!entry) return this.#queued(() => renderDocx(report, images));
    // As JSON text, written a slice at a time: cloning the report object would hold the event loop in one go.
    const serialized = await serializeReport(report);
    return this.#queued(() =>
      this.#run(
        new Worker(entry, {
          workerData: { report: serialized, images },
          transferList: transferables(serialized),
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
