/**
 * Loads rooms from the store, keeps them while clients are connected, has every change persisted before it is
 * broadcast (writeQueue.ts), compacts logs into snapshots, and unloads rooms a while after their last client leaves.
 */
import * as Y from 'yjs';
import type { FastifyBaseLogger } from 'fastify';
import { CloseCode, Origin, migrateDoc, roomNameOf, sessionMigrations, teamMigrations } from '@horizon/shared';
import type { RoomName, RoomRef } from '@horizon/shared';
import type { Config } from '../config.js';
import type { Metrics } from '../metrics.js';
import type { Store } from '../persistence/Store.js';
import { Connection } from './Connection.js';
import { INLINE_FULL_STATE_BYTES } from './fullState.js';
import { Room, transactionChanged } from './Room.js';
import { UpdateMerger } from './updateMerger.js';
import { WriteQueue } from './writeQueue.js';

/**
 * A log shorter than this share of the snapshot is not worth compacting yet: compaction re-encodes the whole room in
 * one event-loop turn, so in a big room it should happen once per that much new data, not per so many small updates.
 */
const COMPACT_MIN_LOG_SHARE = 0.25;
/** ...but a log this many times `compactAfterUpdates` long is compacted anyway, so loading a room stays quick. */
const COMPACT_MAX_LOG_FACTOR = 20;

type Slot =
  | { state: 'loading'; ready: Promise<Room> }
  | { state: 'ready'; room: Room }
  | { state: 'unloading'; done: Promise<void> };

/**
 * What a transaction changed, as an update: the structs it added, and the doc's delete set (a superset of the
 * transaction's own deletions; applying known deletions again changes nothing). Null when it changed nothing.
 */
function transactionUpdate(doc: Y.Doc, tr: Y.Transaction): Uint8Array | null {
  if (!transactionChanged(tr)) return null;
  return Y.encodeStateAsUpdate(doc, Y.encodeStateVector(tr.beforeState));
}

export class RoomManager {
  readonly #slots = new Map<string, Slot>();
  #closed = false;
  readonly #merger = new UpdateMerger();
  /** Every change to a room goes through here: persisted, then broadcast. */
  readonly #writes: WriteQueue;

  constructor(
    private readonly store: Store,
    private readonly config: Config,
    private readonly metrics: Metrics,
    private readonly log: FastifyBaseLogger,
    /** Consulted for every update from a connection with write access (team locks); must answer from memory. */
    private readonly mayWrite?: (ref: RoomRef, conn: Connection) => boolean,
  ) {
    this.#writes = new WriteQueue(store, metrics, log, {
      onAppendFailed: (room) => this.#evict(room, 1011, 'storage failure; reconnecting'),
      afterPersisted: (room) => {
        if (room.sizeBytes >= INLINE_FULL_STATE_BYTES) this.#merger.warm();
        if (this.#shouldCompact(room)) this.#scheduleCompaction(room);
      },
    });
  }

  get loadedRooms(): number {
    return this.#slots.size;
  }

  /** The room if it is in memory and ready (tests and metrics). */
  peek(name: string): Room | undefined {
    const slot = this.#slots.get(name);
    return slot?.state === 'ready' ? slot.room : undefined;
  }

  /**
   * Resolves once every change applied to the named room so far is on disk. Whatever shows a live room's content to
   * someone outside it (an export) should wait for this first: busy rooms hold their updates for up to one broadcast
   * slot before appending them.
   */
  whenPersisted(name: string): Promise<void> {
    const room = this.peek(name);
    return room ? this.#writes.whenPersisted(room) : Promise.resolve();
  }

  /** Returns the loaded room, loading it first if needed (migrations run before anyone syncs). */
  async acquire(name: RoomName, ref: RoomRef): Promise<Room> {
    for (;;) {
      if (this.#closed) throw new Error('the server is shutting down');
      const slot = this.#slots.get(name);
      if (!slot) break;
      if (slot.state === 'ready') return slot.room;
      if (slot.state === 'loading') return slot.ready;
      await slot.done;
    }
    const ready = this.#load(name, ref);
    this.#slots.set(name, { state: 'loading', ready });
    try {
      const room = await ready;
      this.#slots.set(name, { state: 'ready', room });
      this.metrics.roomsLoaded.set(this.#slots.size);
      return room;
    } catch (error) {
      this.#slots.delete(name);
      throw error;
    }
  }

  /**
   * Applies a server-side change to a room (e.g. a facilitator command on the session room), loading it if needed.
   * The change is persisted and broadcast like any client update; the returned promise resolves once it is on disk.
   */
  async change(ref: RoomRef, origin: string, fn: (doc: Y.Doc) => void): Promise<void> {
    const room = await this.acquire(roomNameOf(ref), ref);
    room.doc.transact(() => fn(room.doc), origin);
    await this.#writes.whenPersisted(room);
    // A room loaded only for this change unloads like any other room nobody is in.
    if (room.conns.size === 0 && !room.unloadTimer) this.#scheduleUnload(room);
  }

  /**
   * Reads a room (loading it if needed) without changing it: `fn` runs synchronously on the live doc and must not
   * write to it. A room loaded only for this read unloads like any other room nobody is in.
   */
  async read<T>(ref: RoomRef, fn: (doc: Y.Doc) => T): Promise<T> {
    const room = await this.acquire(roomNameOf(ref), ref);
    const result = fn(room.doc);
    if (room.conns.size === 0 && !room.unloadTimer) this.#scheduleUnload(room);
    return result;
  }

  /** Closes the connections of a loaded room that match, e.g. a participant who was moved to another team. */
  closeConnections(name: string, match: (conn: Connection) => boolean, code: number, reason: string): void {
    const room = this.peek(name);
    if (!room) return;
    for (const conn of [...room.conns]) if (match(conn)) conn.close(code, reason);
  }

  async #load(name: RoomName, ref: RoomRef): Promise<Room> {
    const stored = await this.store.loadRoom(name);
    const gate = this.mayWrite;
    const room = new Room(name, ref, this.config.limits, {
      whenPersisted: (r) => this.#writes.whenPersisted(r),
      mergeToStep2: (parts) => this.#merger.step2Message(parts),
      onClientUpdate: (r, update, origin) => {
        r.sizeBytes += update.byteLength;
        this.#writes.enqueue(r, update, origin);
      },
      onEmpty: (r) => this.#scheduleUnload(r),
      ...(gate ? { canWriteNow: (r: Room, conn: Connection) => gate(r.ref, conn) } : {}),
    });
    const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
    if (parts.length > 0) {
      Y.applyUpdate(room.doc, parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts), Origin.store);
    }
    room.setPersisted(parts);
    room.sizeBytes = parts.reduce((sum, p) => sum + p.byteLength, 0);
    if (room.sizeBytes >= INLINE_FULL_STATE_BYTES) this.#merger.warm();
    room.lastSeq = stored.lastSeq;
    room.logLength = stored.updates.length;
    room.logBytes = stored.updates.reduce((sum, u) => sum + u.byteLength, 0);
    // Client updates reach the log through the Room (as sent, without re-encoding); every other change (migrations,
    // server-side commands, anything else that writes to the doc) is encoded from its transaction here.
    room.doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.origin === Origin.store || tr.origin instanceof Connection) return;
      const update = transactionUpdate(room.doc, tr);
      if (!update) return;
      room.sizeBytes += update.byteLength;
      this.#writes.enqueue(room, update, tr.origin);
    });
    const ran = migrateDoc(room.doc, ref.kind === 'session' ? sessionMigrations : teamMigrations);
    if (ran.length > 0) this.log.info({ room: name, migrations: ran }, 'room migrated');
    return room;
  }

  #shouldCompact(room: Room): boolean {
    const every = this.config.compactAfterUpdates;
    if (room.logLength < every) return false;
    const snapshotBytes = room.sizeBytes - room.logBytes;
    return room.logBytes >= snapshotBytes * COMPACT_MIN_LOG_SHARE || room.logLength >= every * COMPACT_MAX_LOG_FACTOR;
  }

  readonly #compacting = new Set<Room>();

  #scheduleCompaction(room: Room): void {
    if (this.#compacting.has(room)) return;
    this.#compacting.add(room);
    // Off the hot path: after the current turn's broadcasts have gone out.
    setImmediate(() => {
      if (this.peek(room.name) !== room) {
        this.#compacting.delete(room);
        return;
      }
      void this.#compact(room)
        .catch((error: unknown) => this.log.error({ err: error, room: room.name }, 'compaction failed'))
        .finally(() => this.#compacting.delete(room));
    });
  }

  /** Compactions in progress, one chain per room: two at once could let an older snapshot replace a newer one. */
  readonly #compactions = new Map<Room, Promise<void>>();

  /** Folds the room's log into a snapshot, after any compaction of the room still running. */
  #compact(room: Room): Promise<void> {
    const previous = this.#compactions.get(room) ?? Promise.resolve();
    const run = previous.catch(() => {}).then(() => this.#compactNow(room));
    this.#compactions.set(room, run);
    const forget = () => {
      if (this.#compactions.get(room) === run) this.#compactions.delete(room);
    };
    run.then(forget, forget);
    return run;
  }

  /**
   * Only persisted state is folded, so it waits for pending updates first. A big room's snapshot is made in the merge
   * worker from the store's bytes (encoding a 3 MB document on the event loop froze every room for ~190 ms); updates
   * persisted meanwhile stay in the log, after the snapshot's sequence number.
   */
  async #compactNow(room: Room): Promise<void> {
    await this.#writes.whenPersisted(room);
    if (room.logLength === 0) return;
    // Read in this turn, with what the store holds: the counters describe exactly the log being folded.
    const folded = { length: room.logLength, bytes: room.logBytes };
    let snapshot: Uint8Array;
    let upto: number;
    if (room.sizeBytes >= INLINE_FULL_STATE_BYTES) {
      const stored = await this.store.loadRoom(room.name);
      upto = stored.lastSeq;
      snapshot = await this.#merger.snapshot(stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates);
    } else {
      snapshot = Y.encodeStateAsUpdate(room.doc);
      upto = room.lastSeq;
    }
    await this.store.compactRoom(room.name, snapshot, upto);
    room.logLength -= folded.length;
    room.logBytes -= folded.bytes;
    room.sizeBytes = snapshot.byteLength + room.logBytes;
    // With nothing persisted meanwhile the snapshot is the room's whole content; otherwise joiners keep the pieces.
    if (room.lastSeq === upto) room.noteCompacted(snapshot);
    this.metrics.compactions.inc();
  }

  #scheduleUnload(room: Room): void {
    if (room.unloadTimer) clearTimeout(room.unloadTimer);
    room.unloadTimer = setTimeout(() => {
      room.unloadTimer = undefined;
      if (room.conns.size === 0) void this.#unload(room);
    }, this.config.roomUnloadDelayMs);
    room.unloadTimer.unref();
  }

  async #unload(room: Room): Promise<void> {
    const slot = this.#slots.get(room.name);
    if (slot?.state !== 'ready' || slot.room !== room) return;
    const done = (async () => {
      try {
        await this.#compact(room);
      } catch (error) {
        this.log.error({ err: error, room: room.name }, 'compaction on unload failed');
      }
      room.destroy();
    })();
    this.#slots.set(room.name, { state: 'unloading', done });
    await done;
    this.#slots.delete(room.name);
    this.metrics.roomsLoaded.set(this.#slots.size);
  }

  #evict(room: Room, code: number, reason: string): void {
    for (const conn of [...room.conns]) conn.close(code, reason);
    room.conns.clear();
    this.#writes.forget(room);
    if (room.unloadTimer) clearTimeout(room.unloadTimer);
    room.destroy();
    if (this.peek(room.name) === room) this.#slots.delete(room.name);
    this.metrics.roomsLoaded.set(this.#slots.size);
  }

  /** On shutdown: persist everything, compact, and close every socket with 1012 so clients reconnect later. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#writes.flush();
    const rooms = [...this.#slots.values()].flatMap((s) => (s.state === 'ready' ? [s.room] : []));
    for (const room of rooms) {
      for (const conn of [...room.conns]) conn.close(CloseCode.serviceRestart, 'server restarting');
      if (room.unloadTimer) clearTimeout(room.unloadTimer);
      try {
        await this.#compact(room);
      } catch (error) {
        this.log.error({ err: error, room: room.name }, 'compaction on shutdown failed');
      }
      room.destroy();
    }
    await Promise.all([...this.#slots.values()].flatMap((s) => (s.state === 'unloading' ? [s.done] : [])));
    this.#slots.clear();
    await this.#merger.close();
  }
}
