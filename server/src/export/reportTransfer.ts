/**
 * A report on its way to a render thread. Handing a worker the report object itself structured-clones thousands of
 * blocks in one synchronous call on the event loop (tens of milliseconds for a big session, live edits waiting
 * behind it); even as JSON strings, posting megabytes of text took the event loop 10–20 ms. So the report goes as
 * UTF-8 JSON written a slice at a time, in buffers that are transferred (moved, not copied) to the thread, which
 * parses them back (`parseReport`).
 */
import type { Block, Report } from './report.js';
import { runInSlices, runNow } from './yielding.js';

export interface SerializedReport {
  /** The report without its blocks, as JSON. */
  head: string;
  /** The blocks, in order, as UTF-8 JSON arrays of a few hundred blocks each. */
  blocks: Uint8Array[];
}

/** The buffers to transfer with a serialized report (it is unusable here afterwards). */
export function transferables(serialized: SerializedReport): ArrayBuffer[] {
  return serialized.blocks.map((chunk) => chunk.buffer as ArrayBuffer);
}

/** Blocks per JSON array: a pause can come only between arrays, each a few milliseconds of stringifying. */
const BLOCKS_PER_CHUNK = 200;

function* serializeSteps(report: Report): Generator<void, SerializedReport> {
  const { blocks, ...head } = report;
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < blocks.length; i += BLOCKS_PER_CHUNK) {
    // Each chunk its own ArrayBuffer (unlike Buffer.from, which may slice a shared pool): it can be transferred.
    chunks.push(encoder.encode(JSON.stringify(blocks.slice(i, i + BLOCKS_PER_CHUNK))));
    yield;
  }
  return { head: JSON.stringify(head), blocks: chunks };
}

/** The report as JSON text, at once (in a thread, where nothing waits for the loop). */
export function serializeReportNow(report: Report): SerializedReport {
  return runNow(serializeSteps(report));
}

/** The report as JSON text, written with the event loop turning in between. */
export function serializeReport(report: Report): Promise<SerializedReport> {
  return runInSlices(serializeSteps(report));
}

export function parseReport(serialized: SerializedReport): Report {
  const decoder = new TextDecoder();
  const blocks: Block[] = [];
  for (const chunk of serialized.blocks) {
    for (const block of JSON.parse(decoder.decode(chunk)) as Block[]) blocks.push(block);
  }
  return { ...(JSON.parse(serialized.head) as Omit<Report, 'blocks'>), blocks };
}
