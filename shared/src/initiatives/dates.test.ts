import { describe, expect, it } from 'vitest';
import { addMonths, fractionOfRange, isDateInRange, isIsoDate, localToday, resizeSpanEnd, shiftSpan } from './dates.js';

const range = { startYear: 2026, endYear: 2036 };

describe('step dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2027-13-01')).toBe(false);
    expect(isIsoDate('01.03.2027')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });

  it('adds months across years, keeping the last day of shorter months', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2027-11-15', 3)).toBe('2028-02-15');
    expect(addMonths('2027-03-01', -5)).toBe('2026-10-01');
  });

  it('knows the range from 1 January of the start year to 31 December of the horizon', () => {
    expect(isDateInRange('2026-01-01', range)).toBe(true);
    expect(isDateInRange('2036-12-31', range)).toBe(true);
    expect(isDateInRange('2037-01-01', range)).toBe(false);
    expect(fractionOfRange('2026-01-01', range)).toBe(0);
    expect(fractionOfRange('2031-07-02', range)).toBeCloseTo(0.5, 2);
  });

  it('shifts a dragged span by whole months and stops at the horizon instead of refusing', () => {
    expect(shiftSpan({ start: '2027-03-01', end: '2027-06-30' }, 2, range)).toEqual({
      start: '2027-05-01',
      end: '2027-08-30',
    });
    expect(shiftSpan({ start: '2036-03-01', end: '2036-10-31' }, 5, range)).toEqual({
      start: '2036-05-01',
      end: '2036-12-31',
    });
    expect(shiftSpan({ start: '2026-02-01', end: '2026-03-01' }, -3, range)).toEqual({
      start: '2026-01-01',
      end: '2026-02-01',
    });
  });

  it('resizes the end but never before the start', () => {
    expect(resizeSpanEnd({ start: '2027-03-01', end: '2027-06-30' }, 2, range).end).toBe('2027-08-30');
    expect(resizeSpanEnd({ start: '2027-03-01', end: '2027-06-30' }, -6, range).end).toBe('2027-03-30');
  });

  it('today is the local calendar day', () => {
    expect(localToday(new Date(2027, 4, 9, 23, 30))).toBe('2027-05-09');
  });
});
