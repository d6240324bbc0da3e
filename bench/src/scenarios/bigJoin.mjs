// Big join: a 3 MB room built from thousands of small, scattered edits; 50 clients join at once. How long until all
// are synced, and how long did the server's event loop stall (every other room waits that long)?
import * as Y from 'yjs';
import { RawClient, wallNow } from '../rawClient.mjs';

function fragmentedUpdates(targetBytes, chunkBytes) {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  let random = 42;
  const next = () => (random = (random * 1103515245 + 12345) % 2147483648) / 2147483648;
  const updates = [];
  let pending = [];
  let pendingBytes = 0;
  let total = 0;
  doc.on('update', (u) => {
    pending.push(u);
    pendingBytes += u.length;
  });
  while (total < targetBytes) {
    text.insert(Math.floor(next() * (text.length + 1)), 'образ будущего региона — '.repeat(3));
    if (pendingBytes > chunkBytes) {
      const merged = Y.mergeUpdates(pending);
      updates.push(merged);
      total += merged.length;
      pending = [];
      pendingBytes = 0;
    }
  }
  if (pending.length > 0) updates.push(Y.mergeUpdates(pending));
  return updates;
}

export const bigJoin = {
  name: 'bigJoin',
  load: (quick) => ({ roomBytes: 3 * 1024 * 1024, joiners: 50, quick }),
  async run(server, load) {
    const [address] = await server.rooms(1);
    const target = server.name === 'relay' ? { ...address, relay: true } : address;
    const seeder = new RawClient(target);
    await seeder.connect();
    // Spaced out: each 512 KB piece costs the server 100+ ms to apply, and a seeder that sends them faster than a
    // server's per-connection CPU budget allows (Horizon: 200 ms/s) is cut off, leaving a smaller room.
    for (const update of fragmentedUpdates(load.roomBytes, 512 * 1024)) {
      seeder.sendUpdate(update);
      await new Promise((r) => setTimeout(r, 250));
    }
    // Let the server digest the seed (and persist it) before anyone joins.
    await new Promise((r) => setTimeout(r, 1500));
    await server.mark();
    const started = wallNow();
    const joiners = Array.from({ length: load.joiners }, () => new RawClient(target));
    await Promise.all(joiners.map((j) => j.connect()));
    const allSyncedMs = Math.max(...joiners.map((j) => j.syncedAt)) - started;
    const stats = await server.stats();
    // A seeder closed early (e.g. refused for CPU on a loaded machine) seeded less than 3 MB: not comparable.
    const seedComplete = seeder.closedWith === undefined ? 1 : 0;
    [seeder, ...joiners].forEach((c) => c.close());
    return { allSyncedMs, maxStallMs: stats.eventLoopMaxMs, bytesPerJoiner: joiners[0].bytesIn, seedComplete };
  },
};
