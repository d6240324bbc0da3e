/**
 * Render thread that rasterises board pictures (kept warm by `RenderWorkers`, from the build only): each job is a
 * share of an export's boards, answered with their PNGs, transferred rather than copied.
 */
import './lowPriority.js';
import { rasterizeBoard } from './boardPng.js';
import { serveJobs } from './threadJobs.js';

serveJobs(({ svgs, fonts }: { svgs: string[]; fonts: string[] }) => {
  const images = svgs.map((svg) => rasterizeBoard(svg, fonts).png);
  return { result: images, transfer: images.map((png) => png.buffer as ArrayBuffer) };
});
