// Memory: RSS slope per idle connection (one room) and per loaded room (one connection each), after a full GC. The RSS
// slope also carries how far V8 grew its young generation during the connection bursts (up to 32 MB, sized by V8's own
// heuristics, not per connection), so the JS heap's slope after the GC is reported beside it: what a connection keeps.
import { RawClient } from '../rawClient.mjs';

function slope(points) {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return num / den;
}

async function connectMany(addresses, relay) {
  const clients = addresses.map((a) => new RawClient(relay ? { ...a, relay: true } : a));
  for (let i = 0; i < clients.length; i += 100) await Promise.all(clients.slice(i, i + 100).map((c) => c.connect()));
  return clients;
}

async function settledMemory(server) {
  await new Promise((r) => setTimeout(r, 500));
  const stats = await server.stats({ gc: true });
  return { rss: stats.rssBytes, heap: stats.heapUsedBytes };
}

export const memory = {
  name: 'memory',
  load: (quick) => ({
    connections: quick ? [250, 750] : [250, 500, 1000, 1500],
    rooms: quick ? [50, 150] : [50, 100, 200, 300],
  }),
  async run(server, load) {
    const relay = server.name === 'relay';
    const [room] = await server.rooms(1);
    const clients = [];
    const connPoints = [];
    const connHeapPoints = [];
    for (const count of load.connections) {
      clients.push(...(await connectMany(Array(count - clients.length).fill(room), relay)));
      const { rss, heap } = await settledMemory(server);
      connPoints.push([count, rss]);
      connHeapPoints.push([count, heap]);
    }
    clients.splice(0).forEach((c) => c.close());
    const rooms = await server.rooms(Math.max(...load.rooms));
    const roomPoints = [];
    for (const count of load.rooms) {
      clients.push(...(await connectMany(rooms.slice(clients.length, count), relay)));
      roomPoints.push([count, (await settledMemory(server)).rss]);
    }
    clients.forEach((c) => c.close());
    return {
      perConnectionKb: slope(connPoints) / 1024,
      perConnectionHeapKb: slope(connHeapPoints) / 1024,
      perRoomKb: slope(roomPoints) / 1024,
    };
  },
};
