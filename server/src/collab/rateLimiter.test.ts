import { describe, expect, it } from 'vitest';
import { TokenBucket } from './rateLimiter.js';

function clock(start = 1_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

function drain(bucket: TokenBucket, max = 10_000): number {
  let taken = 0;
  while (taken < max && bucket.take()) taken++;
  return taken;
}

describe('TokenBucket', () => {
  it('lets a burst through and refuses the next message', () => {
    const c = clock();
    const bucket = new TokenBucket(10, 50, c.now);
    expect(drain(bucket)).toBe(50);
    expect(bucket.take()).toBe(false);
  });

  it('takes nothing when it refuses, so a big request does not starve small ones', () => {
    const c = clock();
    const bucket = new TokenBucket(10, 50, c.now);
    expect(bucket.take(40)).toBe(true);
    expect(bucket.take(11)).toBe(false);
    expect(bucket.take(11)).toBe(false);
    expect(bucket.take(10)).toBe(true);
    expect(bucket.take()).toBe(false);
  });

  it('refills at its rate per second', () => {
    const c = clock();
    const bucket = new TokenBucket(10, 50, c.now);
    drain(bucket);
    c.advance(500);
    expect(drain(bucket)).toBe(5);
    c.advance(100);
    expect(drain(bucket)).toBe(1);
    c.advance(99);
    expect(bucket.take()).toBe(false);
  });

  it('keeps fractional refill across calls', () => {
    const c = clock();
    // 4 tokens a second: every 62.5 ms adds a quarter token (exact in binary, so no rounding muddies the count).
    const bucket = new TokenBucket(4, 50, c.now);
    drain(bucket);
    for (let i = 0; i < 3; i++) {
      c.advance(62.5);
      expect(bucket.take()).toBe(false);
    }
    c.advance(62.5);
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });

  it('never holds more than its burst, however long it was idle', () => {
    const c = clock();
    const bucket = new TokenBucket(10, 50, c.now);
    c.advance(3_600_000);
    expect(drain(bucket)).toBe(50);
    bucket.take();
    c.advance(3_600_000);
    expect(bucket.take(51)).toBe(false);
    expect(bucket.take(50)).toBe(true);
  });

  it('sustains exactly its rate under a steady flood', () => {
    const c = clock();
    const bucket = new TokenBucket(100, 20, c.now);
    drain(bucket);
    let passed = 0;
    for (let ms = 0; ms < 10_000; ms++) {
      c.advance(1);
      if (bucket.take()) passed++;
    }
    expect(passed).toBeGreaterThanOrEqual(999);
    expect(passed).toBeLessThanOrEqual(1_000);
  });

  it('starts full and uses the real clock by default', () => {
    const bucket = new TokenBucket(1, 3);
    expect(drain(bucket)).toBe(3);
  });
});
