/** Link targets the vision text may carry. Anything else (javascript:, data:, vbscript:, file:) is dropped. */
export const SAFE_LINK_SCHEMES = ['http:', 'https:', 'mailto:'] as const;

/**
 * True for an absolute http(s) or mailto URL. Browsers ignore tabs, newlines and leading control characters in a
 * scheme (`java\tscript:`), so the check runs on what the URL parser makes of the string, never on its prefix.
 */
export function isSafeHref(href: unknown): href is string {
  if (typeof href !== 'string' || href.length === 0 || href.length > 2048) return false;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  return (SAFE_LINK_SCHEMES as readonly string[]).includes(url.protocol);
}
