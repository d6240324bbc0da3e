/**
 * Text from the rooms was typed by peers who can write anything. Before any renderer sees it, every string loses
 * what no document format can carry: C0/C1 control characters (XML 1.0 forbids them, so one would make a DOCX part
 * ill-formed and Word refuse the file), lone surrogates and non-characters; and it is cut at a length no real field
 * reaches, so a hostile megabyte note cannot turn a report into a thousand pages.
 */

/** Longest string kept in an export; longer ones end with an ellipsis. */
export const EXPORT_TEXT_MAX = 20_000;

// Tab (\t) and line feed (\n) are kept: notes and descriptions use them. \r becomes \n below.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanText(value: string, max = EXPORT_TEXT_MAX): string {
  let text = value.replace(/\r\n?/g, '\n').replace(FORBIDDEN, '').replace(LONE_SURROGATE, '\uFFFD');
  if (text.length > max) {
    // Never cut a surrogate pair in half.
    let end = max - 1;
    if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end--;
    text = `${text.slice(0, end)}…`;
  }
  return text;
}

/** A deep copy of a JSON-like value with every string cleaned (object keys too). */
export function cleanDeep<T>(value: T): T {
  return walk(value) as T;
}

function walk(value: unknown): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(walk);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (inner === undefined) continue;
      // defineProperty, not assignment: a peer-written key `__proto__` must stay a plain key.
      Object.defineProperty(out, cleanText(key, 200), {
        value: walk(inner),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}
