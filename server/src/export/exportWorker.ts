/**
 * The export thread (kept warm by `RenderWorkers`, from the build only): reads the rooms' bytes into the export
 * model and writes the text file or the report for the Word and PDF threads (`exportJob.ts`). A report's JSON
 * chunks go back transferred, not copied.
 */
import './lowPriority.js';
import { runExportJob } from './exportJob.js';
import type { ExportJob } from './exportJob.js';
import { transferables } from './reportTransfer.js';
import { serveJobs } from './threadJobs.js';

serveJobs((job: ExportJob) => {
  const result = runExportJob(job);
  return { result, transfer: result.kind === 'report' ? transferables(result.report) : [] };
});
