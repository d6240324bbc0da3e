/**
 * Worker-thread entry that rasterises board pictures (started by `RenderWorkers.boards`, from the build only).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lowerThisThreadsPriority } from './workerPriority.js';
import { rasterizeBoard } from './boardPng.js';

lowerThisThreadsPriority();

const { svgs, fonts } = workerData as { svgs: string[]; fonts: string[] };
try {
  const images = svgs.map((svg) => rasterizeBoard(svg, fonts).png);
  parentPort!.postMessage(
    { ok: true, images },
    images.map((png) => png.buffer as ArrayBuffer),
  );
} catch (error) {
  parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
}
