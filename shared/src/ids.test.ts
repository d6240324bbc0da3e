import { describe, expect, it } from 'vitest';
import { isId, newId, newJoinCode, normalizeJoinCode } from './ids.js';

describe('newId', () => {
  it('makes ids that pass isId, at the default and at other lengths', () => {
    expect(newId()).toMatch(/^[a-z0-9]{12}$/);
    for (const length of [4, 8, 16, 32]) {
      const id = newId(length);
      expect(id).toHaveLength(length);
      expect(isId(id)).toBe(true);
    }
  });

  it('never repeats over many draws', () => {
    const draws = 20_000;
    const seen = new Set<string>();
    for (let i = 0; i < draws; i++) seen.add(newId());
    expect(seen.size).toBe(draws);
  });

  it('uses every character of its alphabet, so no character is starved by the sampling', () => {
    const chars = new Set<string>();
    for (let i = 0; i < 2_000; i++) for (const c of newId()) chars.add(c);
    expect([...chars].sort().join('')).toBe('0123456789abcdefghijklmnopqrstuvwxyz');
  });
});

describe('isId', () => {
  it('refuses what is not an id', () => {
    for (const value of [undefined, null, 42, '', 'abc', 'a'.repeat(33), 'ABCD', 'ab-cd', 'abcd ', {}]) {
      expect(isId(value)).toBe(false);
    }
  });
});

describe('join codes', () => {
  it('have the requested length and only unambiguous uppercase letters and digits', () => {
    const lookAlikes = /[01OIL]/;
    for (let i = 0; i < 2_000; i++) {
      const code = newJoinCode(6);
      expect(code).toHaveLength(6);
      expect(code).toMatch(/^[A-Z2-9]+$/);
      expect(code).not.toMatch(lookAlikes);
    }
  });

  it('still draw from a wide alphabet (every safe digit and most letters show up)', () => {
    const chars = new Set<string>();
    for (let i = 0; i < 1_000; i++) for (const c of newJoinCode(8)) chars.add(c);
    for (const digit of '23456789') expect(chars).toContain(digit);
    expect(chars.size).toBeGreaterThanOrEqual(30);
  });

  it('are found again whatever case, spaces or dashes the person typed', () => {
    expect(normalizeJoinCode('ab-c 12')).toBe('ABC12');
    expect(normalizeJoinCode('  x-y-z\t9 ')).toBe('XYZ9');
    for (let i = 0; i < 100; i++) {
      const code = newJoinCode(6);
      const typed = ` ${code.slice(0, 3).toLowerCase()} - ${code.slice(3)} `;
      expect(normalizeJoinCode(typed)).toBe(code);
    }
  });
});
