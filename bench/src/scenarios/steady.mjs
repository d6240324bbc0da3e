// Steady state: many connections in many rooms at a moderate, constant update rate.
import { runLoad } from '../load.mjs';

export const steady = {
  name: 'steady',
  load: (quick) => ({ rooms: 100, connsPerRoom: 10, writersPerRoom: 1, rate: 500, durationMs: quick ? 6000 : 20000 }),
  async run(server, load) {
    const r = await runLoad(server, load);
    return {
      p50Ms: r.p50Ms,
      p95Ms: r.p95Ms,
      p99Ms: r.p99Ms,
      maxMs: r.maxMs,
      lost: r.lost,
      cpuPct: r.cpuPct,
      rssMb: r.rssMb,
      eventLoopP99Ms: r.eventLoopP99Ms,
      generatorCpuPct: r.generatorCpuPct,
    };
  },
};
