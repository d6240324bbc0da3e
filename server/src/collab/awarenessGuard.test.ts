import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { InvalidAwarenessError, encodeAwarenessEntries, readAwarenessEntries } from './awarenessGuard.js';

const MAX = 1024;
const awarenesses: Awareness[] = [];

function peer(state: Record<string, unknown> | null): Awareness {
  const awareness = new Awareness(new Y.Doc());
  awarenesses.push(awareness);
  awareness.setLocalState(state);
  return awareness;
}

afterEach(() => {
  // Each Awareness runs an interval timer until destroyed.
  for (const a of awarenesses.splice(0)) a.destroy();
});

/** Hand-writes an awareness update, for inputs y-protocols would never produce. */
function rawUpdate(
  entries: Array<[clientId: number, clock: number, json: string]>,
  count = entries.length,
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, count);
  for (const [clientId, clock, json] of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return encoding.toUint8Array(encoder);
}

function refusal(update: Uint8Array): InvalidAwarenessError {
  try {
    readAwarenessEntries(update, MAX);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidAwarenessError);
    return error as InvalidAwarenessError;
  }
  throw new Error('the update was accepted');
}

describe('readAwarenessEntries', () => {
  it('reads every client, clock and state y-protocols encoded', () => {
    const a = peer({ user: { name: 'Анна 👩‍💼', color: '#2f6fde' }, cursor: { anchor: 3, head: 7 } });
    a.setLocalStateField('cursor', null);
    const b = peer({ user: { name: 'Boris' } });
    b.getStates().forEach((state, clientId) => a.getStates().set(clientId, state));
    a.meta.set(b.clientID, b.meta.get(b.clientID)!);

    const update = encodeAwarenessUpdate(a, [a.clientID, b.clientID]);
    const entries = readAwarenessEntries(update, MAX);

    expect(entries.map((e) => e.clientId)).toEqual([a.clientID, b.clientID]);
    expect(entries.map((e) => e.clock)).toEqual([a.meta.get(a.clientID)!.clock, b.meta.get(b.clientID)!.clock]);
    expect(entries.map((e) => JSON.parse(e.json))).toEqual([a.getLocalState(), b.getLocalState()]);
    expect(entries.every((e) => !e.isNull)).toBe(true);
  });

  it('flags a removed presence as null', () => {
    const a = peer({ user: { name: 'Vera' } });
    a.setLocalState(null);
    const [entry] = readAwarenessEntries(encodeAwarenessUpdate(a, [a.clientID]), MAX);
    expect(entry).toMatchObject({ clientId: a.clientID, isNull: true });
  });

  it('reads an update with no entries', () => {
    expect(readAwarenessEntries(rawUpdate([]), MAX)).toEqual([]);
  });

  it('re-encodes what it read byte for byte', () => {
    const a = peer({ user: { name: 'Ольга' }, n: 1.5, tags: ['a', 'b'] });
    const removed = peer({ x: 1 });
    removed.setLocalState(null);
    for (const update of [
      encodeAwarenessUpdate(a, [a.clientID]),
      encodeAwarenessUpdate(removed, [removed.clientID]),
      rawUpdate([
        [1, 0, '{}'],
        [2 ** 32, 2 ** 40, '"text"'],
        [7, 3, 'null'],
      ]),
    ]) {
      expect(encodeAwarenessEntries(readAwarenessEntries(update, MAX))).toEqual(update);
    }
  });

  it('produces a filtered update that another peer applies', () => {
    const a = peer({ user: { name: 'Kept' } });
    const update = rawUpdate([
      [a.clientID, 5, JSON.stringify({ user: { name: 'Kept' } })],
      [a.clientID + 1, 5, JSON.stringify({ user: { name: 'Impostor' } })],
    ]);
    const kept = readAwarenessEntries(update, MAX).filter((e) => e.clientId === a.clientID);
    const receiver = peer(null);
    applyAwarenessUpdate(receiver, encodeAwarenessEntries(kept), 'test');
    expect(receiver.getStates().get(a.clientID)).toEqual({ user: { name: 'Kept' } });
    expect(receiver.getStates().has(a.clientID + 1)).toBe(false);
  });

  it('refuses a state larger than the limit, counting bytes rather than characters', () => {
    const justFits = JSON.stringify({ s: 'x'.repeat(MAX - 8) });
    expect(Buffer.byteLength(justFits)).toBe(MAX);
    expect(readAwarenessEntries(rawUpdate([[1, 1, justFits]]), MAX)).toHaveLength(1);

    const tooBig = refusal(rawUpdate([[1, 1, JSON.stringify({ s: 'x'.repeat(MAX) })]]));
    expect(tooBig.tooLarge).toBe(true);

    // Fewer characters than the limit, but more bytes once encoded.
    const cyrillic = JSON.stringify({ s: 'ж'.repeat(MAX / 2) });
    expect(cyrillic.length).toBeLessThan(MAX);
    expect(refusal(rawUpdate([[1, 1, cyrillic]])).tooLarge).toBe(true);
  });

  it('refuses states that are not JSON, without calling them too large', () => {
    for (const json of ['{oops', '', 'undefined', "{'a':1}", '{"a":1} trailing']) {
      expect(refusal(rawUpdate([[1, 1, json]])).tooLarge).toBe(false);
    }
  });

  it('refuses every truncation of a real update', () => {
    const a = peer({ user: { name: 'Truncated' } });
    const b = peer(null);
    a.getStates().set(b.clientID, { other: true });
    a.meta.set(b.clientID, { clock: 300, lastUpdated: 0 });
    const update = encodeAwarenessUpdate(a, [a.clientID, b.clientID]);
    for (let length = 0; length < update.length; length++) {
      expect(refusal(update.slice(0, length)).tooLarge).toBe(false);
      refusal(update.subarray(0, length));
    }
  });

  it('refuses trailing bytes', () => {
    const update = rawUpdate([[1, 1, '{}']]);
    refusal(new Uint8Array([...update, 0]));
    refusal(new Uint8Array([...update, ...update]));
  });

  it('refuses absurd entry counts at once', () => {
    refusal(rawUpdate([[1, 1, '{}']], 2));
    refusal(rawUpdate([[1, 1, '{}']], 2 ** 30));
    refusal(rawUpdate([], Number.MAX_SAFE_INTEGER));
    // A varint longer than any safe integer.
    refusal(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]));
  });

  it('refuses a string length running past the end', () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, 2 ** 30);
    encoding.writeUint8Array(encoder, new TextEncoder().encode('{}'));
    refusal(encoding.toUint8Array(encoder));
  });
});
