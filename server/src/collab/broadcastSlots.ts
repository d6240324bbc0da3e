/**
 * The broadcast slots busy rooms send their frames in (see updateOutbox.ts), shared by all rooms.
 *
 * A slot lasts 10 ms while the event loop has headroom, and 20 ms while it is loaded (busy for at least half of the
 * last second; back to 10 ms below 30 %). Under load, sends are most of the server's work and each busy room's
 * frames carry twice as many updates per send, so the load itself drops; a busy room's peers then see changes
 * 50 times a second instead of 100, which nobody in a workshop can tell apart. Quiet rooms never wait for a slot.
 */
import { performance as perfHooks } from 'node:perf_hooks';
import type { EventLoopUtilization } from 'node:perf_hooks';

// Utilization from perf_hooks; time from the global clock, which rooms use too (and tests may fake).
const eventLoopUtilization = perfHooks.eventLoopUtilization.bind(perfHooks);

export const SLOT_MS = 10;
export const LOADED_SLOT_MS = 20;
const LOADED_ABOVE = 0.5;
const UNLOADED_BELOW = 0.3;
const SAMPLE_EVERY_MS = 1000;

let slotMs = SLOT_MS;
let lastSample: EventLoopUtilization = eventLoopUtilization();

/** Chooses the slot length from how busy the event loop was since the last call. */
export function sampleLoad(): void {
  const now = eventLoopUtilization();
  const utilization = eventLoopUtilization(now, lastSample).utilization;
  lastSample = now;
  if (utilization >= LOADED_ABOVE) slotMs = LOADED_SLOT_MS;
  else if (utilization < UNLOADED_BELOW) slotMs = SLOT_MS;
}

// Never what keeps the process alive.
setInterval(sampleLoad, SAMPLE_EVERY_MS).unref();

export function slotLengthMs(): number {
  return slotMs;
}

/** The number of the slot now (slots are numbered from the clock's origin, so every room agrees). */
export function currentSlot(): number {
  return Math.floor(performance.now() / slotMs);
}

/** Milliseconds until the next slot starts (at least 1, so a timer never fires in the slot it was set in). */
export function msToNextSlot(): number {
  return Math.max(1, (currentSlot() + 1) * slotMs - performance.now());
}
