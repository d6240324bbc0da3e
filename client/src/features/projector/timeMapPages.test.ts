import { describe, expect, it } from 'vitest';
import { pageYears } from './timeMapPages';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('pageYears', () => {
  it('splits eleven years into three even pages, oldest first', () => {
    expect(pageYears(range(2026, 2036), 4)).toEqual([range(2026, 2029), range(2030, 2033), range(2034, 2036)]);
  });

  it('balances the pages instead of leaving one year alone', () => {
    expect(pageYears(range(2026, 2030), 4).map((page) => page.length)).toEqual([3, 2]);
  });

  it('keeps a short map on one page and an empty one on none', () => {
    expect(pageYears([2027, 2029, 2031], 4)).toEqual([[2027, 2029, 2031]]);
    expect(pageYears([], 4)).toEqual([]);
  });
});
