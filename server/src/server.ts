/** Entry point: builds the app from the environment, listens, and shuts down cleanly on SIGTERM / SIGINT. */
import os from 'node:os';
import { buildApp } from './app.js';
import { configFromEnv } from './config.js';
import { DataDirInUseError } from './persistence/processLock.js';

function lanAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .flatMap((i) => (i && i.family === 'IPv4' && !i.internal ? [i.address] : []));
}

const config = configFromEnv();
const { app } = await buildApp(config).catch((error: unknown) => {
  // Before the app (and its logger) exists: say why on stderr, without a stack trace for the expected case.
  console.error(error instanceof DataDirInUseError ? `Horizon could not start: ${error.message}` : error);
  process.exit(1);
});

const SHUTDOWN_DEADLINE_MS = 8000;
let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down: flushing rooms and closing sockets with 1012');
  // Every update anyone has seen is on disk already (it is journaled before it is sent), so a shutdown that hangs,
  // on a client that never finishes its close handshake, say, may be cut short without losing anything.
  setTimeout(() => {
    app.log.error({ signal }, `shutdown took over ${SHUTDOWN_DEADLINE_MS} ms; exiting anyway`);
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS).unref();
  try {
    await app.close();
    process.exit(0);
  } catch (error) {
    app.log.error({ err: error }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

try {
  const address = await app.listen({ host: config.host, port: config.port });
  const port = new URL(address).port;
  // Phones in the room join over the local network: show the addresses they can reach.
  const lan = config.host === '0.0.0.0' ? lanAddresses().map((ip) => `http://${ip}:${port}`) : [];
  app.log.info({ urls: [address, ...lan] }, `Horizon is ready: open ${lan[0] ?? address} in a browser`);
} catch (error) {
  app.log.error({ err: error }, 'could not start');
  process.exit(1);
}
