/**
 * Calendar dates of initiative steps: ISO `YYYY-MM-DD` strings, compared as text and computed in UTC so a step's
 * dates never drift by a day across time zones. Roadmap bars move in whole months: people plan "from March to June",
 * and a month keeps a dragged bar's length stable.
 */
import type { YearRange } from '../timemap/validation.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function yearOfDate(iso: string): number {
  return Number(iso.slice(0, 4));
}

function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Days since 1970-01-01 (UTC). */
export function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

export function dateOfDayNumber(day: number): string {
  return toIso(new Date(day * DAY_MS));
}

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/** The same day `months` later (or earlier); the 31st becomes the last day of a shorter month. */
export function addMonths(iso: string, months: number): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const total = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(total / 12);
  const targetMonth = total - targetYear * 12;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return toIso(new Date(Date.UTC(targetYear, targetMonth, targetDay)));
}

/** The first and last day of the range: 1 January of its start year to 31 December of its horizon. */
export function rangeBounds(range: YearRange): { first: string; last: string } {
  return {
    first: `${String(range.startYear).padStart(4, '0')}-01-01`,
    last: `${String(range.endYear).padStart(4, '0')}-12-31`,
  };
}

export function isDateInRange(iso: string, range: YearRange): boolean {
  const { first, last } = rangeBounds(range);
  return iso >= first && iso <= last;
}

/** Where a date falls in the range, 0 at its first day and 1 after its last. */
export function fractionOfRange(iso: string, range: YearRange): number {
  const { first, last } = rangeBounds(range);
  const start = dayNumber(first);
  return (dayNumber(iso) - start) / (dayNumber(last) + 1 - start);
}

export interface DateSpan {
  start: string;
  end: string;
}

/**
 * Shifts a span by whole months, keeping it inside the range: a drag past the horizon stops at the last month that
 * fits rather than refusing the whole move.
 */
export function shiftSpan(span: DateSpan, months: number, range: YearRange): DateSpan {
  let step = Math.trunc(months);
  while (step !== 0) {
    const moved = { start: addMonths(span.start, step), end: addMonths(span.end, step) };
    if (isDateInRange(moved.start, range) && isDateInRange(moved.end, range)) return moved;
    step += step > 0 ? -1 : 1;
  }
  return { ...span };
}

/** Moves a span's end by whole months, never before its start nor past the range. */
export function resizeSpanEnd(span: DateSpan, months: number, range: YearRange): DateSpan {
  let step = Math.trunc(months);
  while (step !== 0) {
    const end = addMonths(span.end, step);
    if (end >= span.start && isDateInRange(end, range)) return { start: span.start, end };
    step += step > 0 ? -1 : 1;
  }
  return { ...span };
}

/** Today as an ISO date in the viewer's own calendar (a step due "today" is due in the room's local day). */
export function localToday(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}
