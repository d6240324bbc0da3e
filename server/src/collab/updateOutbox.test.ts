import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SLOT_MS } from './broadcastSlots.js';
import { UpdateOutbox } from './updateOutbox.js';

function edit(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc, before);
}

describe('update outbox', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Feeds the outbox one entry every `everyMs` for 300 ms, each carrying `perEntry` client updates. */
  function warmedUp(everyMs: number, perEntry: number, sent: Uint8Array[]) {
    const outbox = new UpdateOutbox<string>((message) => sent.push(message));
    const doc = new Y.Doc();
    for (let t = 0; t < 300; t += everyMs) {
      outbox.push([edit(doc, 'a')], ['writer'], perEntry);
      vi.advanceTimersByTime(everyMs);
    }
    return { outbox, doc };
  }

  /** The update inside a sync update message. */
  function updateOf(message: Uint8Array): Uint8Array {
    const decoder = decoding.createDecoder(message);
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    return decoding.readVarUint8Array(decoder);
  }

  it('sends the updates of a room with fewer than two per slot at once, one frame each', () => {
    const sent: Uint8Array[] = [];
    // 15 client updates per 100 ms, fewer than two per slot: merging would save little and delay every other one.
    const { outbox, doc } = warmedUp(20, 3, sent);
    const before = sent.length;
    outbox.push([edit(doc, 'b')], ['writer']);
    outbox.push([edit(doc, 'c')], ['writer']);
    expect(sent.length - before).toBe(2);
  });

  it('counts the client updates inside merged entries: a busy room holds the second frame of a slot and merges', () => {
    const sent: Uint8Array[] = [];
    // An entry every 20 ms, but each carries 5 client updates: 25 per 100 ms, over two per 10 ms slot, a busy room
    // (5 entries per 100 ms are not).
    const { outbox, doc } = warmedUp(20, 5, sent);
    const before = sent.length;
    outbox.push([edit(doc, 'b')], ['writer'], 5);
    outbox.push([edit(doc, 'c')], ['writer'], 5);
    outbox.push([edit(doc, 'd')], ['other'], 5);
    expect(sent.length - before).toBe(1);
    vi.advanceTimersByTime(SLOT_MS);
    expect(sent.length - before).toBe(2);
    // The held two left as one frame that a fresh document can apply.
    const peer = new Y.Doc();
    for (const message of sent) Y.applyUpdate(peer, updateOf(message));
    expect(peer.getText('t').toString()).toBe(doc.getText('t').toString());
  });
});
