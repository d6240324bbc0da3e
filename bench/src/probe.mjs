// Preloaded into every benchmarked server process (`node --import probe.mjs …`): answers the benchmark's questions
// over the IPC channel, the same way for every server, so no server needs code of its own for it.
import { monitorEventLoopDelay } from 'node:perf_hooks';

const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
let cpuMark = process.cpuUsage();
let wallMark = performance.now();

/** Resident memory, and how much of it is the JS heap and buffers outside it (where a per-connection cost hides). */
function memory() {
  const usage = process.memoryUsage();
  return {
    rssBytes: usage.rss,
    heapUsedBytes: usage.heapUsed,
    externalBytes: usage.external,
    heapTotalBytes: usage.heapTotal,
  };
}

process.on('message', (message) => {
  if (!message || typeof message !== 'object') return;
  if (message.type === 'mark') {
    delay.reset();
    cpuMark = process.cpuUsage();
    wallMark = performance.now();
    process.send?.({ type: 'marked', id: message.id });
  } else if (message.type === 'stats') {
    if (message.gc && globalThis.gc) for (let i = 0; i < 3; i++) globalThis.gc();
    const cpu = process.cpuUsage(cpuMark);
    const wallMs = performance.now() - wallMark;
    process.send?.({
      type: 'stats',
      id: message.id,
      cpuMs: (cpu.user + cpu.system) / 1000,
      wallMs,
      ...memory(),
      eventLoopP99Ms: delay.percentile(99) / 1e6,
      eventLoopMaxMs: delay.max / 1e6,
      rooms: typeof globalThis.__benchRooms === 'function' ? globalThis.__benchRooms() : null,
    });
  }
});
// Unhandled IPC disconnects must not keep a server alive after the benchmark is gone.
process.on('disconnect', () => process.exit(0));
