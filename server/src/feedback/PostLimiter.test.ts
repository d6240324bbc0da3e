import { describe, expect, it } from 'vitest';
import { PostLimiter } from './PostLimiter.js';

describe('PostLimiter', () => {
  it('refuses the post over the limit within the window, per person, and lets it through once the window moves', () => {
    let now = 0;
    const limiter = new PostLimiter(3, 60_000, () => now);
    expect([limiter.take('olga'), limiter.take('olga'), limiter.take('olga')]).toEqual([true, true, true]);
    expect(limiter.take('olga')).toBe(false);
    expect(limiter.take('anna')).toBe(true);
    now = 59_999;
    expect(limiter.take('olga')).toBe(false);
    now = 60_000;
    expect(limiter.take('olga')).toBe(true);
  });
});
