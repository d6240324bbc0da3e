/** Names under which a browser reaches a server on the same machine; phones in the room cannot open them. */
const LOOPBACK_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|::1)$/i;

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.test(hostname);
}

/**
 * The origin to put in join links and the QR code. A facilitator who opened Horizon as `localhost` would hand out
 * links no phone can open, so the server's first LAN address is used instead; any other host is kept as it is
 * (a real domain, or the LAN address the facilitator already typed).
 */
export function joinOrigin(page: { origin: string; hostname: string }, lanUrls: readonly string[]): string {
  if (!isLoopbackHost(page.hostname)) return page.origin;
  return lanUrls[0] ?? page.origin;
}
