/**
 * Loads rooms from the store, keeps them while clients are connected, persists every update before it is broadcast,
 * compacts logs into snapshots, and unloads rooms a while after their last client leaves.
 *
 * Durability: pending updates are appended to the store in one call, at the end of the event-loop turn
 * (setImmediate) when one of them can be broadcast at once, or at the start of the next broadcast slot when every
 * one of them would be held back by its room anyway (see broadcastSlots.ts); a room's updates are merged into one
 * first. They are broadcast only after that
 * append returns, and joiners are answered only once it has: a kill -9 at any moment loses nothing another client
 * has seen.
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
import { msToNextSlot } from './broadcastSlots.js';
import { coalesceUpdates } from './updateOutbox.js';
import { UpdateMerger } from './updateMerger.js';

/**
 * A log shorter than this share of the snapshot is not worth compacting yet: compaction re-encodes the whole room in
 * one event-loop turn, so in a big room it should happen once per that much new data, not per so many small updates.
 */
const COMPACT_MIN_LOG_SHARE = 0.25;
/** ...but a log this many times `compactAfterUpdates` long is compacted anyway, so loading a room stays quick. */
const COMPACT_MAX_LOG_FACTOR = 20;

interface PendingUpdate {
  update: Uint8Array;
  origin: unknown;
}

/** A room's updates as persisted and sent: merged when they can be, with how many client updates they carry. */
interface RoomBatch {
  room: Room;
  updates: readonly Uint8Array[];
  origins: readonly unknown[];
  clientUpdates: number;
}

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
  #pending = new Map<Room, PendingUpdate[]>();
  #flushScheduled = false;
  /** Flushes the updates held back by busy rooms at the next broadcast slot (see broadcastSlots.ts). */
  #slotTimer: NodeJS.Timeout | undefined;
  #flushWaiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  #closed = false;
  readonly #merger = new UpdateMerger();

  constructor(
    private readonly store: Store,
    private readonly config: Config,
    private readonly metrics: Metrics,
    private readonly log: FastifyBaseLogger,
    /** Consulted for every update from a connection with write access (team locks); must answer from memory. */
    private readonly mayWrite?: (ref: RoomRef, conn: Connection) => boolean,
  ) {}

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
    return room ? this.#whenPersisted(room) : Promise.resolve();
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
    await this.#whenPersisted(room);
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
      whenPersisted: (r) => this.#whenPersisted(r),
      mergeToStep2: (parts) => this.#merger.step2Message(parts),
      onClientUpdate: (r, update, origin) => {
        r.sizeBytes += update.byteLength;
        this.#enqueue(r, update, origin);
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
      this.#enqueue(room, update, tr.origin);
    });
    const ran = migrateDoc(room.doc, ref.kind === 'session' ? sessionMigrations : teamMigrations);
    if (ran.length > 0) this.log.info({ room: name, migrations: ran }, 'room migrated');
    return room;
  }

  #enqueue(room: Room, update: Uint8Array, origin: unknown): void {
    // With a store that appends synchronously, an update the room can send at once is persisted and sent in the turn
    // it arrived, as the reference server relays it: no wait behind the rest of the turn's reads. Not when the room
    // has updates queued already (they go first).
    if (this.store.appendUpdatesNow && !this.#pending.has(room) && room.mayBroadcastNow()) {
      this.#appendNow(room, update, origin);
      return;
    }
    let list = this.#pending.get(room);
    if (!list) this.#pending.set(room, (list = []));
    list.push({ update, origin });
    // An update the room can send at once is appended at the end of this turn; one the room would hold back anyway
    // (it already sent a frame in this slot) waits for the slot's end, with every other busy room's, in one append.
    if (room.mayBroadcastNow()) this.#flushSoon();
    else if (!this.#flushScheduled) this.#slotTimer ??= setTimeout(this.#onSlot, msToNextSlot());
  }

  #flushSoon(): void {
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    setImmediate(() => void this.flush());
  }

  readonly #onSlot = (): void => {
    this.#slotTimer = undefined;
    void this.flush();
  };

  #appendNow(room: Room, update: Uint8Array, origin: unknown): void {
    const stop = this.metrics.storeAppendSeconds.startTimer();
    let seqs: number[];
    try {
      seqs = this.store.appendUpdatesNow!([{ room: room.name, update }]);
    } catch (error) {
      this.#appendFailed(error, [room]);
      return;
    }
    stop();
    this.#afterAppend([{ room, updates: [update], origins: [origin], clientUpdates: 1 }], seqs);
  }

  /**
   * Never broadcast what is not on disk. The rooms' memory now holds unsaved changes: drop the rooms, so clients
   * reconnect to what the store has and resend their changes from their own copies.
   */
  #appendFailed(error: unknown, rooms: Iterable<Room>): void {
    this.log.error({ err: error }, 'store append failed; evicting affected rooms');
    for (const room of rooms) this.#evict(room, 1011, 'storage failure; reconnecting');
  }

  /** Persisted: note it in each room and send it. `seqs`: the appended updates' sequence numbers, in order. */
  #afterAppend(rooms: readonly RoomBatch[], seqs: readonly number[]): void {
    let index = 0;
    let clientUpdates = 0;
    for (const batch of rooms) {
      const { room, updates } = batch;
      index += updates.length;
      clientUpdates += batch.clientUpdates;
      room.lastSeq = seqs[index - 1]!;
      room.notePersisted(updates);
      room.logLength += updates.length;
      for (const update of updates) room.logBytes += update.byteLength;
      room.broadcastUpdates(updates, batch.origins, batch.clientUpdates);
      if (room.sizeBytes >= INLINE_FULL_STATE_BYTES) this.#merger.warm();
      if (this.#shouldCompact(room)) this.#scheduleCompaction(room);
    }
    this.metrics.updates.inc(clientUpdates);
  }

  /** Appends every pending update in one transaction, then broadcasts them. */
  async flush(): Promise<void> {
    this.#flushScheduled = false;
    if (this.#slotTimer) clearTimeout(this.#slotTimer);
    this.#slotTimer = undefined;
    const batch = this.#pending;
    const waiters = this.#flushWaiters;
    this.#pending = new Map();
    this.#flushWaiters = [];
    if (batch.size === 0) {
      waiters.forEach((w) => w.resolve());
      return;
    }
    // A room's updates of one turn or slot are persisted and sent merged: one journal record, one row and one frame
    // instead of one per update.
    const rooms: RoomBatch[] = [...batch].map(([room, list]) => ({
      room,
      clientUpdates: list.length,
      ...coalesceUpdates(
        list.map((p) => p.update),
        list.map((p) => p.origin),
      ),
    }));
    const entries = rooms.flatMap(({ room, updates }) => updates.map((update) => ({ room: room.name, update })));
    const stop = this.metrics.storeAppendSeconds.startTimer();
    let seqs: number[];
    try {
      seqs = await this.store.appendUpdates(entries);
    } catch (error) {
      this.#appendFailed(error, batch.keys());
      waiters.forEach((w) => w.reject(error));
      return;
    }
    stop();
    this.#afterAppend(rooms, seqs);
    waiters.forEach((w) => w.resolve());
  }

  #shouldCompact(room: Room): boolean {
    const every = this.config.compactAfterUpdates;
    if (room.logLength < every) return false;
    const snapshotBytes = room.sizeBytes - room.logBytes;
    return room.logBytes >= snapshotBytes * COMPACT_MIN_LOG_SHARE || room.logLength >= every * COMPACT_MAX_LOG_FACTOR;
  }

  #whenPersisted(room: Room): Promise<void> {
    if (!this.#pending.has(room)) return Promise.resolve();
    // Someone is waiting (a joiner, a server-side change): do not let them wait for the slot's end.
    this.#flushSoon();
    return new Promise((resolve, reject) => this.#flushWaiters.push({ resolve, reject }));
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
    await this.#whenPersisted(room);
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
    this.#pending.delete(room);
    if (room.unloadTimer) clearTimeout(room.unloadTimer);
    room.destroy();
    if (this.peek(room.name) === room) this.#slots.delete(room.name);
    this.metrics.roomsLoaded.set(this.#slots.size);
  }

  /** On shutdown: persist everything, compact, and close every socket with 1012 so clients reconnect later. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.flush();
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
