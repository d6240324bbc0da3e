/**
 * From the start of a shutdown, WebSocket upgrades are answered 503 and their sockets closed.
 *
 * @fastify/websocket's own preClose stops listening for upgrades; ours replaces it (to close rooms with 1012 first),
 * so without this a client reconnecting during the shutdown still reaches Fastify's router, which answers "503
 * closing" on the plugin's stand-in response and skips the hook that would destroy the socket. That socket then stays
 * half-open and the HTTP server's close() waits for it: shutdowns took the whole 8-second deadline whenever a client
 * came back within the first few hundred milliseconds (the restart benchmark's clients do, like providers with backoff).
 */
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

const SERVICE_UNAVAILABLE = 'HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n';

export function refuseUpgrades(server: Server): void {
  server.removeAllListeners('upgrade');
  server.on('upgrade', (_request: unknown, socket: Duplex) => {
    socket.on('error', () => socket.destroy());
    socket.end(SERVICE_UNAVAILABLE);
  });
}
