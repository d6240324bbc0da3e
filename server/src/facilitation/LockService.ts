/**
 * Team locks in memory, for the room write path. The truth is the session document's `locks` map (persisted with
 * the room, so locks survive a restart); this service mirrors it per session so that checking an update costs a map
 * lookup, never I/O.
 *
 * A session's locks are loaded when a connection is admitted to one of its team rooms (`ensureLoaded`, before the
 * connection joins), and replaced by every lock command (`remember`, inside the command's transaction). Sessions
 * stay in the map for the life of the process: one small entry each.
 */
import { isTeamLocked, readLocks } from '@horizon/shared/facilitation';
import type { Locks } from '@horizon/shared/facilitation';
import type * as Y from 'yjs';
import type { RoomRef, TokenClaims } from '@horizon/shared';

/** Reads the session document, loading it if needed (RoomManager.read). */
export type SessionReader = <T>(sessionId: string, fn: (doc: Y.Doc) => T) => Promise<T>;

export class LockService {
  readonly #bySession = new Map<string, Locks>();

  constructor(private readonly readSession: SessionReader) {}

  /** Mirrors the session's locks if they are not in memory yet. */
  async ensureLoaded(sessionId: string): Promise<void> {
    if (this.#bySession.has(sessionId)) return;
    await this.readSession(sessionId, (doc) => {
      // A lock command may have run while the document loaded; what it remembered is newer.
      if (!this.#bySession.has(sessionId)) this.#bySession.set(sessionId, readLocks(doc));
    });
  }

  /** Called with the document's locks right after a lock command changed them, in the same synchronous turn. */
  remember(sessionId: string, locks: Locks): void {
    this.#bySession.set(sessionId, { all: locks.all, teams: { ...locks.teams } });
  }

  isLocked(sessionId: string, teamId: string): boolean {
    const locks = this.#bySession.get(sessionId);
    return locks ? isTeamLocked(locks, teamId) : false;
  }

  /**
   * The room write gate: in a locked team room only the facilitator writes. Participants and mentors keep reading
   * (their updates are answered with "permission denied"). Session rooms are not the gate's business.
   */
  mayWrite(ref: RoomRef, claims: TokenClaims | null): boolean {
    if (ref.kind !== 'team') return true;
    if (claims?.role === 'facilitator') return true;
    return !this.isLocked(ref.sessionId, ref.teamId);
  }
}
