/**
 * A room's whole state as one sync step 2 message, for joiners that know nothing yet: shared by every joiner until
 * more content is persisted, and for a big room merged from its persisted updates in a worker (UpdateMerger) rather
 * than encoded from the live doc. Fifty people opening a 3 MB board would otherwise each cost a full encode, and even
 * one encode of it freezes every other room on the server for 100+ ms.
 *
 * Any merge of content persisted no earlier than a joiner's request will do: what was persisted later reaches the
 * joiner as broadcasts (it is in the room already). A big room that goes quiet has its state merged ahead of the
 * next joiner, who then gets it at once.
 */
import * as Y from 'yjs';
import { syncStep2FromUpdate, updateOfStep2 } from './syncMessages.js';

/** Below this size a room's full state is encoded in place: a worker round trip would cost more than it saves. */
export const INLINE_FULL_STATE_BYTES = 256 * 1024;
/** A big room with no new content for this long has its full state merged ahead of the next joiner. */
const PREPARE_AFTER_MS = 1000;

export interface FullStateHooks {
  /** Merges updates into one sync step 2 message off the event loop; absent: encode in place. */
  merge?(parts: readonly Uint8Array[]): Promise<Uint8Array>;
  /** Resolves once the doc holds only persisted content again (nothing applied is waiting for the store). */
  whenPersisted(): Promise<void>;
}

interface Versioned<T> {
  /** The count of appends whose content it holds. */
  version: number;
  value: T;
}

export class FullState {
  /**
   * The room's persisted content as updates (what the store holds: snapshot and log). Kept only for big rooms (null
   * otherwise): small ones are encoded in place, and most rooms are small.
   */
  #parts: Uint8Array[] | null = null;
  #version = 0;
  #message: Versioned<Uint8Array> | null = null;
  #merging: Versioned<Promise<Uint8Array>> | null = null;
  #prepareTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly doc: Y.Doc,
    private readonly hooks: FullStateHooks,
  ) {}

  /** The content loaded from the store. */
  setPersisted(parts: readonly Uint8Array[]): void {
    const bytes = parts.reduce((sum, p) => sum + p.byteLength, 0);
    this.#parts = bytes >= INLINE_FULL_STATE_BYTES ? [...parts] : null;
    this.#version++;
  }

  /** Updates now on disk, in order; `roomBytes`: the room's size with them. Call it right after the append. */
  notePersisted(updates: readonly Uint8Array[], roomBytes: number): void {
    this.#version++;
    // Outdated for every later joiner; earlier ones hold the message themselves.
    this.#message = null;
    if (this.#parts) {
      // Copies: a received update is a view into the socket's read buffer, which it would otherwise keep alive.
      for (const update of updates) this.#parts.push(update.slice());
    } else if (roomBytes >= INLINE_FULL_STATE_BYTES) {
      // The room just grew big; right after the append, the doc holds exactly the persisted content.
      this.#parts = [Y.encodeStateAsUpdate(this.doc)];
    }
    this.#prepareSoon();
  }

  /** The log was folded into `snapshot`, which holds every persisted update. */
  noteCompacted(snapshot: Uint8Array): void {
    this.#parts = this.#parts || snapshot.byteLength >= INLINE_FULL_STATE_BYTES ? [snapshot] : null;
  }

  /**
   * The whole room as a sync step 2 for a joiner that knows nothing. Call it when the doc holds exactly the persisted
   * content (after whenPersisted): a small room is encoded at once, in this turn.
   */
  async forJoiner(): Promise<Uint8Array> {
    const version = this.#version;
    if (this.#message && this.#message.version >= version) return this.#message.value;
    const merge = this.hooks.merge;
    if (!merge || !this.#parts) return this.#encode();
    try {
      return await this.#merge(merge, this.#parts, version);
    } catch {
      // The worker failed: encode in place after all, once the doc again holds only persisted content.
      await this.hooks.whenPersisted();
      return this.#encode();
    }
  }

  destroy(): void {
    clearTimeout(this.#prepareTimer);
    this.#parts = null;
    this.#message = null;
  }

  /** The worker merge of `parts` (the persisted content at `version`), started unless one as recent is running. */
  #merge(merge: NonNullable<FullStateHooks['merge']>, parts: Uint8Array[], version: number): Promise<Uint8Array> {
    const running = this.#merging;
    if (running && running.version >= version) return running.value;
    const count = parts.length;
    const started = { version, value: merge(parts.slice()) };
    this.#merging = started;
    void started.value.then(
      (message) => {
        if (this.#merging === started) this.#merging = null;
        if (!this.#message || this.#message.version < version) this.#message = { version, value: message };
        // Keep the merged form instead of its pieces (unless compaction replaced them meanwhile).
        if (this.#parts === parts && count > 1) parts.splice(0, count, updateOfStep2(message));
      },
      () => {
        if (this.#merging === started) this.#merging = null;
      },
    );
    return started.value;
  }

  /** Merges a big room's state once it has had no new content for PREPARE_AFTER_MS. */
  #prepareSoon(): void {
    const merge = this.hooks.merge;
    if (!merge || !this.#parts) return;
    clearTimeout(this.#prepareTimer);
    this.#prepareTimer = setTimeout(() => {
      this.#prepareTimer = undefined;
      const version = this.#version;
      if (!this.#parts || (this.#message && this.#message.version >= version)) return;
      this.#merge(merge, this.#parts, version).catch(() => {
        // A joiner will ask again, and encode in place if the worker keeps failing.
      });
    }, PREPARE_AFTER_MS);
    this.#prepareTimer.unref();
  }

  /** Encodes the live doc; only when it holds exactly the persisted content. */
  #encode(): Uint8Array {
    const version = this.#version;
    if (this.#message && this.#message.version >= version) return this.#message.value;
    this.#message = { version, value: syncStep2FromUpdate(Y.encodeStateAsUpdate(this.doc)) };
    return this.#message.value;
  }
}
