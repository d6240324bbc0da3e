import * as Y from 'yjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RoomName } from '@horizon/shared';
import { defaultConfig } from '../config.js';
import { INLINE_FULL_STATE_BYTES, Room } from './Room.js';
import { syncStep2FromUpdate } from './syncMessages.js';

/** An update of about `bytes` of text, as a client would send it. */
function textUpdate(bytes: number, seed: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, seed.repeat(Math.ceil(bytes / seed.length)));
  return Y.encodeStateAsUpdate(doc);
}

function bigRoom() {
  const merges: Uint8Array[][] = [];
  const room = new Room('team:s:t' as RoomName, { kind: 'team', sessionId: 's', teamId: 't' }, defaultConfig().limits, {
    onClientUpdate: () => {},
    whenPersisted: async () => {},
    mergeToStep2: async (parts) => {
      merges.push([...parts]);
      return syncStep2FromUpdate(Y.mergeUpdates(parts));
    },
    onEmpty: () => {},
  });
  const loaded = textUpdate(INLINE_FULL_STATE_BYTES + 1024, 'образ будущего ');
  room.sizeBytes = loaded.byteLength;
  room.setPersisted([loaded]);
  return { room, merges };
}

afterEach(() => vi.useRealTimers());

describe('a big room that goes quiet', () => {
  it('has its full state merged ahead of the next joiner, once its writes have stopped for a second', async () => {
    vi.useFakeTimers();
    const { room, merges } = bigRoom();
    room.notePersisted([textUpdate(100, 'a')]);
    await vi.advanceTimersByTimeAsync(600);
    room.notePersisted([textUpdate(100, 'b')]);
    await vi.advanceTimersByTimeAsync(600);
    // Still writing: nothing merged yet.
    expect(merges).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(500);
    expect(merges).toHaveLength(1);
    expect(merges[0]).toHaveLength(3);
    // What was merged is kept in place of its pieces: the next quiet spell merges it with the new write alone.
    room.notePersisted([textUpdate(100, 'c')]);
    await vi.advanceTimersByTimeAsync(1100);
    expect(merges).toHaveLength(2);
    expect(merges[1]).toHaveLength(2);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.mergeUpdates(merges[1]!));
    expect(doc.getText('t').length).toBeGreaterThan(INLINE_FULL_STATE_BYTES / 4);
    expect(doc.getText('t').toString()).toContain('c');
    room.destroy();
  });

  it('leaves small rooms alone (their state is encoded in place when someone joins)', async () => {
    vi.useFakeTimers();
    const merges: unknown[] = [];
    const room = new Room(
      'team:s:u' as RoomName,
      { kind: 'team', sessionId: 's', teamId: 'u' },
      defaultConfig().limits,
      {
        onClientUpdate: () => {},
        whenPersisted: async () => {},
        mergeToStep2: async (parts) => {
          merges.push(parts);
          return syncStep2FromUpdate(Y.mergeUpdates(parts));
        },
        onEmpty: () => {},
      },
    );
    room.setPersisted([textUpdate(1000, 'x')]);
    room.notePersisted([textUpdate(100, 'a')]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(merges).toHaveLength(0);
    room.destroy();
  });
});
