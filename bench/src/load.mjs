// Orchestrates generator processes: splits rooms among them, connects, runs a schedule, gathers the numbers.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { wallNow } from './rawClient.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

function startGenerator() {
  const args = [process.execPath, path.join(here, 'generator.mjs')];
  const [cmd, rest] = fs.existsSync('/usr/bin/taskset') ? ['taskset', ['-c', '1', ...args]] : [args[0], args.slice(1)];
  const child = spawn(cmd, rest, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiters = [];
  child.on('message', (m) => {
    if (m.type === 'error') console.error(`generator: ${m.message}`);
    waiters.shift()?.(m);
  });
  return {
    ask(message) {
      return new Promise((resolve) => {
        waiters.push(resolve);
        child.send(message);
      });
    },
    kill: () => child.kill(),
  };
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Runs one load: `rooms` room addresses, `connsPerRoom` connections each (of which `writersPerRoom` write and
 * `measurersPerRoom` time what they receive), `rate` updates/s in total for `durationMs`.
 */
export async function runLoad(
  server,
  { rooms, connsPerRoom, writersPerRoom, measurersPerRoom = 1, rate, durationMs, generators = 2 },
) {
  const addresses = (await server.rooms(rooms)).map((a) => (server.name === 'relay' ? { ...a, relay: true } : a));
  const procs = Array.from({ length: generators }, startGenerator);
  const ratePerWriter = rate / (rooms * writersPerRoom);
  const warmupWrites = Math.ceil(ratePerWriter * 1); // the first second warms up JITs and buffers
  const plans = procs.map((_, g) => ({
    rooms: addresses
      .map((address, index) => ({
        address,
        index,
        conns: connsPerRoom,
        writers: writersPerRoom,
        measurers: measurersPerRoom,
      }))
      .filter((r) => r.index % generators === g),
  }));
  try {
    const connected = await Promise.all(procs.map((p, g) => p.ask({ type: 'connect', plan: plans[g] })));
    if (connected.some((m) => m.type !== 'connected')) throw new Error('a generator could not connect');
    await new Promise((r) => setTimeout(r, 500));
    await server.mark();
    const startAt = wallNow() + 200;
    const schedule = { startAt, ratePerWriter, durationMs, warmupWrites, settleMs: 1500 };
    const results = await Promise.all(procs.map((p) => p.ask({ type: 'go', plan: schedule })));
    const stats = await server.stats();
    const samples = results.flatMap((r) => r.samples).sort((a, b) => a - b);
    const sent = results.reduce((n, r) => n + r.sent, 0);
    return {
      p50Ms: percentile(samples, 50),
      p95Ms: percentile(samples, 95),
      p99Ms: percentile(samples, 99),
      maxMs: samples.at(-1) ?? NaN,
      lost: results.reduce((n, r) => n + r.lost, 0),
      closed: results.reduce((n, r) => n + r.closed, 0),
      sent,
      samples: samples.length,
      cpuPct: (stats.cpuMs / stats.wallMs) * 100,
      serverCpuMs: stats.cpuMs,
      rssMb: stats.rssBytes / 1024 / 1024,
      eventLoopP99Ms: stats.eventLoopP99Ms,
      generatorCpuPct: results.reduce((n, r) => n + r.cpuPct, 0),
    };
  } finally {
    await Promise.all(procs.map((p) => p.ask({ type: 'close' })));
    procs.forEach((p) => p.kill());
  }
}
