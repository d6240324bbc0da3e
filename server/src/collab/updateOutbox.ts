/**
 * A room's outgoing updates: when they leave and as how many frames.
 *
 * Time is cut into broadcast slots (broadcastSlots.ts: 10 ms, 20 ms under load), shared by all rooms. A busy room sends at most one update frame per
 * connection per slot: the first update of a slot goes out at once, the ones that follow wait for the next slot and
 * leave merged into one frame. Sends are most of the server's CPU under load, so a busy room costs one send per
 * connection per slot instead of one per update; and because slots are shared, the held updates of every busy room
 * are appended to the store in one transaction at the slot's start (RoomManager) instead of one per event-loop turn.
 */
import * as Y from 'yjs';
import { currentSlot, msToNextSlot, slotLengthMs } from './broadcastSlots.js';
import { updateMessage } from './syncMessages.js';

/**
 * Only a busy room holds updates for the next slot: one that relayed at least this many client updates per slot, on
 * average over the last window. Below that (a handful of people typing and dragging) a held update would mostly wait
 * alone, adding its wait to the latency for nothing saved; from two per slot on, merging saves half the sends or more.
 */
const BUSY_UPDATES_PER_SLOT = 2;
const BUSY_WINDOW_MS = 100;
/** Updates held for one frame are merged only while small: merging is CPU on the event loop, growing with size. */
const MAX_MERGE_BYTES = 64 * 1024;

/**
 * Updates as few as possible: merged into one while their total stays small (merging is CPU on the event loop,
 * growing with size), else as they are. The one origin is kept when every update came from it (a writer needs no
 * echo of its own edits), else there is none and everyone gets the frame.
 */
export function coalesceUpdates<Origin>(
  updates: readonly Uint8Array[],
  origins: readonly Origin[],
): { updates: readonly Uint8Array[]; origins: readonly (Origin | undefined)[] } {
  if (updates.length <= 1) return { updates, origins };
  let bytes = 0;
  for (const u of updates) bytes += u.byteLength;
  if (bytes > MAX_MERGE_BYTES) return { updates, origins };
  const first = origins[0];
  return { updates: [Y.mergeUpdates([...updates])], origins: [origins.every((o) => o === first) ? first : undefined] };
}

/** Sends one frame to every connection of the room but `except`. */
export type SendToRoom<Origin> = (message: Uint8Array, except: Origin | undefined) => void;

export class UpdateOutbox<Origin> {
  #updates: Uint8Array[] = [];
  #origins: Origin[] = [];
  #timer: NodeJS.Timeout | undefined;
  /** The slot of the room's last update frame. */
  #lastSlot = -1;
  /** Updates sent in the current busy window, the window's start, and whether the previous window was busy. */
  #windowCount = 0;
  /** Client updates queued (an entry of `#updates` may hold several, merged before they were persisted). */
  #queuedCount = 0;
  #windowStart = 0;
  #busy = false;

  constructor(private readonly send: SendToRoom<Origin>) {}

  /** Queues persisted updates: sent at once when the room may send now, else at the next slot, merged. */
  push(updates: readonly Uint8Array[], origins: readonly Origin[], clientUpdates = updates.length): void {
    this.#updates.push(...updates);
    this.#origins.push(...origins);
    this.#queuedCount += clientUpdates;
    if (this.#timer) return;
    if (this.mayBroadcastNow()) this.#flush(false);
    else this.#timer = setTimeout(this.#flush, msToNextSlot(), true);
  }

  /** Whether an update frame would leave at once: none is held back, and the room is quiet or sent none this slot. */
  mayBroadcastNow(): boolean {
    return this.#timer === undefined && (!this.#isBusy() || this.#lastSlot !== currentSlot());
  }

  clear(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#updates = [];
    this.#origins = [];
    this.#queuedCount = 0;
  }

  #isBusy(): boolean {
    const now = performance.now();
    if (now - this.#windowStart >= BUSY_WINDOW_MS) {
      // A window with no sends at all in between means the room went quiet.
      const busyCount = (BUSY_UPDATES_PER_SLOT * BUSY_WINDOW_MS) / slotLengthMs();
      this.#busy = now - this.#windowStart < 2 * BUSY_WINDOW_MS && this.#windowCount >= busyCount;
      this.#windowStart = now;
      this.#windowCount = 0;
    }
    return this.#busy;
  }

  /**
   * One frame for everything queued, skipping its sole origin (a writer needs no echo of its own edits).
   * `held`: called by the slot timer, which may fire a little before the slot ends.
   */
  readonly #flush = (held: boolean): void => {
    this.#timer = undefined;
    const updates = this.#updates;
    const origins = this.#origins;
    this.#updates = [];
    this.#origins = [];
    if (updates.length === 0) return;
    const slot = currentSlot();
    if (held && slot === this.#lastSlot) {
      // A timer may fire a little early: wait for the slot to end.
      this.#updates = updates;
      this.#origins = origins;
      this.#timer = setTimeout(this.#flush, msToNextSlot(), true);
      return;
    }
    this.#lastSlot = slot;
    // Busy is measured in client updates, not in the merged entries that carry them.
    this.#windowCount += this.#queuedCount;
    this.#queuedCount = 0;
    const frames = coalesceUpdates(updates, origins);
    for (const [i, update] of frames.updates.entries()) this.send(updateMessage(update), frames.origins[i]);
  };
}
