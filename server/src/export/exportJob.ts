/**
 * An export from the rooms' bytes to what the event loop hands on: the part of an export that costs CPU, run in the
 * export thread (`exportWorker.ts`). The event loop only gathers the store's records and each room's state as Yjs
 * updates (`SessionExporter.collect`); building the documents, reading them, and writing the report or the text
 * file all happen here, so the garbage of a big session's export never pauses the loop that relays live edits.
 *
 * Synchronous and pure: the same function runs in-process when there is no compiled thread entry (TypeScript
 * sources in unit and integration tests).
 */
import * as Y from 'yjs';
import { migrateDoc, sessionMigrations, teamMigrations } from '@horizon/shared';
import type { ParticipantRecord, SessionRecord, TeamRecord } from '../persistence/Store.js';
import type { ExportFormat } from './formats.js';
import { L } from './labels.js';
import type { ExportModel, ExportScope } from './model.js';
import { buildReport } from './outline.js';
import { buildPassportReport } from './passportReport.js';
import { assembleModel, readExportTeam, sessionFrame } from './readModel.js';
import { emptyBoardSvg, renderBoardSvg, standaloneSvg } from './renderBoardSvg.js';
import { renderCsv } from './renderCsv.js';
import { renderHtml } from './renderHtml.js';
import { renderJson } from './renderJson.js';
import { renderMarkdown } from './renderMarkdown.js';
import type { Report } from './report.js';
import { serializeReportNow } from './reportTransfer.js';
import type { SerializedReport } from './reportTransfer.js';

export interface ExportInput {
  session: SessionRecord;
  /** The teams to export, in display order (one for a team export). */
  teams: TeamRecord[];
  participants: ParticipantRecord[];
  /** The session room as updates applied in order (a snapshot and the log after it, or one encoded state). */
  sessionState: Uint8Array[];
  /** Each exported team's room, in the order of `teams`. */
  teamStates: Uint8Array[][];
  scope: ExportScope;
  /** When the export was asked for (ISO), the model's `exportedAt`. */
  now: string;
}

export interface ExportJob {
  input: ExportInput;
  format: ExportFormat;
  /** One initiative's passport instead of the report (`format` is then `docx`). */
  initiative?: string;
}

/** What names the file: the session's title and, for a team export, the team's name. */
export interface ExportNames {
  title: string;
  team: string | null;
}

export type ExportOutput =
  /** Markdown, HTML, JSON, CSV or an SVG picture, finished. */
  | { kind: 'text'; text: string; names: ExportNames }
  /**
   * A report for the Word or PDF thread, with the board SVGs whose pictures it shows (in the order of its board
   * blocks; none for a passport).
   */
  | { kind: 'report'; report: SerializedReport; boardSvgs: string[]; names: ExportNames }
  /** The board SVG to rasterise for `format=png`. */
  | { kind: 'picture'; svg: string; names: ExportNames }
  | { kind: 'notFound'; message: string };

/** A scratch document of a room's bytes, migrated like a room being loaded (a no-op for rooms that were). */
function docOf(parts: readonly Uint8Array[], migrations: Parameters<typeof migrateDoc>[1]): Y.Doc {
  const doc = new Y.Doc();
  for (const part of parts) Y.applyUpdate(doc, part);
  migrateDoc(doc, migrations);
  return doc;
}

/** The export model of the rooms' bytes. */
export function readExportModel(input: ExportInput): ExportModel {
  const sessionDoc = docOf(input.sessionState, sessionMigrations);
  try {
    const frame = sessionFrame(input.session, sessionDoc);
    const teams = input.teams.map((team, i) => {
      const doc = docOf(input.teamStates[i] ?? [], teamMigrations);
      try {
        return readExportTeam(frame, team, doc, input.participants);
      } finally {
        doc.destroy();
      }
    });
    return assembleModel(
      frame,
      { session: input.session, sessionDoc, scope: input.scope, now: new Date(input.now) },
      teams,
    );
  } finally {
    sessionDoc.destroy();
  }
}

function namesOf(model: ExportModel): ExportNames {
  return {
    title: model.session.title,
    team: model.scope.kind === 'team' ? (model.teams[0]?.name ?? null) : null,
  };
}

function boardSvgOf(model: ExportModel): string {
  const team = model.teams[0];
  if (model.scope.kind !== 'team' || !team) throw new Error('Board pictures need a team.');
  const title = `${L.board}: ${team.name}`;
  // An empty board still gives a (blank) picture rather than an error.
  return renderBoardSvg(team.board, title) ?? emptyBoardSvg(title, L.boardEmpty);
}

function forRenderer(report: Report, names: ExportNames): ExportOutput {
  const boardSvgs = report.blocks.flatMap((block) => (block.kind === 'boardImage' ? [block.printSvg] : []));
  return { kind: 'report', report: serializeReportNow(report), boardSvgs, names };
}

export function runExportJob({ input, format, initiative }: ExportJob): ExportOutput {
  const model = readExportModel(input);
  const names = namesOf(model);
  if (initiative !== undefined) {
    const report = buildPassportReport(model, initiative);
    if (!report) return { kind: 'notFound', message: 'This team has no such initiative.' };
    return forRenderer(report, { title: report.title, team: model.teams[0]?.name ?? null });
  }
  switch (format) {
    case 'json':
      return { kind: 'text', text: renderJson(model), names };
    case 'csv':
      return { kind: 'text', text: renderCsv(model), names };
    case 'md':
      return { kind: 'text', text: renderMarkdown(buildReport(model)), names };
    case 'html':
      return { kind: 'text', text: renderHtml(buildReport(model)), names };
    case 'svg':
      return { kind: 'text', text: standaloneSvg(boardSvgOf(model)), names };
    case 'png':
      return { kind: 'picture', svg: boardSvgOf(model), names };
    case 'docx':
    case 'pdf':
      return forRenderer(buildReport(model), names);
  }
}
