/** Entry point: builds the app from the environment, listens, and shuts down cleanly on SIGTERM / SIGINT. */
import { buildApp } from './app.js';
import { configFromEnv } from './config.js';

const config = configFromEnv();
const { app } = await buildApp(config);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down: flushing rooms and closing sockets with 1012');
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
  const shown = config.host === '0.0.0.0' ? address.replace('0.0.0.0', 'localhost') : address;
  app.log.info(`Horizon is ready: open ${shown} in a browser`);
} catch (error) {
  app.log.error({ err: error }, 'could not start');
  process.exit(1);
}
