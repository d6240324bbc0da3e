// The benchmarked Horizon server, in its own process (as in production): builds the app from server/dist on port 0,
// fills the reference session, then answers the runner over IPC. Timing of the export's phases happens here, in the
// server's own process, with the server's own exporter (read model on the event loop, rendering in workers).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buildApp } from '@horizon/server/dist/app.js';
import { defaultConfig } from '@horizon/server/dist/config.js';
import { SessionExporter } from '@horizon/server/dist/export/SessionExporter.js';
import { createBigSession } from './bigSession.mjs';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-export-'));
const config = defaultConfig({
  host: '127.0.0.1',
  port: 0,
  dataDir,
  logLevel: 'silent',
  clientDir: undefined,
});
const built = await buildApp(config);
const baseUrl = await built.app.listen({ host: '127.0.0.1', port: 0 });
const created = await createBigSession(baseUrl, built);
const exporter = new SessionExporter(built.store, built.rooms);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Warm-up, then `runs` timed exports: what the event loop gathers (store records, room states) and what the threads
 * make of it (read model, report, file) timed separately.
 */
async function timeFormat(format, runs, teamId, warm = false) {
  const collect = [];
  const render = [];
  const total = [];
  const cpu = [];
  let bytes = 0;
  for (let i = 0; i <= runs; i++) {
    // Cold runs pay for their board pictures; warm ones find them in the exporter's cache, as a second export of
    // unchanged boards does (Word, then PDF).
    if (!warm) exporter.boards.clear();
    const t0 = performance.now();
    // CPU of the whole server process (event loop, render workers, thread pool): unlike wall time, it does not grow
    // when other processes compete for the cores.
    const c0 = process.cpuUsage();
    const input = await exporter.collect(created.sessionId, teamId);
    const t1 = performance.now();
    const file = await exporter.produce(input, format);
    const t2 = performance.now();
    const c = process.cpuUsage(c0);
    bytes = Buffer.byteLength(file.body);
    if (i === 0) continue; // warm-up: JIT, module loading, the first room loads from SQLite
    collect.push(t1 - t0);
    render.push(t2 - t1);
    total.push(t2 - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  return {
    format,
    runs,
    bytes,
    collectMs: { median: median(collect), all: collect },
    renderMs: { median: median(render), all: render },
    totalMs: { median: median(total), all: total },
    cpuMs: { median: median(cpu), all: cpu },
  };
}

/** Rasterising every printed board picture of the session once (part of the cold DOCX and PDF renders). */
async function timeBoards(runs) {
  const { buildReport } = await import('@horizon/server/dist/export/outline.js');
  const report = buildReport(await exporter.model(created.sessionId));
  const svgs = report.blocks.filter((b) => b.kind === 'boardImage').map((b) => b.printSvg);
  const times = [];
  const cpu = [];
  for (let i = 0; i <= runs; i++) {
    exporter.boards.clear();
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await Promise.all(exporter.boards.pngs(svgs));
    const c = process.cpuUsage(c0);
    if (i > 0) {
      times.push(performance.now() - t0);
      cpu.push((c.user + c.system) / 1000);
    }
  }
  return { boards: svgs.length, ms: median(times), all: times, cpuMs: median(cpu) };
}

/**
 * The event loop's delay while the live-edit clients run: its maximum is the longest synchronous stretch of the
 * server's main thread (export work included), which is what a live edit waits behind.
 */
let loopDelay = null;
function loopDelayStop() {
  const h = loopDelay;
  loopDelay = null;
  if (!h) return null;
  h.disable();
  const ms = (ns) => Math.round(ns / 1e4) / 100;
  return { p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max) };
}

process.on('message', async (message) => {
  try {
    if (message.cmd === 'loopDelayStart') {
      loopDelayStop();
      loopDelay = monitorEventLoopDelay({ resolution: 1 });
      loopDelay.enable();
      process.send({ id: message.id, ok: true });
    } else if (message.cmd === 'loopDelayStop') {
      process.send({ id: message.id, ok: true, result: loopDelayStop() });
    } else if (message.cmd === 'gc') {
      globalThis.gc?.();
      process.send({ id: message.id, ok: true });
    } else if (message.cmd === 'boards') {
      process.send({ id: message.id, ok: true, result: await timeBoards(message.runs) });
    } else if (message.cmd === 'time') {
      process.send({
        id: message.id,
        ok: true,
        result: await timeFormat(message.format, message.runs, message.team, message.warm),
      });
    } else if (message.cmd === 'stop') {
      await built.app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      process.send({ id: message.id, ok: true });
      process.exit(0);
    }
  } catch (error) {
    process.send({ id: message.id, ok: false, message: String(error?.stack ?? error) });
  }
});

process.send({ ready: true, baseUrl, created });
