/**
 * The complete session as JSON: the export model itself (`{ format: 'horizon-session', version: 1, … }`), for
 * follow-up tools and a later import. Rich text stays ProseMirror JSON, so an importer can rebuild the documents.
 */
import type { ExportModel } from './model.js';
import { mapSteps } from './yielding.js';

export function renderJson(model: ExportModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}

/**
 * Stands for the teams while the rest of the model is written. Every string of the model was cleaned of control
 * characters (`sanitize.ts`), so no value can spell this one.
 */
const TEAMS_MARK = JSON.stringify('\u0000teams');

/**
 * `renderJson` as steps (see `yielding.ts`), a pause possible after any team: a big session is 1.6 MB of JSON, tens
 * of milliseconds to write in one go. The text is the same: each team is written alone and indented to its depth
 * in the whole (JSON text has line breaks only between tokens, never inside a string).
 */
export function* renderJsonSteps(model: ExportModel): Generator<void, string> {
  const teams = yield* mapSteps(model.teams, (team) => JSON.stringify(team, null, 2).replace(/\n/g, '\n    '));
  // Overriding `teams` keeps its place among the keys.
  const rest = JSON.stringify({ ...model, teams: '\u0000teams' }, null, 2);
  const at = rest.indexOf(TEAMS_MARK);
  const list = teams.length === 0 ? '[]' : `[\n    ${teams.join(',\n    ')}\n  ]`;
  return `${rest.slice(0, at)}${list}${rest.slice(at + TEAMS_MARK.length)}\n`;
}
