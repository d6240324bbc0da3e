/**
 * Render threads kept warm between jobs. A fresh thread per job spends much of a job on being new: starting the
 * isolate, loading its libraries (pdfmake and its fonts, docx, resvg) and running their code unoptimised until the
 * JIT catches up. Measured on the reference session: a PDF took ≈ 3.9 s of CPU in a fresh thread and ≈ 2.3 s in a
 * warm one; a Word file's render 450 → 140 ms; ten board pictures 880 → 600 ms of CPU.
 *
 * A thread that timed out, crashed or hit its heap limit is thrown away, never reused, and idle threads end after
 * `idleMs`, so a quiet server holds no render heap. Jobs go to a thread as `{ id, job }` and come back as
 * `{ id, ok, result }` or `{ id, ok: false, message }` (`serveJobs` in `threadJobs.ts` is the thread's side).
 */
import type { Worker } from 'node:worker_threads';

export interface WarmThreadOptions {
  /** What the threads make, for error messages ("PDF", "DOCX", "Board picture"). */
  what: string;
  /** Starts a thread. */
  spawn: () => Worker;
  /** A job still running after this is stopped, and its thread ended. */
  timeoutMs: number;
  /** An idle thread ends after this long. */
  idleMs: number;
}

type Reply<Result> = { id: number; ok: true; result: Result } | { id: number; ok: false; message: string };

export class WarmThreadPool<Job, Result> {
  readonly #idle: Worker[] = [];
  readonly #timers = new Map<Worker, NodeJS.Timeout>();
  #nextId = 1;

  constructor(private readonly options: WarmThreadOptions) {}

  /**
   * Runs a job on an idle warm thread, or a new one; the caller bounds how many run at once. `transfer`: buffers of
   * the job moved to the thread rather than copied.
   */
  run(job: Job, transfer: ArrayBuffer[] = []): Promise<Result> {
    const { what } = this.options;
    const worker = this.#idle.pop() ?? this.#spawn();
    clearTimeout(this.#timers.get(worker));
    this.#timers.delete(worker);
    const id = this.#nextId++;
    return new Promise<Result>((resolve, reject) => {
      let settled = false;
      const finish = (error: Error | null, result?: Result, healthy = true) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (healthy) this.#release(worker);
        else void worker.terminate();
        if (error) reject(error);
        else resolve(result!);
      };
      const onMessage = (reply: Reply<Result>) => {
        if (reply.id !== id) return;
        if (reply.ok) finish(null, reply.result);
        else finish(new Error(`${what} rendering failed: ${reply.message}`));
      };
      const onError = (error: Error) => finish(error, undefined, false);
      const onExit = (code: number) => finish(new Error(`${what} worker exited with code ${code}`), undefined, false);
      const timer = setTimeout(
        () => finish(new Error(`${what} rendering timed out`), undefined, false),
        this.options.timeoutMs,
      );
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage({ id, job }, transfer);
    });
  }

  /**
   * Starts threads up to `count` idle ones ahead of a job (the export dialog opening), so even the first export
   * after a start finds them loaded. A thread loads its libraries as soon as it starts.
   */
  warm(count: number): void {
    while (this.#idle.length < count) this.#release(this.#spawn());
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
    const worker = this.options.spawn();
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
