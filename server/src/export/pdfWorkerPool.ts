/**
 * PDF render threads kept warm between exports. A fresh thread per PDF spent about a third of a big report's CPU
 * on being new: loading pdfmake, parsing the fonts, and running the layout code unoptimised until the JIT caught up
 * (the reference session: ≈ 3.9 s CPU in a fresh thread, ≈ 2.3 s in one that had laid out a report before).
 *
 * Reuse is safe because pdfmake's only per-document module state is its virtual file system, which only URL
 * fetching writes (every URL is denied) and which is emptied before each job anyway; fonts, table layouts and the
 * access policies are the same for every job. A thread that timed out, crashed or hit its heap limit is thrown away,
 * never reused, and idle threads end after `idleMs`, so a quiet server holds no render heap.
 */
import { Worker } from 'node:worker_threads';
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
      parentPort.postMessage({ id, ok: true, bytes }, [bytes.buffer]);
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

type Reply = { id: number; ok: true; bytes: Uint8Array } | { id: number; ok: false; message: string };

export class PdfWorkerPool {
  readonly #idle: Worker[] = [];
  readonly #timers = new Map<Worker, NodeJS.Timeout>();
  #nextId = 1;

  constructor(private readonly options: PdfPoolOptions) {}

  /**
   * Renders on an idle warm thread, or a new one; the caller bounds how many run at once. `transfer`: buffers of the
   * job moved to the thread rather than copied.
   */
  render(job: PdfJob | PdfReportJob, transfer: ArrayBuffer[] = []): Promise<Buffer> {
    const worker = this.#idle.pop() ?? this.#spawn();
    clearTimeout(this.#timers.get(worker));
    this.#timers.delete(worker);
    const id = this.#nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      let settled = false;
      const finish = (error: Error | null, bytes?: Uint8Array, healthy = true) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (healthy) this.#release(worker);
        else void worker.terminate();
        if (error) reject(error);
        else resolve(Buffer.from(bytes!.buffer, bytes!.byteOffset, bytes!.byteLength));
      };
      const onMessage = (reply: Reply) => {
        if (reply.id !== id) return;
        if (reply.ok) finish(null, reply.bytes);
        else finish(new Error(`PDF rendering failed: ${reply.message}`));
      };
      const onError = (error: Error) => finish(error, undefined, false);
      const onExit = (code: number) => finish(new Error(`PDF worker exited with code ${code}`), undefined, false);
      const timer = setTimeout(
        () => finish(new Error('PDF rendering timed out'), undefined, false),
        this.options.timeoutMs,
      );
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage({ id, job }, transfer);
    });
  }

  /** Warm threads waiting for a job. */
  get idleThreads(): number {
    return this.#idle.length;
  }

  /** Ends every idle thread (server shutdown, tests). */
  async close(): Promise<void> {
    const idle = this.#idle.splice(0);
    for (const worker of idle) clearTimeout(this.#timers.get(worker));
    this.#timers.clear();
    await Promise.all(idle.map((worker) => worker.terminate()));
  }

  #spawn(): Worker {
    const worker = new Worker(WORKER_SOURCE, {
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
    // An idle thread must not keep the process alive (tests, shutdown).
    worker.unref();
    return worker;
  }

  #release(worker: Worker): void {
    this.#idle.push(worker);
    const timer = setTimeout(() => {
      const index = this.#idle.indexOf(worker);
      if (index >= 0) this.#idle.splice(index, 1);
      this.#timers.delete(worker);
      void worker.terminate();
    }, this.options.idleMs);
    timer.unref();
    this.#timers.set(worker, timer);
  }
}
