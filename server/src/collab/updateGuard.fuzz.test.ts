/**
 * A seeded random fuzz of the update guard: random edit sequences on every shared type, each update they produce
 * accepted by the guard, counted the way yjs counts it, and applicable by yjs. The fixed seed makes a failure
 * reproducible.
 */
import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdateV1 } from './updateGuard.js';

function expectAccepted(update: Uint8Array): void {
  const shape = checkUpdateV1(update);
  const decoded = Y.decodeUpdate(update);
  let ranges = 0;
  decoded.ds.clients.forEach((items) => (ranges += items.length));
  expect(shape).toEqual({ structs: decoded.structs.length, deleteRanges: ranges });
}

function build(edit: (doc: Y.Doc) => void, gc: boolean): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc({ gc });
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  edit(doc);
  return { doc, updates };
}

describe('checkUpdateV1 on random edits', () => {
  type Editor = (gen: prng.PRNG, doc: Y.Doc) => void;
  const editors: Editor[] = [
    (gen, doc) => {
      const text = doc.getText('text');
      const at = prng.int32(gen, 0, text.length);
      if (prng.bool(gen) || text.length === 0)
        text.insert(at, prng.utf16String(gen, 12), prng.bool(gen) ? { b: true } : {});
      else text.delete(prng.int32(gen, 0, text.length - 1), 1);
    },
    (gen, doc) => {
      const text = doc.getText('text');
      if (text.length > 0) text.format(0, prng.int32(gen, 1, text.length), { i: prng.oneOf(gen, [true, null, 2]) });
      else text.insertEmbed(0, { e: prng.word(gen) });
    },
    (gen, doc) => {
      const list = doc.getArray<unknown>('list');
      if (prng.bool(gen) || list.length === 0) {
        const value = prng.oneOf<unknown>(gen, [
          prng.int53(gen, -1e12, 1e12),
          prng.real53(gen),
          prng.word(gen),
          null,
          [1, { x: 'y' }],
          new Uint8Array([1, 2]),
          new Y.Map(),
        ]);
        list.insert(prng.int32(gen, 0, list.length), [value]);
      } else list.delete(prng.int32(gen, 0, list.length - 1), 1);
    },
    (gen, doc) => {
      const map = doc.getMap<unknown>('map');
      const key = prng.oneOf(gen, ['a', 'b', 'c', 'ключ']);
      if (prng.int32(gen, 0, 3) === 0) map.delete(key);
      else
        map.set(
          key,
          prng.oneOf<unknown>(gen, [
            prng.word(gen),
            prng.int32(gen, 0, 100),
            true,
            { deep: [prng.word(gen)] },
            new Y.Text(prng.word(gen)),
            new Y.Array(),
          ]),
        );
    },
    (gen, doc) => {
      const fragment = doc.getXmlFragment('xml');
      if (prng.bool(gen) || fragment.length === 0) {
        const element = new Y.XmlElement(prng.oneOf(gen, ['p', 'h1', 'li']));
        element.setAttribute('data-x', prng.word(gen));
        const text = new Y.XmlText();
        element.insert(0, [text]);
        fragment.insert(prng.int32(gen, 0, fragment.length), [element]);
        text.insert(0, prng.word(gen, 1, 8));
      } else fragment.delete(prng.int32(gen, 0, fragment.length - 1), 1);
    },
  ];

  it('accepts every update of 300 seeded random edit sequences, and yjs applies each one', () => {
    const gen = prng.create(20260301);
    let checked = 0;
    for (let run = 0; run < 300; run++) {
      const { doc, updates } = build((d) => {
        const steps = prng.int32(gen, 1, 25);
        for (let i = 0; i < steps; i++) {
          if (prng.int32(gen, 0, 4) === 0) d.transact(() => prng.oneOf(gen, editors)(gen, d));
          else prng.oneOf(gen, editors)(gen, d);
        }
      }, prng.bool(gen));
      const candidates = [...updates, Y.encodeStateAsUpdate(doc)];
      if (updates.length > 2) candidates.push(Y.mergeUpdates(updates.slice(1)));
      for (const update of candidates) {
        expectAccepted(update);
        expect(() => Y.applyUpdate(new Y.Doc(), update)).not.toThrow();
        checked++;
      }
      // The whole history replayed on a fresh peer converges to the same state.
      const replica = new Y.Doc();
      for (const update of updates) Y.applyUpdate(replica, update);
      expect(replica.getText('text').toDelta()).toEqual(doc.getText('text').toDelta());
      expect(replica.getMap('map').toJSON()).toEqual(doc.getMap('map').toJSON());
      expect(replica.getXmlFragment('xml').toString()).toBe(doc.getXmlFragment('xml').toString());
    }
    expect(checked).toBeGreaterThan(300);
  });
});
