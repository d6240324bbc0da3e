/**
 * The projector's time map shows its years a few at a time. Eleven year columns on one 1920 px screen leave 20 px
 * type, unreadable from the back of a hall; four columns beside the lane titles keep cards at 36 px (about 18
 * characters a line) and no projector of 1280 px or more below 28 px. Pages are balanced (five years: 3 + 2, not
 * 4 + 1 with a lonely last year) so columns keep their width from page to page, and run oldest first, so the hall
 * reads the map as the team built it: from today to the horizon. Pages turn by themselves, as the projector has
 * nobody at its keyboard.
 */
export const YEARS_PER_PAGE = 4;

/** The smallest card text the hall gets, on a full-HD projector about 1/40 of its height. */
export const MIN_CARD_TEXT_PX = 28;

/** How long one page of years stays up before the next: time to read it aloud and point at it. */
export const YEAR_PAGE_MS = 15_000;

/** The years split into pages of at most `perPage`, as even as possible, in order. */
export function pageYears(years: readonly number[], perPage = YEARS_PER_PAGE): number[][] {
  if (years.length === 0) return [];
  const pages = Math.ceil(years.length / perPage);
  const size = Math.ceil(years.length / pages);
  const out: number[][] = [];
  for (let start = 0; start < years.length; start += size) out.push(years.slice(start, start + size));
  return out;
}
