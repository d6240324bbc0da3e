/**
 * The store's write-ahead journal for room updates: an append-only file that takes each batch of updates in one
 * write() before they are broadcast, so the latency path pays one small system call instead of a SQLite transaction.
 *
 * Why: appending an update as its own SQLite transaction rewrites whole 4 KB pages of the log table and its index
 * into the WAL and takes file locks, for every update of 40–200 bytes (4 MB of WAL a second under the steady
 * benchmark). The journal writes the bytes once; the store folds them into SQLite in one transaction every so often
 * and empties the journal. Durability is SQLite's with `synchronous = NORMAL` in WAL mode: a write() is in the
 * kernel's page cache when it returns, so it survives the process being killed; only an OS crash could lose the
 * last moments, as with the WAL.
 *
 * Layout: one batch per write: u32 body length, u32 CRC-32 of the body, then the body, a run of records: u48
 * sequence, u16 room name length, the name (UTF-8), u32 update length, the update. Replay stops at the first batch
 * that is short or fails its checksum: a write the process died in the middle of, never acknowledged and so never
 * broadcast.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';

export interface JournalRecord {
  seq: number;
  room: string;
  data: Uint8Array;
}

const HEADER_BYTES = 8;
const SEQ_BYTES = 6;
const RECORD_FIXED_BYTES = SEQ_BYTES + 2 + 4;

/** Room names as UTF-8, kept: a busy server writes the same few hundred names over and over. */
const roomBytesCache = new Map<string, Buffer>();
const ROOM_BYTES_CACHE_SIZE = 4096;

function roomBytes(room: string): Buffer {
  let bytes = roomBytesCache.get(room);
  if (!bytes) {
    bytes = Buffer.from(room, 'utf8');
    if (bytes.byteLength > 0xffff) throw new Error(`room name too long for the journal: ${room.slice(0, 40)}…`);
    if (roomBytesCache.size >= ROOM_BYTES_CACHE_SIZE) roomBytesCache.clear();
    roomBytesCache.set(room, bytes);
  }
  return bytes;
}

/** The records as one batch: header and body, ready for one write. */
export function encodeRecords(records: readonly JournalRecord[]): Buffer {
  let total = HEADER_BYTES;
  for (const r of records) total += RECORD_FIXED_BYTES + roomBytes(r.room).byteLength + r.data.byteLength;
  const out = Buffer.allocUnsafe(total);
  let p = HEADER_BYTES;
  for (const r of records) {
    const room = roomBytes(r.room);
    p = out.writeUIntLE(r.seq, p, SEQ_BYTES);
    p = out.writeUInt16LE(room.byteLength, p);
    p += room.copy(out, p);
    p = out.writeUInt32LE(r.data.byteLength, p);
    out.set(r.data, p);
    p += r.data.byteLength;
  }
  out.writeUInt32LE(total - HEADER_BYTES, 0);
  out.writeUInt32LE(zlib.crc32(out.subarray(HEADER_BYTES)), 4);
  return out;
}

/** The records of one batch's body, or null when it does not parse (it passed its checksum, so: not ours). */
function decodeBody(body: Buffer): JournalRecord[] | null {
  const records: JournalRecord[] = [];
  let p = 0;
  while (p < body.byteLength) {
    if (p + RECORD_FIXED_BYTES > body.byteLength) return null;
    const seq = body.readUIntLE(p, SEQ_BYTES);
    const roomLength = body.readUInt16LE(p + SEQ_BYTES);
    const roomStart = p + SEQ_BYTES + 2;
    const dataLength = body.readUInt32LE(roomStart + roomLength);
    const dataStart = roomStart + roomLength + 4;
    if (dataStart + dataLength > body.byteLength) return null;
    records.push({
      seq,
      room: body.toString('utf8', roomStart, roomStart + roomLength),
      // A copy: the file's buffer is dropped after replay.
      data: new Uint8Array(body.subarray(dataStart, dataStart + dataLength)),
    });
    p = dataStart + dataLength;
  }
  return records;
}

/** The records of a journal's bytes, up to the first torn or corrupt batch; `validBytes` is where that one starts. */
export function decodeRecords(bytes: Buffer): { records: JournalRecord[]; validBytes: number } {
  const records: JournalRecord[] = [];
  let at = 0;
  while (at + HEADER_BYTES <= bytes.byteLength) {
    const bodyStart = at + HEADER_BYTES;
    const bodyEnd = bodyStart + bytes.readUInt32LE(at);
    if (bodyEnd > bytes.byteLength) break;
    const body = bytes.subarray(bodyStart, bodyEnd);
    if (zlib.crc32(body) !== bytes.readUInt32LE(at + 4)) break;
    const batch = decodeBody(body);
    if (!batch) break;
    records.push(...batch);
    at = bodyEnd;
  }
  return { records, validBytes: at };
}

export class UpdateJournal {
  readonly #fd: number;
  /** Bytes in the file: where the next record starts, and where a failed write is cut back to. */
  #bytes = 0;

  /**
   * Opens (or creates) the journal and reads what an earlier process left in it. `tornBytes` counts bytes after the
   * last whole record: a write cut short by a crash, cut off here so new records follow the valid ones.
   */
  static open(file: string): { journal: UpdateJournal; records: JournalRecord[]; tornBytes: number } {
    const journal = new UpdateJournal(file);
    const bytes = fs.readFileSync(file);
    const { records, validBytes } = decodeRecords(bytes);
    if (validBytes < bytes.byteLength) fs.ftruncateSync(journal.#fd, validBytes);
    journal.#bytes = validBytes;
    return { journal, records, tornBytes: bytes.byteLength - validBytes };
  }

  private constructor(file: string) {
    // O_APPEND: every write lands at the end, also after the file was emptied.
    this.#fd = fs.openSync(file, 'a+');
  }

  /** Writes the records in one system call (more only if the kernel takes part); throws when they are not all in. */
  append(records: readonly JournalRecord[]): void {
    const bytes = encodeRecords(records);
    let written = 0;
    try {
      while (written < bytes.byteLength) written += fs.writeSync(this.#fd, bytes, written);
    } catch (error) {
      // Cut a partial record off, or replay would stop at it and ignore every record after it.
      if (written > 0) fs.ftruncateSync(this.#fd, this.#bytes);
      throw error;
    }
    this.#bytes += bytes.byteLength;
  }

  get byteLength(): number {
    return this.#bytes;
  }

  /** Empties the journal (its records are in SQLite now). */
  clear(): void {
    fs.ftruncateSync(this.#fd, 0);
    this.#bytes = 0;
  }

  close(): void {
    fs.closeSync(this.#fd);
  }
}
