/**
 * Worker-thread entry that renders one Word file (started by `RenderWorkers.docx`, from the build only). The report
 * arrives as JSON text (`reportTransfer.ts`); the file goes back as bytes, transferred rather than copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lowerThisThreadsPriority } from './workerPriority.js';
import type { DocxImage } from './docxBody.js';
import { renderDocx } from './renderDocx.js';
import { parseReport } from './reportTransfer.js';
import type { SerializedReport } from './reportTransfer.js';

lowerThisThreadsPriority();

const { report, images } = workerData as { report: SerializedReport; images: (DocxImage | null)[] };
// Parsing inside the promise chain: a malformed report is reported back like any other failure.
Promise.resolve()
  .then(() => renderDocx(parseReport(report), images))
  .then(
    (buffer) => {
      const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength).slice();
      parentPort!.postMessage({ ok: true, bytes }, [bytes.buffer]);
    },
    (error: unknown) =>
      parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
