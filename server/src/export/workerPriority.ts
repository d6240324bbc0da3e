/**
 * Lowers the calling worker thread's CPU priority. On Linux the nice value is per thread, so only the render thread
 * yields: when a two-core box is busy, the event loop that relays live edits gets the CPU first and a report takes
 * a little longer instead. Elsewhere (or without the right) it changes nothing, which is fine.
 */
import os from 'node:os';

/** Weight about a ninth of a normal thread's: enough for the event loop to win, not starved on a busy box. */
export const RENDER_NICENESS = 10;

export function lowerThisThreadsPriority(): void {
  try {
    os.setPriority(RENDER_NICENESS);
  } catch {
    // Not permitted or not supported: render at normal priority.
  }
}
