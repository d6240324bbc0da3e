import { describe, expect, it } from 'vitest';
import { IDLE_TIMER } from './schema.js';
import type { TimerState } from './schema.js';
import { MINUTE_MS, nextTimer, remainingMs, startTimer } from './timer.js';

function step(timer: TimerState, command: Parameters<typeof nextTimer>[1], now: number): TimerState {
  const next = nextTimer(timer, command, now);
  if (!next.ok) throw new Error(next.conflict);
  return next.timer;
}

describe('timer arithmetic', () => {
  it('counts down from the start on the server clock', () => {
    const timer = step(IDLE_TIMER, { type: 'timer.start', durationMs: 10 * MINUTE_MS }, 1_000_000);
    expect(timer).toMatchObject({ status: 'running', endsAt: 1_000_000 + 10 * MINUTE_MS, durationMs: 10 * MINUTE_MS });
    expect(remainingMs(timer, 1_000_000 + 4 * MINUTE_MS)).toBe(6 * MINUTE_MS);
    // Never negative once it has run out.
    expect(remainingMs(timer, 1_000_000 + 11 * MINUTE_MS)).toBe(0);
  });

  it('pause keeps what was left and resume continues from it, however long the pause', () => {
    const started = startTimer(5 * MINUTE_MS, 0);
    const paused = step(started, { type: 'timer.pause' }, 2 * MINUTE_MS);
    expect(paused.status).toBe('paused');
    expect(remainingMs(paused, 2 * MINUTE_MS)).toBe(3 * MINUTE_MS);
    expect(remainingMs(paused, 60 * MINUTE_MS)).toBe(3 * MINUTE_MS);
    const resumed = step(paused, { type: 'timer.resume' }, 60 * MINUTE_MS);
    expect(resumed.status).toBe('running');
    expect(remainingMs(resumed, 61 * MINUTE_MS)).toBe(2 * MINUTE_MS);
    expect(resumed.durationMs).toBe(5 * MINUTE_MS);
  });

  it('adds a minute to a running, a paused and an expired timer', () => {
    const running = step(startTimer(MINUTE_MS, 0), { type: 'timer.addMinute' }, 30_000);
    expect(remainingMs(running, 30_000)).toBe(90_000);
    expect(running.durationMs).toBe(2 * MINUTE_MS);

    const paused = step(
      step(startTimer(MINUTE_MS, 0), { type: 'timer.pause' }, 45_000),
      { type: 'timer.addMinute' },
      0,
    );
    expect(remainingMs(paused, 999_999)).toBe(75_000);

    // Ran out five minutes ago: the added minute starts now.
    const expired = step(startTimer(MINUTE_MS, 0), { type: 'timer.addMinute' }, 6 * MINUTE_MS);
    expect(remainingMs(expired, 6 * MINUTE_MS)).toBe(MINUTE_MS);
  });

  it('stop returns to idle with nothing left', () => {
    const stopped = step(startTimer(MINUTE_MS, 0), { type: 'timer.stop' }, 10);
    expect(stopped).toEqual(IDLE_TIMER);
    expect(remainingMs(stopped, 10)).toBe(0);
  });

  it('a restart replaces the running timer', () => {
    const again = step(startTimer(MINUTE_MS, 0), { type: 'timer.start' as const, durationMs: 5000 }, 20_000);
    expect(remainingMs(again, 20_000)).toBe(5000);
  });

  const illegal: [string, TimerState, 'timer.pause' | 'timer.resume' | 'timer.addMinute'][] = [
    ['pause when idle', IDLE_TIMER, 'timer.pause'],
    ['pause when paused', { ...startTimer(MINUTE_MS, 0), status: 'paused' }, 'timer.pause'],
    ['resume when running', startTimer(MINUTE_MS, 0), 'timer.resume'],
    ['resume when idle', IDLE_TIMER, 'timer.resume'],
    ['add a minute when idle', IDLE_TIMER, 'timer.addMinute'],
  ];
  it.each(illegal)('refuses to %s', (_what, timer, type) => {
    const next = nextTimer(timer, { type }, 0);
    expect(next.ok).toBe(false);
    if (!next.ok) expect(next.conflict.length).toBeGreaterThan(0);
  });
});
