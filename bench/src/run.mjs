// `pnpm bench` / `pnpm bench:quick`: every scenario against every server, in one run on this machine. Servers run
// on core 0, load generators on core 1. Results go to bench/results/ and the table to stdout.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchServer, SERVER_NAMES } from './servers.mjs';
import { markdownTable, writeResults } from './report.mjs';
import { bigJoin } from './scenarios/bigJoin.mjs';
import { capacity } from './scenarios/capacity.mjs';
import { memory } from './scenarios/memory.mjs';
import { restart } from './scenarios/restart.mjs';
import { steady } from './scenarios/steady.mjs';
import { unload } from './scenarios/unload.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const serversArg = args
  .find((a) => a.startsWith('--servers='))
  ?.slice(10)
  .split(',');
const servers = serversArg ?? SERVER_NAMES;
const scenarios = [steady, capacity, bigJoin, memory, unload, restart].filter((s) => !only || only.includes(s.name));
const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../results');

// A partial run (--only, --servers) writes partial.{json,md} and leaves latest.* alone, unless --merge asks to fold it
// into the previous results (to re-run one scenario on a quieter machine).
const merge = args.includes('--merge');
const outName = (only || serversArg) && !merge ? 'partial' : 'latest';
const previous = merge ? JSON.parse(fs.readFileSync(path.join(resultsDir, 'latest.json'), 'utf8')) : null;
const results = {
  machine: {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  },
  date: new Date().toISOString(),
  mode: quick ? 'quick' : 'full',
  scenarios: previous?.scenarios ?? {},
};

for (const scenario of scenarios) {
  const load = scenario.load(quick);
  results.scenarios[scenario.name] = { load, servers: {} };
  for (const name of servers) {
    if (scenario.onlyFor && !scenario.onlyFor.includes(name)) continue;
    const server = await BenchServer.start(name);
    const started = Date.now();
    try {
      results.scenarios[scenario.name].servers[name] = await scenario.run(server, load);
      console.log(
        `${scenario.name} / ${name}: ${JSON.stringify(results.scenarios[scenario.name].servers[name], (k, v) => (k === 'curve' ? undefined : typeof v === 'number' ? Math.round(v * 100) / 100 : v))} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
      );
    } catch (error) {
      console.error(`${scenario.name} / ${name} failed: ${error.stack ?? error}`);
      results.scenarios[scenario.name].servers[name] = { error: String(error.message ?? error) };
    } finally {
      await server.stop();
    }
  }
  writeResults(resultsDir, results, servers, outName);
}

console.log(
  `\n${markdownTable(results, servers)}\n\nWritten to ${path.relative(process.cwd(), resultsDir)}/${outName}.{json,md}`,
);
process.exit(0);
