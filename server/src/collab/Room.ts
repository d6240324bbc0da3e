/**
 * A loaded room: its Y.Doc, its awareness and its connections, and the y-websocket protocol as the server speaks it.
 *
 * Write path: a client's update is checked (role, V1 layout, room size), applied, and then handed as received to the
 * update log (hooks.onClientUpdate); the log appends it to the store and only then passes it back for broadcasting
 * (RoomManager), which merges a busy room's updates into one frame per broadcast slot. Nothing that reaches another
 * client can be lost by a crash.
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CloseCode, MessageType, SyncMessageType } from '@horizon/shared';
import type { RoomName, RoomRef } from '@horizon/shared';
import type { CollabLimits } from '../config.js';
import { InvalidAwarenessError, encodeAwarenessEntries, readAwarenessEntries } from './awarenessGuard.js';
import type { AwarenessEntry } from './awarenessGuard.js';
import { Connection } from './Connection.js';
import { binaryFrame } from './framedSend.js';
import { FullState } from './fullState.js';
import { awarenessMessage, permissionDeniedMessage, syncStep1Message, syncStep2Message } from './syncMessages.js';
import { InvalidUpdateError, checkUpdateV1 } from './updateGuard.js';
import { UpdateOutbox } from './updateOutbox.js';

/** Replies to joiners leave a few per event-loop turn, so fifty joiners of a big room do not freeze the server. */
const REPLY_BYTES_PER_TURN = 1024 * 1024;

/** How long a departed client's ID cannot be claimed by another participant's connection. */
const DEPARTED_MEMORY_MS = 10_000;
/** Whether a transaction added or deleted anything (the test yjs uses before it emits an `update`). */
export function transactionChanged(tr: Y.Transaction): boolean {
  if (tr.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of tr.afterState) if (tr.beforeState.get(client) !== clock) return true;
  return false;
}

export interface RoomHooks {
  /**
   * A client's update was applied and changed the room: `update` holds what was applied (the client's own bytes when
   * it applied whole). The hook must persist it before it is broadcast.
   */
  onClientUpdate(room: Room, update: Uint8Array, origin: Connection): void;
  /** Resolves once every update applied to this room so far is on disk. */
  whenPersisted(room: Room): Promise<void>;
  /** Merges updates into one sync step 2 message off the event loop (UpdateMerger); absent: encode in place. */
  mergeToStep2?(parts: readonly Uint8Array[]): Promise<Uint8Array>;
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
  /** Updates in the store's log since the last snapshot, and their bytes. */
  logLength = 0;
  logBytes = 0;
  unloadTimer: NodeJS.Timeout | undefined;
  /** The whole room as one sync step 2 for joiners that know nothing (merged off the event loop for big rooms). */
  readonly #fullState: FullState;
  /** Step 2 replies waiting for their turn (see REPLY_BYTES_PER_TURN). */
  #replies: { conn: Connection; message: Uint8Array }[] = [];
  #repliesScheduled = false;
  /** Persisted updates on their way out, one frame per broadcast slot for a busy room. */
  readonly #outbox = new UpdateOutbox<Connection | undefined>((message, except) => this.broadcast(message, except));
  /** Client IDs whose connection left recently: when, and whose they were. */
  readonly #departed = new Map<number, { at: number; participantId: string | undefined }>();
  /** Connections with write access whose updates a lock refused: their later updates lack what was refused. */
  readonly #refusedWhileLocked = new WeakSet<Connection>();

  constructor(
    readonly name: RoomName,
    readonly ref: RoomRef,
    private readonly limits: CollabLimits,
    private readonly hooks: RoomHooks,
  ) {
    this.#fullState = new FullState(this.doc, {
      merge: hooks.mergeToStep2?.bind(hooks),
      whenPersisted: () => hooks.whenPersisted(this),
    });
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.#onAwarenessUpdate);
    this.doc.on('afterTransaction', this.#afterTransaction);
  }

  /**
   * The last transaction's state vector before it ran, or null when it changed nothing. Listening here instead of to
   * the doc's `update` event spares yjs re-encoding every update the server already holds as the client sent it.
   */
  #lastChangeBefore: Map<number, number> | null = null;

  readonly #afterTransaction = (tr: Y.Transaction): void => {
    // Only the client's own transaction counts. yjs may follow it with one of its own (after a formatted Y.Text
    // change it cleans up formatting in a new transaction, origin null): that one must not overwrite this record, or
    // the client's update would be neither persisted nor relayed. Its own changes reach the log in RoomManager.
    if (tr.origin === this.#applying && transactionChanged(tr)) this.#lastChangeBefore = tr.beforeState;
  };

  /** The connection whose update is being applied right now. */
  #applying: Connection | null = null;

  /** The content loaded from the store. */
  setPersisted(parts: readonly Uint8Array[]): void {
    this.#fullState.setPersisted(parts);
  }

  /** Updates now on disk, in order (called right after the append). */
  notePersisted(updates: readonly Uint8Array[]): void {
    this.#fullState.notePersisted(updates, this.sizeBytes);
  }

  /** The log was folded into `snapshot`, which holds every persisted update. */
  noteCompacted(snapshot: Uint8Array): void {
    this.#fullState.noteCompacted(snapshot);
  }

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
      this.#rememberDeparted(conn.clientIds, conn.participantId);
      awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.clientIds], null);
    }
    if (this.conns.size === 0) this.hooks.onEmpty(this);
  }

  /** Sends a message to every connection but `except`, framed once for all of them. */
  broadcast(message: Uint8Array, except?: Connection): void {
    if (this.conns.size === 0 || (this.conns.size === 1 && except && this.conns.has(except))) return;
    const frame = binaryFrame(message);
    for (const conn of this.conns) if (conn !== except) conn.sendFrame(frame, message);
  }

  /**
   * Sends persisted updates to the room: at once if it may (see UpdateOutbox), else at the next broadcast slot, merged
   * with whatever else arrives meanwhile. Only persisted updates may be passed here. `clientUpdates`: how many
   * client updates they carry (several when they were merged), which is what makes a room busy.
   */
  broadcastUpdates(updates: readonly Uint8Array[], origins: readonly unknown[], clientUpdates = updates.length): void {
    if (this.conns.size === 0 || updates.length === 0) return;
    this.#outbox.push(
      updates,
      origins.map((origin) => (origin instanceof Connection ? origin : undefined)),
      clientUpdates,
    );
  }

  /** Whether an update frame would leave at once (RoomManager appends such updates without waiting for a slot). */
  mayBroadcastNow(): boolean {
    return this.#outbox.mayBroadcastNow();
  }

  /**
   * After an unlock: asks every connection whose updates a lock refused for what the room lacks (sync step 1), so
   * their copies converge with the room instead of drifting until their next edit.
   */
  resyncRefusedWrites(): void {
    for (const conn of this.conns) if (this.#refusedWhileLocked.has(conn)) conn.send(syncStep1Message(this.doc));
  }

  destroy(): void {
    this.#fullState.destroy();
    this.#replies = [];
    this.#outbox.clear();
    this.awareness.off('update', this.#onAwarenessUpdate);
    this.doc.off('afterTransaction', this.#afterTransaction);
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
    // A joiner must not see content that is not yet on disk: wait for the log to catch up first. When it has, the doc
    // holds exactly the persisted content, so what is encoded right then is safe to send.
    void this.hooks.whenPersisted(this).then(
      () => {
        if (conn.closing) return;
        if (knows.size > 0) this.#queueReply(conn, syncStep2Message(this.doc, stateVector));
        else this.#sendFullState(conn);
      },
      () => conn.close(1011, 'storage unavailable'),
    );
  }

  /** The whole room for a joiner that knows nothing (see `fullState.ts`), in its turn among the replies. */
  #sendFullState(conn: Connection): void {
    this.#fullState.forJoiner().then(
      (message) => {
        if (!conn.closing) this.#queueReply(conn, message);
      },
      () => conn.close(1011, 'storage unavailable'),
    );
  }

  #queueReply(conn: Connection, message: Uint8Array): void {
    this.#replies.push({ conn, message });
    if (this.#repliesScheduled) return;
    this.#repliesScheduled = true;
    setImmediate(this.#sendReplies);
  }

  readonly #sendReplies = (): void => {
    let bytes = 0;
    while (this.#replies.length > 0 && bytes < REPLY_BYTES_PER_TURN) {
      const { conn, message } = this.#replies.shift()!;
      if (conn.closing) continue;
      conn.send(message);
      bytes += message.byteLength;
    }
    if (this.#replies.length > 0) setImmediate(this.#sendReplies);
    else this.#repliesScheduled = false;
  };

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
    this.#lastChangeBefore = null;
    this.#applying = conn;
    let failure: unknown = null;
    try {
      Y.applyUpdate(this.doc, update, conn);
    } catch (error) {
      failure = error;
    } finally {
      this.#applying = null;
      conn.chargeApplyTime(performance.now() - started);
    }
    const before = this.#lastChangeBefore;
    this.#lastChangeBefore = null;
    // An update whose dependencies the room lacks would leave "pending" structs that every later joiner inherits.
    // Honest clients never send one (they learnt everything they build on from this server): drop it and refuse.
    const store = this.doc.store;
    const pending = store.pendingStructs !== null || store.pendingDs !== null;
    store.pendingStructs = null;
    store.pendingDs = null;
    if (before) {
      // Whatever applied is in the room now and must be persisted like any change. Usually that is the whole update,
      // as the client sent it; after a refusal or a throw half-way, it is the structs added since the state before,
      // with the room's delete set (deletions are idempotent, so carrying known ones is harmless).
      const applied =
        failure === null && !pending ? update : Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(before));
      this.hooks.onClientUpdate(this, applied, conn);
    }
    if (failure !== null) throw failure;
    if (!pending) return;
    // Except after a lock refused this connection's edits: its next edit builds on them, honestly. Ask for
    // everything we lack instead (sync step 1); the answer carries the refused edits and this one together.
    if (this.#refusedWhileLocked.has(conn)) conn.send(syncStep1Message(this.doc));
    else conn.close(CloseCode.malformed, 'the update depends on content this room does not have');
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
      conn.claimClientId(entry.clientId);
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
    const departed = this.#departed.get(entry.clientId);
    // The same participant may take its ID back at once: that is its page reconnecting.
    const recent = departed !== undefined && performance.now() - departed.at < DEPARTED_MEMORY_MS;
    return !recent || (departed.participantId !== undefined && departed.participantId === conn.participantId);
  }

  #rememberDeparted(clientIds: Iterable<number>, participantId: string | undefined): void {
    const now = performance.now();
    for (const [id, left] of this.#departed) if (now - left.at >= DEPARTED_MEMORY_MS) this.#departed.delete(id);
    for (const id of clientIds) this.#departed.set(id, { at: now, participantId });
  }

  readonly #onAwarenessUpdate = (change: { added: number[]; updated: number[]; removed: number[] }): void => {
    const changed = [...change.added, ...change.updated, ...change.removed];
    if (changed.length > 0) this.broadcast(awarenessMessage(this.awareness, changed));
  };
}
