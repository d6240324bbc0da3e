/**
 * The thread's side of `WarmThreadPool`: answers each `{ id, job }` with `{ id, ok, result }` or the error's message.
 * A failed job leaves the thread serving the next one.
 */
import { parentPort } from 'node:worker_threads';

export interface JobOutcome<Result> {
  result: Result;
  /** Buffers of the result moved to the caller rather than copied. */
  transfer?: ArrayBuffer[];
}

export function serveJobs<Job, Result>(handle: (job: Job) => JobOutcome<Result> | Promise<JobOutcome<Result>>): void {
  const port = parentPort;
  if (!port) throw new Error('serveJobs runs in a worker thread');
  port.on('message', ({ id, job }: { id: number; job: Job }) => {
    // Inside the promise chain, so a job that throws is answered like one that rejects.
    Promise.resolve()
      .then(() => handle(job))
      .then(
        ({ result, transfer }) => port.postMessage({ id, ok: true, result }, transfer ?? []),
        (error: unknown) =>
          port.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) }),
      );
  });
}
