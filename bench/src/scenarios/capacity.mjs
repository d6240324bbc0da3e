// Capacity: 200 connections in 20 rooms. Server CPU per 1000 updates at 4000 updates/s, then a ramp to the highest
// rate whose p99 stays within 50 ms (with nothing lost and no connection dropped).
import { BenchServer } from '../servers.mjs';
import { runLoad } from '../load.mjs';

const P99_LIMIT_MS = 50;

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
      // A fresh server per step: a room grown by the previous step would skew the next.
      const fresh = await BenchServer.start(server.name);
      try {
        const r = await runLoad(fresh, { ...base, rate, durationMs: load.durationMs });
        curve.push({ rate, p99Ms: r.p99Ms, cpuPct: r.cpuPct, generatorCpuPct: r.generatorCpuPct });
        const achieved = r.sent / (load.durationMs / 1000);
        generatorLimited = r.generatorCpuPct > 85 || achieved < rate * 0.95;
        if (r.p99Ms > P99_LIMIT_MS || r.lost > 0 || r.closed > 0) break;
        maxUpdatesPerSec = rate;
      } finally {
        await fresh.stop();
      }
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
