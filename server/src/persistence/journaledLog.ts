/**
 * The room update log of the SQLite store, written through the journal (updateJournal.ts): an append is one write()
 * to the journal, durable when it returns; every FOLD_INTERVAL_MS the records written since go into `room_updates`
 * in one transaction, and the journal is emptied. Readers of the log call `fold()` first, so SQLite always answers
 * with every appended update.
 *
 * Sequence numbers are handed out here, in append order, continuing from the highest ever used. The fold records the
 * last sequence it wrote in `store_meta`, in the same transaction: if the process dies after the fold's commit but
 * before the journal was emptied, the replay at the next start skips what SQLite already holds, so an update that a
 * compaction has since trimmed does not come back.
 */
import type Database from 'better-sqlite3';
import type { AppendEntry } from './Store.js';
import { UpdateJournal } from './updateJournal.js';
import type { JournalRecord } from './updateJournal.js';

/**
 * How long appended updates wait in the journal: long enough to fold many per transaction, short enough to stay small
 * (a second of a busy server's updates is well under a megabyte). Each fold is a commit that rewrites the table's and
 * index's last pages into the WAL, and empties the journal, whose next write allocates its blocks again: at 100 ms
 * this was a tenth of the server's CPU in the steady benchmark. A/B, 4 rounds: steady CPU 17.7 → 15.6 %, CPU per
 * 1000 updates at 4000/s 133 → 125.
 */
const FOLD_INTERVAL_MS = 1000;
/**
 * A background fold writes at most this many records per event-loop turn (a transaction each), then lets the loop
 * serve clients before the next: folding 500 records at once held every update arriving meanwhile for milliseconds.
 */
const FOLD_CHUNK_RECORDS = 128;
/**
 * Folded sooner (on the next turn) past this much, so a burst cannot pile up in memory, nor grow the WAL by more than
 * the checkpoint thread copies back in a few rounds.
 */
const FOLD_SOON_BYTES = 1024 * 1024;
/** After a failed fold (a full disk, say) the records stay in the journal and in memory; try again after this. */
const FOLD_RETRY_MS = 1000;

/** Where the journal of the database at `dbFile` lives: beside it, like SQLite's own -wal and -shm files. */
export function journalFileOf(dbFile: string): string {
  return `${dbFile}-updates.journal`;
}

export const JOURNALED_LOG_SCHEMA = `
CREATE TABLE IF NOT EXISTS store_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
`;

export interface JournaledLogOptions {
  /** Told when a background fold fails (the records stay journaled and are folded later). */
  onError?: (message: string) => void;
}

export class JournaledLog {
  readonly #journal: UpdateJournal;
  readonly #foldRecords: (records: readonly JournalRecord[]) => void;
  #unfolded: JournalRecord[] = [];
  #unfoldedBytes = 0;
  #nextSeq: number;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  /**
   * Opens the journal beside the database and folds whatever an earlier process left in it, so the store starts
   * with every update it ever acknowledged in SQLite. `tornBytes`: the length of a record cut short by a crash.
   */
  constructor(
    db: Database.Database,
    journalFile: string,
    private readonly options: JournaledLogOptions = {},
  ) {
    db.exec(JOURNALED_LOG_SCHEMA);
    const insert = db.prepare<[number, string, Buffer]>(
      'INSERT OR IGNORE INTO room_updates (seq, room, data) VALUES (?, ?, ?)',
    );
    const setFolded = db.prepare<[number]>(
      "INSERT INTO store_meta (key, value) VALUES ('folded_seq', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    );
    this.#foldRecords = db.transaction((records: readonly JournalRecord[]) => {
      for (const r of records)
        insert.run(r.seq, r.room, Buffer.from(r.data.buffer, r.data.byteOffset, r.data.byteLength));
      setFolded.run(records[records.length - 1]!.seq);
    });
    const folded =
      db.prepare<[], { value: number }>("SELECT value FROM store_meta WHERE key = 'folded_seq'").get()?.value ?? 0;
    const used =
      db.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'room_updates'").get()?.seq ?? 0;
    const { journal, records, tornBytes } = UpdateJournal.open(journalFile);
    this.#journal = journal;
    if (tornBytes > 0) options.onError?.(`update journal: dropped ${tornBytes} bytes of a write cut short by a crash`);
    const pending = records.filter((r) => r.seq > folded);
    this.#nextSeq = Math.max(folded, used, records.at(-1)?.seq ?? 0) + 1;
    this.#unfolded = pending;
    this.fold();
    // Records that were folded before the crash are left over in the file: start it over.
    if (this.#journal.byteLength > 0) this.#journal.clear();
  }

  /** Journals the entries in one write and returns their sequence numbers; throws (and keeps nothing) if it fails. */
  append(entries: readonly AppendEntry[]): number[] {
    if (this.#closed) throw new Error('the store is closed');
    const first = this.#nextSeq;
    const records = entries.map((e, i) => ({ seq: first + i, room: e.room, data: e.update }));
    this.#journal.append(records);
    this.#nextSeq += records.length;
    for (const r of records) {
      this.#unfolded.push(r);
      this.#unfoldedBytes += r.data.byteLength;
    }
    this.#schedule(this.#unfoldedBytes >= FOLD_SOON_BYTES ? 0 : FOLD_INTERVAL_MS);
    return records.map((r) => r.seq);
  }

  /** The sequence number of the last update appended. */
  get lastSeq(): number {
    return this.#nextSeq - 1;
  }

  /** Writes every journaled update into SQLite (one transaction) and empties the journal. Throws if SQLite fails. */
  fold(): void {
    this.#foldSome(Infinity);
  }

  /**
   * Folds every record up to sequence `seq`, a chunk per event-loop turn like the background fold: a compaction must
   * find its room's updates in the table before it trims them, but folding up to a second of every room's updates in
   * one go would hold the event loop for milliseconds (at 2000 updates/s it did: p99 55 ms instead of 12).
   */
  async foldThrough(seq: number): Promise<void> {
    while (this.#unfolded.length > 0 && this.#unfolded[0]!.seq <= seq) {
      this.#foldSome(FOLD_CHUNK_RECORDS);
      if (this.#unfolded.length > 0 && this.#unfolded[0]!.seq <= seq) await new Promise(setImmediate);
    }
  }

  /** Folds the oldest `limit` records; once none is left, empties the journal (in the same turn: none can slip in). */
  #foldSome(limit: number): void {
    if (this.#unfolded.length === 0) return;
    const all = this.#unfolded.length <= limit;
    const chunk = all ? this.#unfolded : this.#unfolded.slice(0, limit);
    this.#foldRecords(chunk);
    this.#unfolded = all ? [] : this.#unfolded.slice(limit);
    for (const r of chunk) this.#unfoldedBytes -= r.data.byteLength;
    if (!all) return;
    this.#unfoldedBytes = 0;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    try {
      this.#journal.clear();
    } catch (error) {
      // Harmless: the records left in the file are skipped at replay (they are at or below the folded sequence).
      this.options.onError?.(`update journal: could not empty it: ${(error as Error).message}`);
    }
  }

  /** Folds what is left and closes the journal; an update that cannot be folded stays in it for the next start. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    try {
      this.fold();
    } finally {
      this.#journal.close();
    }
  }

  #schedule(delayMs: number): void {
    if (this.#timer && delayMs > 0) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(this.#onTimer, delayMs);
    // Never the reason the process stays up: close() folds what is left.
    this.#timer.unref();
  }

  readonly #onTimer = (): void => {
    this.#timer = undefined;
    try {
      this.#foldSome(FOLD_CHUNK_RECORDS);
      if (this.#unfolded.length > 0) this.#schedule(0);
    } catch (error) {
      this.options.onError?.(`update journal: fold into SQLite failed: ${(error as Error).message}`);
      this.#schedule(FOLD_RETRY_MS);
    }
  };
}
