/**
 * Every change to a room on its way out: persisted first, then broadcast. Nothing reaches another client, or a joiner,
 * before the store has it, so a kill -9 at any moment loses nothing anyone has seen.
 *
 * When: with a store that appends synchronously (SQLite's journal), an update a room may send at once is persisted
 * and sent in the turn it arrived. Otherwise pending updates are appended in one call at the end of the event-loop
 * turn (setImmediate) when one of them can be sent at once, or at the start of the next broadcast slot when every one
 * would be held back by its room anyway (broadcastSlots.ts). A room's pending updates are merged into one first: one
 * journal record, one row and one frame.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Metrics } from '../metrics.js';
import type { Store } from '../persistence/Store.js';
import { msToNextSlot } from './broadcastSlots.js';
import type { Room } from './Room.js';
import { coalesceUpdates } from './updateOutbox.js';

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

export interface WriteQueueHooks {
  /** The store refused the room's changes: they are in its memory, unsaved, and must never be relayed. */
  onAppendFailed(room: Room): void;
  /** The room's changes are on disk and on their way to its clients. */
  afterPersisted(room: Room): void;
}

export class WriteQueue {
  #pending = new Map<Room, PendingUpdate[]>();
  #flushScheduled = false;
  /** Flushes the updates held back by busy rooms at the next broadcast slot. */
  #slotTimer: NodeJS.Timeout | undefined;
  #flushWaiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];

  constructor(
    private readonly store: Store,
    private readonly metrics: Metrics,
    private readonly log: FastifyBaseLogger,
    private readonly hooks: WriteQueueHooks,
  ) {}

  /** Queues a change to `room` that was just applied: it is persisted, then broadcast. */
  enqueue(room: Room, update: Uint8Array, origin: unknown): void {
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
    for (const room of rooms) this.hooks.onAppendFailed(room);
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
      this.hooks.afterPersisted(room);
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

  /** Resolves once every change queued for `room` so far is on disk. */
  whenPersisted(room: Room): Promise<void> {
    if (!this.#pending.has(room)) return Promise.resolve();
    // Someone is waiting (a joiner, a server-side change): do not let them wait for the slot's end.
    this.#flushSoon();
    return new Promise((resolve, reject) => this.#flushWaiters.push({ resolve, reject }));
  }

  /** Drops what is queued for a room that is going away unsaved (after a failed append). */
  forget(room: Room): void {
    this.#pending.delete(room);
  }
}
