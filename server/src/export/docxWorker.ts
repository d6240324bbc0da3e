/**
 * Render thread that makes Word files (kept warm by `RenderWorkers`, from the build only). The report arrives as JSON
 * text (`reportTransfer.ts`); the file goes back as bytes, transferred rather than copied.
 */
import './lowPriority.js';
import type { DocxImage } from './docxBody.js';
import { renderDocx } from './renderDocx.js';
import { parseReport } from './reportTransfer.js';
import type { SerializedReport } from './reportTransfer.js';
import { serveJobs } from './threadJobs.js';

serveJobs(async ({ report, images }: { report: SerializedReport; images: (DocxImage | null)[] }) => {
  const buffer = await renderDocx(parseReport(report), images);
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength).slice();
  return { result: bytes, transfer: [bytes.buffer] };
});
