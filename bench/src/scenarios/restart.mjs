// Restart: 1000 clients in 100 rooms; the server is stopped (SIGTERM) and started again on the same port and data.
// How long from the stop until every client has reconnected and received the room again?
import { BenchServer } from '../servers.mjs';
import { RawClient, wallNow } from '../rawClient.mjs';

/** A raw client that reconnects after a close, like a provider would (with jittered backoff). */
async function keepConnected(address, state) {
  for (;;) {
    const client = new RawClient(address);
    state.client = client;
    try {
      await client.connect();
      state.syncedAt = client.syncedAt;
      await new Promise((resolve) => client.ws.once('close', resolve));
      if (state.stopped) return;
    } catch {
      if (state.stopped) return;
    }
    await new Promise((r) => setTimeout(r, 100 + Math.random() * 400));
  }
}

export const restart = {
  name: 'restart',
  onlyFor: ['horizon'],
  load: (quick) => ({ rooms: 100, connsPerRoom: quick ? 5 : 10 }),
  async run(server, load) {
    const rooms = await server.rooms(load.rooms);
    const states = rooms.flatMap((a) => Array.from({ length: load.connsPerRoom }, () => ({ address: a })));
    states.forEach((s) => void keepConnected(s.address, s));
    while (states.some((s) => !s.syncedAt)) await new Promise((r) => setTimeout(r, 50));
    const stoppedAt = wallNow();
    states.forEach((s) => (s.syncedAt = 0));
    await server.stop('SIGTERM');
    // How much of the time was the old process's shutdown (flush, compaction, closing sockets with 1012).
    const stoppedMs = wallNow() - stoppedAt;
    const again = await BenchServer.start(server.name, { dataDir: server.dataDir, port: server.port });
    while (states.some((s) => !s.syncedAt || s.syncedAt < stoppedAt)) await new Promise((r) => setTimeout(r, 20));
    const resyncedMs = Math.max(...states.map((s) => s.syncedAt)) - stoppedAt;
    states.forEach((s) => {
      s.stopped = true;
      s.client?.close();
    });
    await again.stop();
    return { resyncedMs, stoppedMs, clients: states.length };
  },
};
