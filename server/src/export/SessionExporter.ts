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
import { buildReport, teamPart } from './outline.js';
import { buildPassportReport } from './passportReport.js';
import { buildPdfJob } from './pdfDefinition.js';
import { assembleModel, readExportTeam, sessionFrame } from './readModel.js';
import { emptyBoardSvg, renderBoardSvg, standaloneSvg } from './renderBoardSvg.js';
import { renderCsv } from './renderCsv.js';
import { renderHtml } from './renderHtml.js';
import { renderJson } from './renderJson.js';
import { renderMarkdown } from './renderMarkdown.js';
import type { Block, Report } from './report.js';
import { RenderWorkers } from './renderWorkers.js';

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

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
      const frame = sessionFrame(session, sessionDoc);
      const read: ExportTeam[] = [];
      // One team at a time, yielding to the event loop in between: copying and reading a big room takes tens of
      // milliseconds, and live edits of every session wait behind them.
      for (const team of teams) {
        await yieldToEventLoop();
        const doc = await this.#scratchCopy(teamRoom(sessionId, team.teamId), 'team');
        try {
          read.push(readExportTeam(frame, team, doc, participants));
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
    switch (format) {
      case 'json':
        return { body: renderJson(model), contentType, fileName };
      case 'csv':
        return { body: renderCsv(model), contentType, fileName };
      case 'md':
        return { body: renderMarkdown(buildReport(model)), contentType, fileName };
      case 'html':
        return { body: renderHtml(buildReport(model)), contentType, fileName };
      case 'docx': {
        const report = await this.#report(model);
        return { body: await this.#workers.docx(report, await this.#pictures(report)), contentType, fileName };
      }
      case 'pdf': {
        const report = await this.#report(model);
        const job = buildPdfJob(report, { page: L.page, of: L.of }, await this.#pictures(report));
        return { body: await this.#workers.pdf(job), contentType, fileName };
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

  /** The report, its teams' parts made one at a time with the event loop turning in between (live edits wait). */
  async #report(model: ExportModel): Promise<Report> {
    const parts: Block[][] = [];
    for (const team of model.teams) {
      await yieldToEventLoop();
      parts.push(teamPart(team, model.scope.kind === 'team'));
    }
    await yieldToEventLoop();
    return buildReport(model, parts);
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
    const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
    if (parts.length > 0) Y.applyUpdate(copy, parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts));
    migrateDoc(copy, kind === 'session' ? sessionMigrations : teamMigrations);
    return copy;
  }
}
