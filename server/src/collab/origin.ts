/**
 * Cross-site WebSocket hijacking guard: browsers always send Origin on a WebSocket upgrade, so a page on another site
 * is refused unless allowed. Clients that are not browsers send no Origin and are judged by their token alone.
 */
export function isOriginAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: readonly string[],
): boolean {
  if (origin === undefined) return true;
  if (allowed.includes('*') || allowed.includes(origin)) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
