// Unload: after every client of 50 rooms leaves, how long until the server holds none of them in memory?
import { RawClient, Writer, wallNow } from '../rawClient.mjs';

const GIVE_UP_MS = 60_000;

export const unload = {
  name: 'unload',
  load: () => ({ rooms: 50 }),
  async run(server, load) {
    const relay = server.name === 'relay';
    const rooms = await server.rooms(load.rooms);
    const clients = rooms.map((a) => new RawClient(relay ? { ...a, relay: true } : a));
    await Promise.all(clients.map((c) => c.connect()));
    clients.forEach((c, i) => new Writer(c, i).write(wallNow()));
    await new Promise((r) => setTimeout(r, 500));
    const left = wallNow();
    clients.forEach((c) => c.close());
    while (wallNow() - left < GIVE_UP_MS) {
      if ((await server.loadedRooms()) === 0) return { unloadedAfterMs: wallNow() - left };
      await new Promise((r) => setTimeout(r, 100));
    }
    return { unloadedAfterMs: null };
  },
};
