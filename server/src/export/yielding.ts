/**
 * Cutting work on the event loop into slices. The loop that runs an export also relays every room's live edits, so
 * no synchronous stretch of it may last longer than a few milliseconds: the export's reading and rendering run in
 * threads, and what little stays on the loop (gathering room states, writing a report handed in as an object to
 * JSON) is done in slices of about `SLICE_MS`, the loop turning (socket messages first) between them.
 *
 * Steps are written once, as generators that `yield` wherever a pause may come; `runNow` runs them straight through
 * (in a thread) and `runInSlices` pauses whenever a slice's time is used up, so both give the same result.
 */

/** Longest stretch of export work between two turns of the event loop, in milliseconds. */
export const SLICE_MS = 2;

export const yieldToEventLoop = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs steps to the end without pausing. */
export function runNow<T>(steps: Generator<void, T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** Runs steps, letting the event loop turn whenever a slice of `sliceMs` is used up. */
export async function runInSlices<T>(steps: Generator<void, T>, sliceMs = SLICE_MS): Promise<T> {
  let started = performance.now();
  let step = steps.next();
  while (!step.done) {
    if (performance.now() - started >= sliceMs) {
      await yieldToEventLoop();
      started = performance.now();
    }
    step = steps.next();
  }
  return step.value;
}
