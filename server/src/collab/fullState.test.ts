import * as Y from 'yjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FullState, INLINE_FULL_STATE_BYTES } from './fullState.js';
import { syncStep2FromUpdate, updateOfStep2 } from './syncMessages.js';

/** An update of about `bytes` of text, as a client would send it. */
function textUpdate(bytes: number, text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text.repeat(Math.ceil(bytes / text.length)));
  return Y.encodeStateAsUpdate(doc);
}

/** A room's full state with a merge hook that records what it was given (an UpdateMerger would run it in a worker). */
function fullStateOf(loadedBytes: number) {
  const merges: Uint8Array[][] = [];
  const doc = new Y.Doc();
  const state = new FullState(doc, {
    merge: async (parts) => {
      merges.push([...parts]);
      return syncStep2FromUpdate(Y.mergeUpdates([...parts]));
    },
    whenPersisted: async () => {},
  });
  const loaded = textUpdate(loadedBytes, 'образ будущего ');
  Y.applyUpdate(doc, loaded);
  state.setPersisted([loaded]);
  /** Applies and "persists" an update, as the room and its log do. */
  const write = (text: string) => {
    const update = textUpdate(100, text);
    Y.applyUpdate(doc, update);
    state.notePersisted([update], loadedBytes);
  };
  const textOf = (message: Uint8Array) => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, updateOfStep2(message));
    return copy.getText('t').toString();
  };
  return { state, merges, write, doc, textOf };
}

afterEach(() => vi.useRealTimers());

describe('the full state of a big room', () => {
  it('is merged ahead of the next joiner once writes have stopped for a second, and kept merged', async () => {
    vi.useFakeTimers();
    const { state, merges, write, doc, textOf } = fullStateOf(INLINE_FULL_STATE_BYTES + 1024);
    write('a');
    await vi.advanceTimersByTimeAsync(600);
    write('b');
    await vi.advanceTimersByTimeAsync(600);
    // Still being written: nothing merged yet.
    expect(merges).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(500);
    expect(merges).toHaveLength(1);
    expect(merges[0]).toHaveLength(3);
    // A joiner now gets the prepared state, without another merge.
    expect(textOf(await state.forJoiner())).toBe(doc.getText('t').toString());
    expect(merges).toHaveLength(1);
    // The merged form replaced its pieces: the next quiet spell merges it with the new write alone.
    write('c');
    await vi.advanceTimersByTimeAsync(1100);
    expect(merges).toHaveLength(2);
    expect(merges[1]).toHaveLength(2);
    expect(textOf(await state.forJoiner())).toBe(doc.getText('t').toString());
    state.destroy();
  });

  it('is merged at once for joiners who come while it is being written, all of them sharing one merge', async () => {
    const { state, merges, write, doc, textOf } = fullStateOf(INLINE_FULL_STATE_BYTES + 1024);
    write('a');
    const replies = await Promise.all([state.forJoiner(), state.forJoiner(), state.forJoiner()]);
    expect(merges).toHaveLength(1);
    for (const reply of replies) expect(textOf(reply)).toBe(doc.getText('t').toString());
    state.destroy();
  });

  it('of a small room is encoded in place, never merged', async () => {
    vi.useFakeTimers();
    const { state, merges, write, doc, textOf } = fullStateOf(1000);
    write('a');
    await vi.advanceTimersByTimeAsync(5000);
    expect(textOf(await state.forJoiner())).toBe(doc.getText('t').toString());
    expect(merges).toHaveLength(0);
    state.destroy();
  });
});
