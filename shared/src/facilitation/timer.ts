/**
 * Timer arithmetic. The timer is stored as an end time on the server's clock (`endsAt`) while it runs and as a
 * remaining duration while it is paused, so every screen counts down on its own and agrees after a skew correction
 * (GET /api/time), with no tick ever written to the document.
 */
import { IDLE_TIMER } from './schema.js';
import type { TimerState } from './schema.js';

export const TIMER_MIN_MS = 1000;
export const TIMER_MAX_MS = 4 * 3600 * 1000;
export const MINUTE_MS = 60_000;

/** What is left at `serverNow` (server epoch ms): never negative, 0 when idle. */
export function remainingMs(timer: TimerState, serverNow: number): number {
  switch (timer.status) {
    case 'running':
      return Math.max(0, timer.endsAt - serverNow);
    case 'paused':
      return Math.max(0, timer.remainingMs);
    case 'idle':
      return 0;
  }
}

export type TimerCommandType = 'timer.start' | 'timer.pause' | 'timer.resume' | 'timer.addMinute' | 'timer.stop';

/** The next timer, or why the command does not apply to the current one (an HTTP 409 on the server). */
export type TimerTransition = { ok: true; timer: TimerState } | { ok: false; conflict: string };

export function startTimer(durationMs: number, now: number): TimerState {
  return { status: 'running', endsAt: now + durationMs, remainingMs: durationMs, durationMs };
}

export function nextTimer(
  timer: TimerState,
  command: { type: 'timer.start'; durationMs: number } | { type: Exclude<TimerCommandType, 'timer.start'> },
  now: number,
): TimerTransition {
  switch (command.type) {
    case 'timer.start':
      return { ok: true, timer: startTimer(command.durationMs, now) };
    case 'timer.pause':
      if (timer.status !== 'running') return { ok: false, conflict: 'The timer is not running, so it cannot pause.' };
      return { ok: true, timer: { ...timer, status: 'paused', remainingMs: remainingMs(timer, now) } };
    case 'timer.resume':
      if (timer.status !== 'paused') return { ok: false, conflict: 'The timer is not paused, so it cannot resume.' };
      return { ok: true, timer: { ...timer, status: 'running', endsAt: now + timer.remainingMs } };
    case 'timer.addMinute':
      if (timer.status === 'idle') return { ok: false, conflict: 'Start the timer before adding a minute.' };
      if (timer.status === 'paused') {
        return {
          ok: true,
          timer: { ...timer, remainingMs: timer.remainingMs + MINUTE_MS, durationMs: timer.durationMs + MINUTE_MS },
        };
      }
      // A timer that already ran out gets a whole minute from now, not the part of one left after its end.
      return {
        ok: true,
        timer: {
          ...timer,
          endsAt: Math.max(timer.endsAt, now) + MINUTE_MS,
          durationMs: timer.durationMs + MINUTE_MS,
        },
      };
    case 'timer.stop':
      return { ok: true, timer: { ...IDLE_TIMER } };
  }
}
