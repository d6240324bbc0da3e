/**
 * Renders PDFs (pdfmake), Word files (docx) and board pictures (resvg) in worker threads, so a report of a big session
 * never stalls the event loop that relays everyone's live edits: a session of 10 teams × 200 notes × 20 initiatives
 * costs seconds of CPU in either format (pdfmake about 1 s per 1000 paragraphs; docx builds and serialises its whole
 * XML synchronously).
 *
 * The threads are kept warm between exports (`warmThreads.ts`) and can be started ahead of one (`warm`, when the
 * export dialog opens). The PDF thread's code is a small CommonJS script given as a string (`eval`), so it runs the
 * same from TypeScript sources in tests and from the build; the Word, picture and export threads need the build, and
 * from sources their work runs in-process (imported only then, so the event loop's heap never holds docx or Tiptap).
 *
 * pdfmake fetches images and fonts from URLs and local paths named in a document. Nothing user-written can name
 * one here, and the worker still denies every URL and every local file except the bundled Roboto fonts.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DocxImage } from './docxBody.js';
import type { PdfJob } from './pdfDefinition.js';
import { PdfWorkerPool } from './pdfWorkerPool.js';
import { WarmThreadPool } from './warmThreads.js';
import { pngSize } from './pngEncode.js';
import type { Report } from './report.js';
import type { ExportJob, ExportOutput } from './exportJob.js';
import { parseReport, serializeReport, transferables } from './reportTransfer.js';
import type { SerializedReport } from './reportTransfer.js';

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
function workerEntry(name: 'docxWorker' | 'boardWorker' | 'exportWorker' | 'pdfDefinition'): URL | null {
  const entry = new URL(`./${name}.js`, import.meta.url);
  return import.meta.url.endsWith('.js') && fs.existsSync(fileURLToPath(entry)) ? entry : null;
}

function asReport(report: Report | SerializedReport): Report {
  return 'head' in report ? parseReport(report) : report;
}

export interface RenderWorkersOptions {
  /** Renders at once; more wait their turn (the machines have two cores). */
  maxConcurrent?: number;
  /** A render still running after this is stopped. */
  timeoutMs?: number;
  /** Heap limit of one render. */
  maxHeapMb?: number;
  /** Young-generation size of a PDF render thread (see `PdfPoolOptions.youngGenerationMb`). */
  pdfYoungGenerationMb?: number;
  /** A warm render thread nobody used for this long ends. */
  idleMs?: number;
}

export class RenderWorkers {
  readonly #maxConcurrent: number;
  readonly #timeoutMs: number;
  readonly #maxHeapMb: number;
  #running = 0;
  readonly #waiting: (() => void)[] = [];
  readonly #pdf: PdfWorkerPool;
  /** Null when running from TypeScript sources: Word files and pictures are then made in-process. */
  readonly #docx: WarmThreadPool<{ report: SerializedReport; images: (DocxImage | null)[] }, Uint8Array> | null;
  readonly #boards: WarmThreadPool<{ svgs: string[]; fonts: string[] }, Uint8Array[]> | null;
  readonly #export: WarmThreadPool<ExportJob, ExportOutput> | null;

  constructor(options: RenderWorkersOptions = {}) {
    this.#maxConcurrent = options.maxConcurrent ?? 2;
    this.#timeoutMs = options.timeoutMs ?? 120_000;
    this.#maxHeapMb = options.maxHeapMb ?? 1024;
    const idleMs = options.idleMs ?? 5 * 60_000;
    this.#pdf = new PdfWorkerPool({
      pdfmakePath: require.resolve('pdfmake'),
      fonts: robotoFiles(),
      timeoutMs: this.#timeoutMs,
      maxHeapMb: this.#maxHeapMb,
      youngGenerationMb: options.pdfYoungGenerationMb ?? PDF_YOUNG_GENERATION_MB,
      idleMs,
      definitionModule: workerEntry('pdfDefinition')?.href,
    });
    this.#docx = this.#threads('docxWorker', 'DOCX', idleMs);
    this.#boards = this.#threads('boardWorker', 'Board picture', idleMs);
    this.#export = this.#threads('exportWorker', 'Export', idleMs);
  }

  /**
   * Starts the render threads an export needs, unless they are warm already: one Word or PDF thread and the picture
   * threads. Called when someone opens the export dialog, so the first export after a start does not pay for
   * loading the libraries.
   */
  warm(format: 'docx' | 'pdf'): void {
    this.#export?.warm(1);
    if (format === 'pdf') this.#pdf.warm(1);
    else this.#docx?.warm(1);
    this.#boards?.warm(this.#maxConcurrent);
  }

  /**
   * Reads the rooms' bytes and writes the text file or the report (`exportJob.ts`) in the export thread.
   * `transfer`: the job's room states that may be moved rather than copied.
   */
  exportJob(job: ExportJob, transfer: ArrayBuffer[] = []): Promise<ExportOutput> {
    const threads = this.#export;
    if (!threads) return this.#queued(async () => (await import('./exportJob.js')).runExportJob(job));
    return this.#queued(() => threads.run(job, transfer));
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
    report: Report | SerializedReport,
    footer: PdfJob['footer'],
    images: readonly (DocxImage | null)[] = [],
  ): Promise<Buffer> {
    if (!workerEntry('pdfDefinition')) {
      const { buildPdfJob } = await import('./pdfDefinition.js');
      return this.pdf(buildPdfJob(asReport(report), footer, images));
    }
    const serialized = 'head' in report ? report : await serializeReport(report);
    return this.#queued(() =>
      this.#pdf.render({ report: serialized, footer, images: [...images] }, transferables(serialized)),
    );
  }

  /** Ends the warm threads. */
  async close(): Promise<void> {
    await Promise.all([this.#pdf.close(), this.#docx?.close(), this.#boards?.close(), this.#export?.close()]);
  }

  /** A Word file of a report, or of one the export thread serialized already. */
  async docx(report: Report | SerializedReport, images: readonly (DocxImage | null)[] = []): Promise<Buffer> {
    const threads = this.#docx;
    if (!threads)
      return this.#queued(async () => (await import('./renderDocx.js')).renderDocx(asReport(report), images));
    // As JSON text, written a slice at a time: cloning the report object would hold the event loop in one go.
    const serialized = 'head' in report ? report : await serializeReport(report);
    const bytes = await this.#queued(() =>
      threads.run({ report: serialized, images: [...images] }, transferables(serialized)),
    );
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /**
   * Board pictures as opaque PNGs, in the order of `svgs`. The boards are split between at most `maxConcurrent`
   * workers, each rendering its share in turn: starting a worker and loading resvg costs more than a small board.
   */
  async boards(svgs: readonly string[]): Promise<DocxImage[]> {
    const fonts = Object.values(robotoFiles());
    const threads = this.#boards;
    if (!threads) {
      const { rasterizeBoard } = await import('./boardPng.js');
      return this.#queued(async () => svgs.map((svg) => rasterizeBoard(svg, fonts)));
    }
    const shares = Math.min(this.#maxConcurrent, svgs.length);
    const chunks = Array.from({ length: shares }, (_, i) => svgs.filter((_, j) => j % shares === i));
    const rendered = await Promise.all(chunks.map((chunk) => this.#queued(() => threads.run({ svgs: chunk, fonts }))));
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

  #threads<Job, Result>(
    name: 'docxWorker' | 'boardWorker' | 'exportWorker',
    what: string,
    idleMs: number,
  ): WarmThreadPool<Job, Result> | null {
    const entry = workerEntry(name);
    if (!entry) return null;
    return new WarmThreadPool<Job, Result>({
      what,
      spawn: () => new Worker(entry, { resourceLimits: { maxOldGenerationSizeMb: this.#maxHeapMb } }),
      timeoutMs: this.#timeoutMs,
      idleMs,
    });
  }
}
