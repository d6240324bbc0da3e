/**
 * Exports a session or one of its teams. The event loop only gathers what the export reads: the store's records and
 * each room as the store holds it — its snapshot and the log after it, as bytes. Everything applied to a room in
 * memory reaches the store (client updates as sent, every other change encoded from its transaction), so once the
 * room's pending appends are written (`whenPersisted`) the store has exactly what the live document has, edits not
 * yet compacted included; the export never encodes or touches a live document, and a room not loaded is not loaded.
 * One room per turn of the event loop. Everything that costs CPU — building scratch documents, reading them, writing
 * the report or the file — runs in render threads (`exportJob.ts`, `renderWorkers.ts`), so a big session's export
 * neither stalls nor fills with garbage the loop that relays everyone's live edits.
 */
import { sessionRoom, teamRoom } from '@horizon/shared';
import type { RoomName } from '@horizon/shared';
import type { Store, TeamRecord } from '../persistence/Store.js';
import { HttpError } from '../errors.js';
import { BoardImages } from './boardPng.js';
import type { DocxImage } from './docxBody.js';
import type { ExportInput, ExportOutput } from './exportJob.js';
import { CONTENT_TYPES, exportFileName } from './formats.js';
import type { ExportFormat } from './formats.js';
import { L } from './labels.js';
import type { ExportModel, ExportScope } from './model.js';
import { RenderWorkers } from './renderWorkers.js';
import { yieldToEventLoop } from './yielding.js';

/** What the exporter needs of the room server (RoomManager). */
export interface LiveRooms {
  /**
   * Resolves once everything applied to the room is on disk (busy rooms hold updates for up to one broadcast slot),
   * so a report never shows what a crash could still take back.
   */
  whenPersisted(name: string): Promise<void>;
}

export interface ExportFile {
  body: Buffer | string;
  contentType: string;
  fileName: { utf8: string; ascii: string };
}

/** Buffers that may be moved to a thread: ones that own all of their memory (not a view into a shared pool). */
function movable(parts: readonly Uint8Array[]): ArrayBuffer[] {
  return parts.flatMap((part) =>
    part.byteOffset === 0 && part.byteLength === part.buffer.byteLength && part.buffer instanceof ArrayBuffer
      ? [part.buffer]
      : [],
  );
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

  /** Starts the render threads a Word or PDF export needs (the export dialog opened; see `RenderWorkers.warm`). */
  warm(format: 'docx' | 'pdf'): void {
    this.#workers.warm(format);
  }

  /** The whole session (`teamId` undefined) or one team as a file; `initiative`: that initiative's passport. */
  async export(sessionId: string, teamId: string | undefined, format: ExportFormat, initiative?: string) {
    return this.produce(await this.collect(sessionId, teamId), format, initiative);
  }

  /** The export model, read here rather than in a thread (tests). */
  async model(sessionId: string, teamId?: string): Promise<ExportModel> {
    const { readExportModel } = await import('./exportJob.js');
    return readExportModel(await this.collect(sessionId, teamId));
  }

  /** Everything an export reads, gathered on the event loop one room per turn. */
  async collect(sessionId: string, teamId?: string): Promise<ExportInput> {
    const session = await this.store.getSession(sessionId);
    if (!session) throw new HttpError('notFound', 'No such session.');
    const allTeams = await this.store.listTeams(sessionId);
    let teams: TeamRecord[] = [...allTeams].sort((a, b) => a.position - b.position);
    if (teamId !== undefined) {
      teams = teams.filter((t) => t.teamId === teamId);
      if (teams.length === 0) throw new HttpError('notFound', 'This session has no such team.');
    }
    const participants = await this.store.listParticipants(sessionId);
    const sessionState = await this.#roomState(sessionRoom(sessionId));
    const teamStates: Uint8Array[][] = [];
    for (const team of teams) {
      // The store answers synchronously: without this, every room would be encoded in one turn.
      await yieldToEventLoop();
      teamStates.push(await this.#roomState(teamRoom(sessionId, team.teamId)));
    }
    const scope: ExportScope = teamId === undefined ? { kind: 'session' } : { kind: 'team', teamId };
    return { session, teams, participants, sessionState, teamStates, scope, now: new Date().toISOString() };
  }

  /** The file of gathered input: read and written in the export thread, Word and PDF in theirs. */
  async produce(input: ExportInput, format: ExportFormat, initiative?: string): Promise<ExportFile> {
    const transfer = movable([...input.sessionState, ...input.teamStates.flat()]);
    const output = await this.#workers.exportJob({ input, format, initiative }, transfer);
    if (output.kind === 'notFound') throw new HttpError('notFound', output.message);
    const fileName = exportFileName(output.names.title, output.names.team, format);
    const contentType = CONTENT_TYPES[format];
    return { body: await this.#body(output, format), contentType, fileName };
  }

  async #body(output: Exclude<ExportOutput, { kind: 'notFound' }>, format: ExportFormat): Promise<Buffer | string> {
    switch (output.kind) {
      case 'text':
        return output.text;
      case 'picture':
        return Buffer.from((await this.boards.png(output.svg)).png);
      case 'report': {
        const pictures = await this.#pictures(output.boardSvgs);
        return format === 'pdf'
          ? this.#workers.pdfOfReport(output.report, { page: L.page, of: L.of }, pictures)
          : this.#workers.docx(output.report, pictures);
      }
    }
  }

  /** PNGs of the report's boards, rendered at once (off the event loop), in the order of its board blocks. */
  #pictures(svgs: readonly string[]): Promise<(DocxImage | null)[]> {
    // A board that cannot be drawn leaves its picture out; the notes are listed below it anyway.
    return Promise.all(this.boards.pngs(svgs).map((image) => image.catch(() => null)));
  }

  /** A room's state as updates to apply in order, read once everything applied to it is on disk. */
  async #roomState(name: RoomName): Promise<Uint8Array[]> {
    await this.rooms.whenPersisted(name);
    const stored = await this.store.loadRoom(name);
    return stored.snapshot ? [stored.snapshot, ...stored.updates] : [...stored.updates];
  }
}
