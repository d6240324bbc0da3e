/**
 * A loaded room: its Y.Doc, its awareness and its connections, and the y-websocket protocol as the server speaks it.
 *
 * Write path: a client's update is checked (role, V1 layout, room size), applied, and then handed to the update log
 * by the doc's `update` event; the log appends it to the store and only then broadcasts it (RoomManager). Nothing
 * that reaches another client can be lost by a crash.
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CloseCode, MessageType, SyncMessageType } from '@horizon/shared';
import type { RoomName, RoomRef } from '@horizon/shared';
import type { CollabLimits } from '../config.js';
import { InvalidAwarenessError, encodeAwarenessEntries, readAwarenessEntries } from './awarenessGuard.js';
import type { AwarenessEntry } from './awarenessGuard.js';
import type { Connection } from './Connection.js';
import {
  awarenessMessage,
  permissionDeniedMessage,
  syncStep1Message,
  syncStep2FromUpdate,
  syncStep2Message,
  updateMessage,
} from './syncMessages.js';
import { InvalidUpdateError, checkUpdateV1 } from './updateGuard.js';

/** How long a departed client's ID cannot be claimed by another connection. */
const DEPARTED_MEMORY_MS = 10_000;

export interface RoomHooks {
  /** Resolves once every update applied to this room so far is on disk. */
  whenPersisted(room: Room): Promise<void>;
  onEmpty(room: Room): void;
  /**
   * Whether a connection with write access may write right now (false while the facilitator locks the team). Called
   * for every update, so it must answer from memory.
   */
  canWriteNow?(room: Room, conn: Connection): boolean;
}

export class Room {
  readonly doc = new Y.Doc();
  readonly awareness: awarenessProtocol.Awareness;
  readonly conns = new Set<Connection>();
  /** Approximate stored size: loaded bytes plus every accepted update. */
  sizeBytes = 0;
  /** Sequence of the last update persisted; compaction folds the log up to it. */
  lastSeq = 0;
  /** Updates in the store's log since the last snapshot. */
  logLength = 0;
  unloadTimer: NodeJS.Timeout | undefined;
  #fullState: Uint8Array | null = null;
  /** Client IDs whose connection left recently, and when. */
  readonly #departed = new Map<number, number>();
  /** Connections with write access whose updates a lock refused: their later updates lack what was refused. */
  readonly #refusedWhileLocked = new WeakSet<Connection>();

  constructor(
    readonly name: RoomName,
    readonly ref: RoomRef,
    private readonly limits: CollabLimits,
    private readonly hooks: RoomHooks,
  ) {
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.#onAwarenessUpdate);
    this.doc.on('update', this.#invalidateFullState);
  }

  readonly #invalidateFullState = (): void => {
    this.#fullState = null;
  };

  /** Registers a connection and greets it: our state vector (so it sends what we lack) and who is here. */
  join(conn: Connection): void {
    if (this.unloadTimer) {
      clearTimeout(this.unloadTimer);
      this.unloadTimer = undefined;
    }
    this.conns.add(conn);
    conn.send(syncStep1Message(this.doc));
    const present = [...this.awareness.getStates().keys()];
    if (present.length > 0) conn.send(awarenessMessage(this.awareness, present));
    conn.attach((message) => this.#handle(conn, message));
  }

  leave(conn: Connection): void {
    if (!this.conns.delete(conn)) return;
    if (conn.clientIds.size > 0) {
      this.#rememberDeparted(conn.clientIds);
      awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.clientIds], null);
    }
    if (this.conns.size === 0) this.hooks.onEmpty(this);
  }

  /** Sends a message to every connection but `except`. */
  broadcast(message: Uint8Array, except?: Connection): void {
    for (const conn of this.conns) if (conn !== except) conn.send(message);
  }

  /** Sends persisted updates: merged into one frame when there are several, skipping their sole origin. */
  broadcastUpdates(updates: readonly Uint8Array[], origins: readonly unknown[]): void {
    if (this.conns.size === 0 || updates.length === 0) return;
    const merged = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates as Uint8Array[]);
    const first = origins[0];
    const soleOrigin = origins.every((o) => o === first) ? first : undefined;
    this.broadcast(updateMessage(merged), soleOrigin as Connection | undefined);
  }

  /**
   * After an unlock: asks every connection whose updates a lock refused for what the room lacks (sync step 1), so
   * their copies converge with the room instead of drifting until their next edit.
   */
  resyncRefusedWrites(): void {
    for (const conn of this.conns) if (this.#refusedWhileLocked.has(conn)) conn.send(syncStep1Message(this.doc));
  }

  destroy(): void {
    this.awareness.off('update', this.#onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  #handle(conn: Connection, message: Uint8Array): void {
    if (conn.closing) return;
    try {
      const decoder = decoding.createDecoder(message);
      const type = decoding.readVarUint(decoder);
      switch (type) {
        case MessageType.sync:
          this.#handleSync(conn, decoder);
          break;
        case MessageType.awareness:
          this.#handleAwareness(conn, decoding.readVarUint8Array(decoder));
          break;
        case MessageType.queryAwareness: {
          const present = [...this.awareness.getStates().keys()];
          if (present.length > 0) conn.send(awarenessMessage(this.awareness, present));
          break;
        }
        case MessageType.auth:
          // Clients have nothing to say in the auth sub-protocol; ignore rather than fail old clients.
          break;
        default:
          conn.close(CloseCode.malformed, `unknown message type ${type}`);
      }
    } catch (error) {
      conn.close(CloseCode.malformed, `malformed message: ${(error as Error).message}`);
    }
  }

  #handleSync(conn: Connection, decoder: decoding.Decoder): void {
    const subtype = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    switch (subtype) {
      case SyncMessageType.step1:
        this.#replyToStep1(conn, payload);
        return;
      case SyncMessageType.step2:
      case SyncMessageType.update:
        this.#applyClientUpdate(conn, payload);
        return;
      default:
        conn.close(CloseCode.malformed, `unknown sync message type ${subtype}`);
    }
  }

  #replyToStep1(conn: Connection, stateVector: Uint8Array): void {
    // Validate before any await, so a bad vector is refused at once.
    const knows = Y.decodeStateVector(stateVector);
    // A joiner must not see content that is not yet on disk: wait for the log to catch up first.
    void this.hooks.whenPersisted(this).then(
      () => {
        if (conn.closing) return;
        conn.send(knows.size === 0 ? this.#fullStateMessage() : syncStep2Message(this.doc, stateVector));
      },
      () => conn.close(1011, 'storage unavailable'),
    );
  }

  /**
   * The whole room as a sync step 2, encoded once and shared by every joiner that knows nothing yet, until the next
   * change. Fifty people opening a 3 MB board at once would otherwise each cost a full encode in one event-loop
   * turn, freezing every other room meanwhile.
   */
  #fullStateMessage(): Uint8Array {
    this.#fullState ??= syncStep2FromUpdate(Y.encodeStateAsUpdate(this.doc));
    return this.#fullState;
  }

  #applyClientUpdate(conn: Connection, update: Uint8Array): void {
    let shape;
    try {
      shape = checkUpdateV1(update);
    } catch (error) {
      if (error instanceof InvalidUpdateError) {
        conn.close(CloseCode.malformed, error.message);
        return;
      }
      throw error;
    }
    // Read-only clients answer our step 1 with an empty step 2: that is no write attempt.
    if (shape.structs === 0 && shape.deleteRanges === 0) return;
    if (conn.access !== 'write') {
      conn.send(permissionDeniedMessage('read-only: this connection may not change the room'));
      return;
    }
    if (this.hooks.canWriteNow && !this.hooks.canWriteNow(this, conn)) {
      this.#refusedWhileLocked.add(conn);
      conn.send(permissionDeniedMessage('locked: the facilitator has locked this team for now'));
      return;
    }
    if (this.sizeBytes + update.byteLength > this.limits.maxRoomBytes) {
      conn.close(CloseCode.tooLarge, `the room would exceed ${this.limits.maxRoomBytes} bytes`);
      return;
    }
    const started = performance.now();
    try {
      Y.applyUpdate(this.doc, update, conn);
    } finally {
      conn.chargeApplyTime(performance.now() - started);
      // An update whose dependencies the room lacks would leave "pending" structs that every later joiner inherits.
      // Honest clients never send one (they learnt everything they build on from this server): drop it and refuse.
      const store = this.doc.store;
      if (store.pendingStructs !== null || store.pendingDs !== null) {
        store.pendingStructs = null;
        store.pendingDs = null;
        // Except after a lock refused this connection's edits: its next edit builds on them, honestly. Ask for
        // everything we lack instead (sync step 1); the answer carries the refused edits and this one together.
        if (this.#refusedWhileLocked.has(conn)) conn.send(syncStep1Message(this.doc));
        else conn.close(CloseCode.malformed, 'the update depends on content this room does not have');
      }
    }
  }

  #handleAwareness(conn: Connection, update: Uint8Array): void {
    let entries;
    try {
      entries = readAwarenessEntries(update, this.limits.maxAwarenessBytes);
    } catch (error) {
      if (error instanceof InvalidAwarenessError) {
        conn.close(error.tooLarge ? CloseCode.tooLarge : CloseCode.malformed, error.message);
        return;
      }
      throw error;
    }
    const allowed = entries.filter((entry) => {
      if (!this.#mayWrite(conn, entry)) return false;
      conn.clientIds.add(entry.clientId);
      return true;
    });
    if (allowed.length === 0) return;
    awarenessProtocol.applyAwarenessUpdate(
      this.awareness,
      allowed.length === entries.length ? update : encodeAwarenessEntries(allowed),
      conn,
    );
  }

  /**
   * Awareness entries are tied to the connection that first announced them. y-websocket echoes every remote change
   * back to the server, so entries for other connections' clients are normal traffic: they are dropped, never
   * applied (no one can impersonate or erase another's presence). A new client ID is claimed only with a real state,
   * up to a per-connection limit, and not while it is a recently departed client's (a late echo would resurrect it).
   */
  #mayWrite(conn: Connection, entry: AwarenessEntry): boolean {
    if (conn.clientIds.has(entry.clientId)) return true;
    if (entry.isNull || conn.clientIds.size >= this.limits.maxClientIdsPerConnection) return false;
    for (const other of this.conns) if (other !== conn && other.clientIds.has(entry.clientId)) return false;
    const leftAt = this.#departed.get(entry.clientId);
    if (leftAt !== undefined && performance.now() - leftAt < DEPARTED_MEMORY_MS) return false;
    return true;
  }

  #rememberDeparted(clientIds: Iterable<number>): void {
    const now = performance.now();
    for (const [id, at] of this.#departed) if (now - at >= DEPARTED_MEMORY_MS) this.#departed.delete(id);
    for (const id of clientIds) this.#departed.set(id, now);
  }

  readonly #onAwarenessUpdate = (change: { added: number[]; updated: number[]; removed: number[] }): void => {
    const changed = [...change.added, ...change.updated, ...change.removed];
    if (changed.length > 0) this.broadcast(awarenessMessage(this.awareness, changed));
  };
}
