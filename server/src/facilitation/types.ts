/** What facilitation needs of the room server (RoomManager). */
import type * as Y from 'yjs';
import type { RoomRef } from '@horizon/shared';

export interface FacilitationRooms {
  change(ref: RoomRef, origin: string, fn: (doc: Y.Doc) => void): Promise<void>;
  read<T>(ref: RoomRef, fn: (doc: Y.Doc) => T): Promise<T>;
  peek(name: string): { resyncRefusedWrites(): void } | undefined;
}
