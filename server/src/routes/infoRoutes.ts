import os from 'node:os';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { ServerInfo } from '@horizon/shared';

type Interfaces = ReturnType<typeof os.networkInterfaces>;

const ALL_INTERFACES = new Set(['0.0.0.0', '::', '']);
const LOOPBACK = /^(127\.|::1$|localhost$)/;

/**
 * The addresses other devices in the room can open: non-internal IPv4 addresses when the server listens on every
 * interface, the one address it listens on otherwise, none when it listens on loopback only (phones cannot reach it).
 */
export function lanUrls(interfaces: Interfaces, host: string, port: number): string[] {
  if (LOOPBACK.test(host)) return [];
  if (!ALL_INTERFACES.has(host)) return [`http://${host.includes(':') ? `[${host}]` : host}:${port}`];
  return Object.values(interfaces)
    .flat()
    .flatMap((i) => (i && i.family === 'IPv4' && !i.internal ? [`http://${i.address}:${port}`] : []));
}

export function infoRoutes(app: FastifyInstance, deps: { host: string }): void {
  app.get('/api/info', async (): Promise<ServerInfo> => {
    // The port actually bound: PORT=0 (tests) picks a free one.
    const address = app.server.address() as AddressInfo | null;
    return { lanUrls: address ? lanUrls(os.networkInterfaces(), deps.host, address.port) : [] };
  });
}
