// Capacity: 200 connections in 20 rooms. Server CPU per 1000 updates at 4000 updates/s, then a ramp to the highest
// rate whose p99 stays within 50 ms (with nothing lost and no connection dropped).
import { BenchServer } from '../servers.mjs';
import { runLoad } from '../load.mjs';

const P99_LIMIT_MS = 50;
/**
 * A step that fails is run twice more and judged by the median of the three: on these shared VMs one 6-second run
 * now and then sees a stall of the machine's own that no server causes (the same server's p99 at 4000/s has measured
 * 45 ms and 400 ms within the hour), and one such run would end the ramp. The same rule for every server.
 */
const TRIES_FOR_A_FAILING_STEP = 3;

function failed(r) {
  return r.p99Ms > P99_LIMIT_MS || r.lost > 0 || r.closed > 0;
}

/** One run of `rate` on a fresh server: a room grown by the previous step would skew the next. */
async function runStep(name, base, rate, durationMs) {
  const fresh = await BenchServer.start(name);
  try {
    return await runLoad(fresh, { ...base, rate, durationMs });
  } finally {
    await fresh.stop();
  }
}

/** The step's verdict: its one run if it passed, else the run with the median p99 of three (lost or dropped fail). */
async function judgeStep(name, base, rate, durationMs) {
  const runs = [await runStep(name, base, rate, durationMs)];
  if (!failed(runs[0])) return runs[0];
  while (runs.length < TRIES_FOR_A_FAILING_STEP) runs.push(await runStep(name, base, rate, durationMs));
  const score = (r) => (r.lost > 0 || r.closed > 0 ? Infinity : r.p99Ms);
  return runs.sort((a, b) => score(a) - score(b))[Math.floor(runs.length / 2)];
}

export const capacity = {
  name: 'capacity',
  load: (quick) => ({
    rooms: 20,
    connsPerRoom: 10,
    writersPerRoom: 5,
    cpuRate: 4000,
    ramp: quick ? [2000, 4000, 8000] : [2000, 4000, 6000, 8000, 10000, 12000, 16000],
    durationMs: quick ? 3000 : 6000,
  }),
  async run(server, load) {
    const base = { rooms: load.rooms, connsPerRoom: load.connsPerRoom, writersPerRoom: load.writersPerRoom };
    const atCpuRate = await runLoad(server, { ...base, rate: load.cpuRate, durationMs: load.durationMs });
    const curve = [];
    let maxUpdatesPerSec = 0;
    let generatorLimited = false;
    for (const rate of load.ramp) {
      const r = await judgeStep(server.name, base, rate, load.durationMs);
      curve.push({ rate, p99Ms: r.p99Ms, cpuPct: r.cpuPct, generatorCpuPct: r.generatorCpuPct });
      const achieved = r.sent / (load.durationMs / 1000);
      generatorLimited = r.generatorCpuPct > 85 || achieved < rate * 0.95;
      if (failed(r)) break;
      maxUpdatesPerSec = rate;
    }
    return {
      cpuMsPer1000Updates: (atCpuRate.serverCpuMs / atCpuRate.sent) * 1000,
      cpuPctAt4000: atCpuRate.cpuPct,
      maxUpdatesPerSec,
      generatorLimited: generatorLimited ? 1 : 0,
      curve,
    };
  },
};
