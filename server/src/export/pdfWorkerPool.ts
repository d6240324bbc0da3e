/**
 * PDF render threads kept warm between exports (`warmThreads.ts`). Reuse is safe because pdfmake's only per-document
 * module state is its virtual file system, which only URL fetching writes (every URL is denied) and which is emptied
 * before each job anyway; fonts, table layouts and the access policies are the same for every job.
 */
import { Worker } from 'node:worker_threads';
import { WarmThreadPool } from './warmThreads.js';
import type { PdfJob, PdfReportJob } from './pdfDefinition.js';

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
// The compiled pdfDefinition module, when the pool was given one: a job may then come as a report to define here.
const definitions = workerData.definitionModule ? import(workerData.definitionModule) : null;
// A module that fails to load fails each report job (below), not the thread.
if (definitions) definitions.catch(() => {});
function definedJob(job) {
  if (!job.report) return job;
  if (!definitions) throw new Error('a report job needs the compiled pdfDefinition module');
  return definitions.then((module) => module.pdfJobOf(job));
}
parentPort.on('message', ({ id, job }) => {
  Promise.resolve()
    .then(() => definedJob(job))
    .then(({ definition, footer }) => {
      // Nothing of an earlier document stays readable by this one.
      pdfmake.virtualfs.storage = {};
      definition.footer = (page, pages) =>
        page === 1
          ? null
          : { text: footer.page + ' ' + (page - 1) + ' ' + footer.of + ' ' + (pages - 1), alignment: 'center', fontSize: 8, color: '#6b7385', margin: [0, 20, 0, 0] };
      // A heading never ends a page: it moves to the next one with the text it introduces.
      definition.pageBreakBefore = (node, following) => Boolean(node.headlineLevel) && following.length === 0;
      return pdfmake.createPdf(definition).getBuffer();
    })
    .then((buffer) => {
      const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength).slice();
      parentPort.postMessage({ id, ok: true, result: bytes }, [bytes.buffer]);
    })
    .catch((error) => parentPort.postMessage({ id, ok: false, message: String((error && error.message) || error) }));
});
`;

export interface PdfPoolOptions {
  pdfmakePath: string;
  fonts: Record<string, string>;
  timeoutMs: number;
  maxHeapMb: number;
  /**
   * Young-generation size of a render thread, 0 for V8's default. pdfmake allocates an object per word, line and
   * style lookup, and a fifth of a render is garbage collection; the knob is here to measure that
   * (`bench/export/pdfLayout.mjs --young=MB`).
   */
  youngGenerationMb: number;
  /** An idle thread ends after this long. */
  idleMs: number;
  /**
   * URL of the compiled `pdfDefinition.js`, which the threads import to define report jobs (`PdfReportJob`) where
   * they render them; without it (running from TypeScript sources) only ready definitions can be rendered.
   */
  definitionModule?: string;
}

export class PdfWorkerPool {
  readonly #threads: WarmThreadPool<PdfJob | PdfReportJob, Uint8Array>;

  constructor(private readonly options: PdfPoolOptions) {
    this.#threads = new WarmThreadPool({
      what: 'PDF',
      spawn: () => this.#spawn(),
      timeoutMs: options.timeoutMs,
      idleMs: options.idleMs,
    });
  }

  /**
   * Renders on an idle warm thread, or a new one; the caller bounds how many run at once. `transfer`: buffers of the
   * job moved to the thread rather than copied.
   */
  async render(job: PdfJob | PdfReportJob, transfer: ArrayBuffer[] = []): Promise<Buffer> {
    const bytes = await this.#threads.run(job, transfer);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Starts threads up to `count` idle ones (see `WarmThreadPool.warm`). */
  warm(count: number): void {
    this.#threads.warm(count);
  }

  /** Warm threads waiting for a job. */
  get idleThreads(): number {
    return this.#threads.idleThreads;
  }

  /** Ends every idle thread (server shutdown, tests). */
  close(): Promise<void> {
    return this.#threads.close();
  }

  #spawn(): Worker {
    return new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        pdfmakePath: this.options.pdfmakePath,
        fonts: this.options.fonts,
        definitionModule: this.options.definitionModule,
      },
      resourceLimits: {
        maxOldGenerationSizeMb: this.options.maxHeapMb,
        // 0: V8's own default.
        ...(this.options.youngGenerationMb > 0 ? { maxYoungGenerationSizeMb: this.options.youngGenerationMb } : {}),
      },
      stdout: false,
      stderr: false,
    });
  }
}
