/**
 * The complete session as JSON: the export model itself (`{ format: 'horizon-session', version: 1, … }`), for
 * follow-up tools and a later import. Rich text stays ProseMirror JSON, so an importer can rebuild the documents.
 */
import type { ExportModel } from './model.js';

export function renderJson(model: ExportModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}
