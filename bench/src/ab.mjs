// Alternating A/B runs of one scenario on this machine: `node bench/src/ab.mjs <load> <rounds> <variant>...`.
// A variant is `name=<entry>[,ENV:value...]`: `<entry>` is a Horizon build's server.js (or `reference`), the ENV pairs
// go to that server's environment. Variants run in turn, in reverse order every other round (so drift in the machine's
// load falls on both), and the medians are printed at the end. Loads: steady (the steady scenario, 10 s), cap (the
// capacity scenario's CPU measurement at 4000 updates/s), cap6 and cap8 (the same at 6000/s and 8000/s), cap2 (at 2000/s).
//
//   node bench/src/ab.mjs cap 4 before=/tmp/base/server/dist/server.js after=server/dist/server.js ref=reference
import path from 'node:path';
import { BenchServer } from './servers.mjs';
import { runLoad, percentile } from './load.mjs';

const LOADS = {
  steady: { rooms: 100, connsPerRoom: 10, writersPerRoom: 1, rate: 500, durationMs: 10_000 },
  cap: { rooms: 20, connsPerRoom: 10, writersPerRoom: 5, rate: 4000, durationMs: 6000 },
  cap2: { rooms: 20, connsPerRoom: 10, writersPerRoom: 5, rate: 2000, durationMs: 6000 },
  cap6: { rooms: 20, connsPerRoom: 10, writersPerRoom: 5, rate: 6000, durationMs: 6000 },
  cap8: { rooms: 20, connsPerRoom: 10, writersPerRoom: 5, rate: 8000, durationMs: 6000 },
};
const METRICS = ['cpuPct', 'cpuMsPer1000', 'p50Ms', 'p99Ms', 'lost'];

const [loadName, roundsArg, ...specs] = process.argv.slice(2);
const load = LOADS[loadName];
if (!load || !(Number(roundsArg) > 0) || specs.length === 0) {
  console.error(
    'usage: node bench/src/ab.mjs steady|cap|cap2|cap6|cap8 <rounds> name=<server.js|reference>[,ENV:value...] ...',
  );
  process.exit(2);
}
const variants = specs.map((spec) => {
  const [name, rest = ''] = spec.split(/=(.*)/s);
  const [entry, ...env] = rest.split(',');
  return { name, entry, env: Object.fromEntries(env.map((pair) => pair.split(/:(.*)/s).slice(0, 2))) };
});

const results = new Map(variants.map((v) => [v.name, []]));
for (let round = 0; round < Number(roundsArg); round++) {
  for (const variant of round % 2 === 0 ? variants : [...variants].reverse()) {
    const saved = { ...process.env };
    const isReference = variant.entry === 'reference';
    if (!isReference) process.env.BENCH_HORIZON_ENTRY = path.resolve(variant.entry);
    Object.assign(process.env, variant.env);
    const server = await BenchServer.start(isReference ? 'reference' : 'horizon');
    try {
      const r = await runLoad(server, load);
      const row = {
        cpuPct: r.cpuPct,
        cpuMsPer1000: (r.serverCpuMs / r.sent) * 1000,
        p50Ms: r.p50Ms,
        p99Ms: r.p99Ms,
        lost: r.lost,
      };
      results.get(variant.name).push(row);
      console.log(variant.name, METRICS.map((m) => `${m}=${row[m].toFixed(2)}`).join(' '));
    } finally {
      await server.stop();
      process.env = saved;
    }
  }
}
console.log(`\nmedians over ${roundsArg} rounds (${loadName}):`);
for (const [name, rows] of results) {
  const median = (m) =>
    percentile(
      rows.map((r) => r[m]).sort((a, b) => a - b),
      50,
    );
  console.log(name.padEnd(12), METRICS.map((m) => `${m}=${median(m).toFixed(2)}`).join(' '));
}
process.exit(0);
