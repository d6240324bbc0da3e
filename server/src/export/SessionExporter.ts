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
import { CONTENT_TYPES, exportFileName } from './formats.js';
import type { ExportFormat } from './formats.js';
import { L } from './labels.js';
import type { ExportModel } from './model.js';
import { buildReport } from './outline.js';
import { buildPdfJob } from './pdfDefinition.js';
import { buildExportModel } from './readModel.js';
import { renderCsv } from './renderCsv.js';
import { renderHtml } from './renderHtml.js';
import { renderJson } from './renderJson.js';
import { renderMarkdown } from './renderMarkdown.js';
import { RenderWorkers } from './renderWorkers.js';

/** What the exporter needs of the room server: the rooms that are in memory now (RoomManager.peek). */
export interface LiveRooms {
  peek(name: string): { doc: Y.Doc } | undefined;
}

export interface ExportFile {
  body: Buffer | string;
  contentType: string;
  fileName: { utf8: string; ascii: string };
}

export class SessionExporter {
  readonly #workers: RenderWorkers;

  constructor(
    private readonly store: Store,
    private readonly rooms: LiveRooms,
    workers: RenderWorkers = new RenderWorkers(),
  ) {
    this.#workers = workers;
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
    const [participants, sessionDoc, ...teamDocs] = await Promise.all([
      this.store.listParticipants(sessionId),
      this.#scratchCopy(sessionRoom(sessionId), 'session'),
      ...teams.map((t) => this.#scratchCopy(teamRoom(sessionId, t.teamId), 'team')),
    ]);
    try {
      return buildExportModel({
        session,
        teams,
        participants,
        sessionDoc,
        teamDocs: new Map(teams.map((t, i) => [t.teamId, teamDocs[i]!])),
        scope: teamId === undefined ? { kind: 'session' } : { kind: 'team', teamId },
      });
    } finally {
      sessionDoc.destroy();
      teamDocs.forEach((doc) => doc.destroy());
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
      case 'docx':
        return { body: await this.#workers.docx(buildReport(model)), contentType, fileName };
      case 'pdf':
        return {
          body: await this.#workers.pdf(buildPdfJob(buildReport(model), { page: L.page, of: L.of })),
          contentType,
          fileName,
        };
    }
  }

  async #scratchCopy(name: RoomName, kind: 'session' | 'team'): Promise<Y.Doc> {
    const copy = new Y.Doc();
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
