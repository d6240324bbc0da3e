/** Dates and numbers in the reader's language, through `Intl` (one formatter per language and style). */
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(language: string, style: 'short' | 'month'): Intl.DateTimeFormat {
  const key = `d:${language}:${style}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format =
      style === 'short'
        ? new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
        : new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    cache.set(key, format);
  }
  return format;
}

/** "1 мар. 2027 г." / "Mar 1, 2027" for an ISO date; '' for none. */
export function formatDate(iso: string, language: string): string {
  if (!iso) return '';
  return dateFormat(language, 'short').format(new Date(`${iso}T00:00:00Z`));
}

export function formatMonth(iso: string, language: string): string {
  if (!iso) return '';
  return dateFormat(language, 'month').format(new Date(`${iso}T00:00:00Z`));
}

export function formatNumber(value: number | null, language: string): string {
  if (value === null) return '';
  const key = `n:${language}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
    cache.set(key, format);
  }
  return format.format(value);
}

export function formatRoubles(value: number | null, language: string): string {
  if (value === null) return '';
  const key = `r:${language}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(language, { style: 'currency', currency: 'RUB', maximumFractionDigits: 0 });
    cache.set(key, format);
  }
  return format.format(value);
}
