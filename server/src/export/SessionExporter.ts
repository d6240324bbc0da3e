/**
 * Exports a session or one of its teams: reads scratch copies of the rooms, builds the export model, renders it.
 *
 * A room in memory is copied (`encodeStateAsUpdate` → a new Y.Doc), so the export sees edits not yet compacted and
 * never touches the live document; a room not loaded is read straight from the store (snapshot + log) and migrated
 * in its copy, without loading it into the room server (nothing to unload afterwards, no sockets to wait for).
 */
import * as Y from 'yjs';
import { migrateDoc, sessionMigrations, sessionRoom, teamMigrations, teamRoom } from '@horizon/shared';
import type { RoomName } from '@horizon/shared';
import type { Store, TeamRecord } from '../persistence/Store.js';
import { HttpError } from '../errors.js';
import { BoardImages } from './boardPng.js';
import type { DocxImage } from './docxBody.js';
import { CONTENT_TYPES, exportFileName } from './formats.js';
import type { ExportFormat } from './formats.js';
import { L } from './labels.js';
import type { ExportModel, ExportScope, ExportTeam } from './model.js';
import { reportSteps } from './outline.js';
import { buildPassportReport } from './passportReport.js';
import { assembleModel, readExportTeamSteps, sessionFrame } from './readModel.js';
import { emptyBoardSvg, renderBoardSvg, standaloneSvg } from './renderBoardSvg.js';
import { renderCsv } from './renderCsv.js';
import { htmlBodySteps, renderHtml } from './renderHtml.js';
import { renderJsonSteps } from './renderJson.js';
import { markdownBodySteps, renderMarkdown } from './renderMarkdown.js';
import type { Report } from './report.js';
import { RenderWorkers } from './renderWorkers.js';
import { runInSlices, yieldToEventLoop } from './yielding.js';

/** What the exporter needs of the room server: the rooms that are in memory now (RoomManager.peek). */
export interface LiveRooms {
  peek(name: string): { doc: Y.Doc } | undefined;
  /**
   * Resolves once everything applied to the room is on disk (busy rooms hold updates for up to one broadcast slot),
   * so a report never shows what a crash could still take back.
   */
  whenPersisted?(name: string): Promise<void>;
}

export interface ExportFile {
  body: Buffer | string;
  contentType: string;
  fileName: { utf8: string; ascii: string };
}

export class SessionExporter {
  readonly #workers: RenderWorkers;
  /** Board pictures, shared by every export of this server (Word and PDF of the same boards rasterise once). */
  readonly boards: BoardImages;

  constructor(
    private readonly store: Store,
    private readonly rooms: LiveRooms,
    workers: RenderWorkers = new RenderWorkers(),
  ) {
    this.#workers = workers;
    this.boards = new BoardImages((svgs) => workers.boards(svgs));
  }

  /** The export model of the whole session (`teamId` undefined) or of one team. */
  async model(sessionId: string, teamId?: string): Promise<ExportModel> {
    const session = await this.store.getSession(sessionId);
    if (!session) throw new HttpError('notFound', 'No such session.');
    const allTeams = await this.store.listTeams(sessionId);
    let teams: TeamRecord[] = [...allTeams].sort((a, b) => a.position - b.position);
    if (teamId !== undefined) {
      teams = teams.filter((t) => t.teamId === teamId);
      if (teams.length === 0) throw new HttpError('notFound', 'This session has no such team.');
    }
    const [participants, sessionDoc] = await Promise.all([
      this.store.listParticipants(sessionId),
      this.#scratchCopy(sessionRoom(sessionId), 'session'),
    ]);
    try {
      // The store's reads and the session copy above resolve without a turn of the event loop (SQLite answers
      // synchronously): let it turn before reading the session's feedback.
      await yieldToEventLoop();
      const frame = sessionFrame(session, sessionDoc);
      const read: ExportTeam[] = [];
      // One room copy a turn, and each team read in slices (`yielding.ts`): copying and reading a big room takes
      // tens of milliseconds, and live edits of every session wait behind whatever runs on the event loop.
      for (const team of teams) {
        await yieldToEventLoop();
        const doc = await this.#scratchCopy(teamRoom(sessionId, team.teamId), 'team');
        try {
          await yieldToEventLoop();
          read.push(await runInSlices(readExportTeamSteps(frame, team, doc, participants)));
        } finally {
          doc.destroy();
        }
      }
      await yieldToEventLoop();
      const scope: ExportScope = teamId === undefined ? { kind: 'session' } : { kind: 'team', teamId };
      return assembleModel(frame, { session, sessionDoc, scope }, read);
    } finally {
      sessionDoc.destroy();
    }
  }

  async render(model: ExportModel, format: ExportFormat): Promise<ExportFile> {
    const team = model.scope.kind === 'team' ? (model.teams[0]?.name ?? null) : null;
    const fileName = exportFileName(model.session.title, team, format);
    const contentType = CONTENT_TYPES[format];
    // Text formats are written in slices on the event loop (a worker would cost more in copying than they take);
    // Word and PDF files are made in render threads.
    switch (format) {
      case 'json':
        return { body: await runInSlices(renderJsonSteps(model)), contentType, fileName };
      case 'csv':
        return { body: renderCsv(model), contentType, fileName };
      case 'md': {
        const report = await this.#report(model);
        return {
          body: renderMarkdown(report, await runInSlices(markdownBodySteps(report.blocks))),
          contentType,
          fileName,
        };
      }
      case 'html': {
        const report = await this.#report(model);
        return { body: renderHtml(report, await runInSlices(htmlBodySteps(report.blocks))), contentType, fileName };
      }
      case 'docx': {
        const report = await this.#report(model);
        return { body: await this.#workers.docx(report, await this.#pictures(report)), contentType, fileName };
      }
      case 'pdf': {
        const report = await this.#report(model);
        const pictures = await this.#pictures(report);
        return {
          body: await this.#workers.pdfOfReport(report, { page: L.page, of: L.of }, pictures),
          contentType,
          fileName,
        };
      }
      case 'svg':
      case 'png': {
        const svg = this.#boardSvg(model);
        const body = format === 'svg' ? standaloneSvg(svg) : Buffer.from((await this.boards.png(svg)).png);
        return { body, contentType, fileName };
      }
    }
  }

  /** One initiative's passport as a Word file; `model` is its team's export model. */
  async passport(model: ExportModel, initiativeId: string): Promise<ExportFile> {
    const report = buildPassportReport(model, initiativeId);
    if (!report) throw new HttpError('notFound', 'This team has no such initiative.');
    return {
      body: await this.#workers.docx(report),
      contentType: CONTENT_TYPES.docx,
      fileName: exportFileName(report.title, model.teams[0]?.name ?? null, 'docx'),
    };
  }

  /** The team's board picture; an empty board still gives a (blank) picture rather than an error. */
  #boardSvg(model: ExportModel): string {
    const team = model.teams[0];
    if (model.scope.kind !== 'team' || !team) throw new HttpError('badRequest', 'Board pictures need a team.');
    const title = `${L.board}: ${team.name}`;
    return renderBoardSvg(team.board, title) ?? emptyBoardSvg(title, L.boardEmpty);
  }

  /** The report, made in slices with the event loop turning in between (live edits wait for nothing longer). */
  #report(model: ExportModel): Promise<Report> {
    return runInSlices(reportSteps(model));
  }

  /** PNGs of the report's boards, rendered at once (off the event loop), in the order of its board blocks. */
  #pictures(report: Report): Promise<(DocxImage | null)[]> {
    const svgs = report.blocks.flatMap((block) => (block.kind === 'boardImage' ? [block.printSvg] : []));
    // A board that cannot be drawn leaves its picture out; the notes are listed below it anyway.
    return Promise.all(this.boards.pngs(svgs).map((image) => image.catch(() => null)));
  }

  async #scratchCopy(name: RoomName, kind: 'session' | 'team'): Promise<Y.Doc> {
    const copy = new Y.Doc();
    await this.rooms.whenPersisted?.(name);
    // Copied in the same turn the wait ends in: no socket message can slip in between.
    const live = this.rooms.peek(name);
    if (live) {
      // Already migrated when it was loaded.
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(live.doc));
      return copy;
    }
    const stored = await this.store.loadRoom(name);
    // What was read is the copy's from here on: the event loop may turn between reading, merging and applying it.
    await yieldToEventLoop();
    const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
    let update = parts.length === 1 ? parts[0]! : null;
    if (parts.length > 1) {
      update = Y.mergeUpdates(parts);
      await yieldToEventLoop();
    }
    if (update) Y.applyUpdate(copy, update);
    migrateDoc(copy, kind === 'session' ? sessionMigrations : teamMigrations);
    return copy;
  }
}
