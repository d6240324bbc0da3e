/**
 * Cutting the export's main-thread work into slices. The event loop that runs an export also relays every room's
 * live edits, so no synchronous stretch of an export may last longer than a few milliseconds: work is done in
 * slices of about `SLICE_MS`, and the loop turns (socket messages first) between them.
 *
 * Steps are written once, as generators that `yield` wherever a pause may come; `runNow` runs them straight through
 * (tests, small in-process uses) and `runInSlices` pauses whenever a slice's time is used up, so both give the same
 * result.
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

/** `items.map(fn)` as steps: a pause may come after any item. */
export function* mapSteps<T, R>(items: readonly T[], fn: (item: T, index: number) => R): Generator<void, R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i++) {
    out.push(fn(items[i]!, i));
    yield;
  }
  return out;
}
