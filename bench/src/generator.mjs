// A load-generator process (pinned to core 1 by the orchestrator). It opens the connections of the rooms it is
// given, then writes on a fixed schedule: latency is measured from each update's *scheduled* time, so a generator
// that falls behind shows up as latency instead of hiding it (no coordinated omission).
import { RawClient, Writer, wallNow } from './rawClient.mjs';

let clients = [];
let writers = [];
let samples = [];
let received = new Map(); // measurer index → Set of "writer:seq"
let warmupWrites = Infinity;

async function connectAll(plan) {
  const tasks = [];
  for (const room of plan.rooms) {
    const roomWriters = [];
    for (let c = 0; c < room.conns; c++) {
      const measurerIndex = c < room.measurers ? received.size : -1;
      let client;
      if (measurerIndex >= 0) {
        const seen = new Set();
        received.set(measurerIndex, { seen, room: room.index });
        client = new RawClient(room.address, {
          measure: ({ writer, seq, latencyMs }) => {
            seen.add(`${writer}:${seq}`);
            if (seq >= warmupWrites) samples.push(latencyMs);
          },
        });
      } else {
        client = new RawClient(room.address);
      }
      clients.push(client);
      if (c >= room.conns - room.writers) roomWriters.push(client);
      tasks.push(client);
    }
    for (const [i, client] of roomWriters.entries())
      writers.push({ room: room.index, client, id: room.index * 1000 + i });
  }
  // Connect in small waves: a thundering herd of handshakes is a different benchmark (big join).
  for (let i = 0; i < tasks.length; i += 50) await Promise.all(tasks.slice(i, i + 50).map((c) => c.connect()));
  writers = writers.map((w) => ({ ...w, writer: new Writer(w.client, w.id) }));
}

function runSchedule(plan) {
  const interval = 1000 / plan.ratePerWriter;
  const start = plan.startAt;
  const writesEach = Math.round((plan.durationMs / 1000) * plan.ratePerWriter);
  // Stagger writers evenly across one interval, so the load is smooth rather than in bursts.
  const queue = writers.map((w, i) => ({ w, next: start + (i / writers.length) * interval, left: writesEach }));
  return new Promise((resolve) => {
    const tick = () => {
      const now = wallNow();
      let nextDue = Infinity;
      for (const item of queue) {
        while (item.left > 0 && item.next <= now) {
          item.w.writer.write(item.next);
          item.next += interval;
          item.left--;
        }
        if (item.left > 0) nextDue = Math.min(nextDue, item.next);
      }
      if (nextDue === Infinity) return resolve();
      setTimeout(tick, Math.max(0, nextDue - wallNow()));
    };
    setTimeout(tick, Math.max(0, start - wallNow()));
  });
}

process.on('message', async (message) => {
  try {
    if (message.type === 'connect') {
      await connectAll(message.plan);
      process.send({ type: 'connected', clients: clients.length });
    } else if (message.type === 'go') {
      warmupWrites = message.plan.warmupWrites;
      const cpuBefore = process.cpuUsage();
      const wallBefore = performance.now();
      await runSchedule(message.plan);
      await new Promise((r) => setTimeout(r, message.plan.settleMs));
      const cpu = process.cpuUsage(cpuBefore);
      const sent = new Map();
      for (const w of writers) sent.set(w.room, [...(sent.get(w.room) ?? []), [w.id, w.writer.seq]]);
      let lost = 0;
      for (const { seen, room } of received.values()) {
        for (const [id, count] of sent.get(room) ?? []) {
          for (let s = 0; s < count; s++) if (!seen.has(`${id}:${s}`)) lost++;
        }
      }
      process.send({
        type: 'done',
        samples,
        sent: writers.reduce((n, w) => n + w.writer.seq, 0),
        lost,
        closed: clients.filter((c) => c.closedWith !== undefined).length,
        cpuPct: ((cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore)) * 100,
      });
    } else if (message.type === 'close') {
      clients.forEach((c) => c.close());
      clients = [];
      writers = [];
      samples = [];
      received = new Map();
      process.send({ type: 'closed' });
    }
  } catch (error) {
    process.send({ type: 'error', message: String(error?.stack ?? error) });
  }
});
process.on('disconnect', () => process.exit(0));
