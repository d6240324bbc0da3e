import { RoomConnection, type TokenRenewer } from './RoomConnection';
import { tokenIdentity } from './tokenIdentity';

interface Entry {
  connection: RoomConnection;
  refs: number;
  destroyTimer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * Exactly one provider per room in this tab, shared by every component that shows the room.
 *
 * A released room lingers briefly before it is destroyed: React's StrictMode (and a quick navigation back) unmounts
 * and remounts at once, and tearing the socket down in between would flash "connecting" and re-download the doc.
 * A renewed token of the same person keeps the room (and its unsent edits); another person's token replaces it.
 */
export class RoomRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly wsBase: string,
    private readonly renewToken: TokenRenewer | null = null,
    private readonly lingerMs = 1500,
  ) {}

  acquire(room: string, token: string): RoomConnection {
    let entry = this.entries.get(room);
    if (entry && entry.connection.identity !== tokenIdentity(token)) {
      // Another identity for the same room (the person joined again): never reuse the old token's socket.
      this.drop(room, entry);
      entry = undefined;
    }
    if (!entry) {
      entry = {
        connection: new RoomConnection(this.wsBase, room, token, this.renewToken),
        refs: 0,
        destroyTimer: undefined,
      };
      this.entries.set(room, entry);
      this.emit();
    } else {
      entry.connection.offerToken(token);
    }
    clearTimeout(entry.destroyTimer);
    entry.destroyTimer = undefined;
    entry.refs++;
    return entry.connection;
  }

  release(connection: RoomConnection): void {
    const entry = this.entries.get(connection.room);
    if (!entry || entry.connection !== connection) return;
    entry.refs--;
    if (entry.refs > 0) return;
    entry.destroyTimer = setTimeout(() => this.drop(connection.room, entry), this.lingerMs);
  }

  get(room: string, token: string): RoomConnection | null {
    const connection = this.entries.get(room)?.connection;
    return connection && connection.identity === tokenIdentity(token) ? connection : null;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroyAll(): void {
    for (const [room, entry] of this.entries) this.drop(room, entry);
  }

  private drop(room: string, entry: Entry): void {
    clearTimeout(entry.destroyTimer);
    if (this.entries.get(room) === entry) this.entries.delete(room);
    entry.connection.destroy();
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
