/**
 * What the update guard must let through: every kind of update yjs itself produces. A false refusal here closes an
 * honest client's socket, so each case also checks the guard's count against yjs's own decoder.
 */
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdateV1 } from './updateGuard.js';

/** The guard's shape must agree with how yjs reads the same bytes. */
function expectAccepted(update: Uint8Array): ReturnType<typeof Y.decodeUpdate> {
  const shape = checkUpdateV1(update);
  const decoded = Y.decodeUpdate(update);
  let ranges = 0;
  decoded.ds.clients.forEach((items) => (ranges += items.length));
  expect(shape).toEqual({ structs: decoded.structs.length, deleteRanges: ranges });
  return decoded;
}

/** Names of the struct and content classes in an update, to prove a case really carries the kind it is about. */
function kindsIn(update: Uint8Array): Set<string> {
  const kinds = new Set<string>();
  for (const struct of Y.decodeUpdate(update).structs) {
    kinds.add(struct.constructor.name);
    if (struct instanceof Y.Item) kinds.add(struct.content.constructor.name);
  }
  return kinds;
}

function build(
  edit: (doc: Y.Doc) => void,
  options?: ConstructorParameters<typeof Y.Doc>[0],
): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc(options);
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  edit(doc);
  return { doc, updates };
}

/** Checks the full state and every incremental update, and that a fresh peer reaches the same state. */
function expectDocAccepted(doc: Y.Doc, updates: readonly Uint8Array[]): Uint8Array {
  for (const update of updates) expectAccepted(update);
  const full = Y.encodeStateAsUpdate(doc);
  expectAccepted(full);
  const fresh = new Y.Doc();
  Y.applyUpdate(fresh, full);
  // A fresh peer may garbage-collect differently, so compare what it knows rather than its exact bytes.
  expect(Y.encodeStateVector(fresh)).toEqual(Y.encodeStateVector(doc));
  expectAccepted(Y.encodeStateAsUpdate(fresh));
  return full;
}

describe('checkUpdateV1 accepts what yjs produces', () => {
  it('reads the empty update as nothing to do', () => {
    expect(checkUpdateV1(Y.encodeStateAsUpdate(new Y.Doc()))).toEqual({ structs: 0, deleteRanges: 0 });
  });

  it('text with formatting and embeds', () => {
    const { doc, updates } = build((d) => {
      const text = d.getText('text');
      text.insert(0, 'Hello, мир 👋🏽!', { bold: true, link: { href: 'https://x.example' } });
      text.format(2, 5, { italic: true, size: 1.5 });
      text.insertEmbed(4, { image: 'board.png', width: 320 });
      text.insert(3, 'middle');
      text.format(0, 3, { bold: null });
    });
    const full = expectDocAccepted(doc, updates);
    for (const kind of ['ContentString', 'ContentFormat', 'ContentEmbed']) expect(kindsIn(full)).toContain(kind);
  });

  it('map values of every JSON-ish type, and binary', () => {
    const { doc, updates } = build((d) => {
      const map = d.getMap('values');
      const values: Record<string, unknown> = {
        null: null,
        undefined: undefined,
        zero: 0,
        negative: -42,
        int31: 2 ** 31 - 1,
        safeInt: Number.MAX_SAFE_INTEGER,
        minSafeInt: Number.MIN_SAFE_INTEGER,
        float: 3.14159,
        tiny: 5e-324,
        nan: Number.NaN,
        infinity: Number.POSITIVE_INFINITY,
        yes: true,
        no: false,
        empty: '',
        unicode: 'Ж 字 🏳️‍🌈 \u0000',
        emptyObject: {},
        emptyArray: [],
        nested: { a: [1, { b: [true, null, 'x', { c: 2.5 }] }], 'key with spaces': { '': 1 } },
      };
      for (const [key, value] of Object.entries(values)) map.set(key, value);
      map.set('bytes', new Uint8Array([0, 1, 2, 255]));
      map.set('emptyBytes', new Uint8Array(0));
      d.getArray('list').push([1, 'two', { three: 3 }, [4], null, false]);
    });
    const full = expectDocAccepted(doc, updates);
    expect(kindsIn(full)).toContain('ContentAny');
    expect(kindsIn(full)).toContain('ContentBinary');
  });

  it('nested shared types, XML included', () => {
    const { doc, updates } = build((d) => {
      const list = d.getArray<Y.Map<unknown>>('cards');
      const card = new Y.Map<unknown>();
      list.push([card]);
      card.set('title', 'Card');
      const body = new Y.Text('body');
      card.set('body', body);
      body.insert(4, ' text', { bold: true });
      const tags = new Y.Array<string>();
      card.set('tags', tags);
      tags.insert(0, ['a', 'b']);

      const fragment = d.getXmlFragment('prosemirror');
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.setAttribute('align', 'center');
      const xmlText = new Y.XmlText();
      paragraph.insert(0, [xmlText]);
      fragment.insert(0, [paragraph, new Y.XmlElement('hr')]);
      xmlText.insert(0, 'rich', { em: {} });
      // yjs's types do not let a hook into a fragment; an array carries it just the same (type ref with a name).
      const hook = new Y.XmlHook('widget');
      d.getArray<Y.XmlHook>('hooks').push([hook]);
      hook.set('state', { open: true });
    });
    const full = expectDocAccepted(doc, updates);
    expect(kindsIn(full)).toContain('ContentType');
  });

  it('subdocuments', () => {
    const { doc, updates } = build((d) => {
      const docs = d.getMap<Y.Doc>('docs');
      docs.set('plain', new Y.Doc());
      docs.set('loaded', new Y.Doc({ autoLoad: true, meta: { title: 'sub', n: 1 } }));
      d.getArray<Y.Doc>('list').push([new Y.Doc({ shouldLoad: false })]);
    });
    const full = expectDocAccepted(doc, updates);
    expect(kindsIn(full)).toContain('ContentDoc');
  });

  it('deletions, including an update that only deletes', () => {
    const { doc, updates } = build((d) => {
      const text = d.getText('text');
      text.insert(0, 'abcdefghij');
      text.delete(2, 3);
      d.getArray('list').push([1, 2, 3, 4]);
      d.getArray('list').delete(1, 2);
      d.getMap('map').set('k', 'first');
      d.getMap('map').set('k', 'second');
      d.getMap('map').delete('k');
    });
    const full = expectDocAccepted(doc, updates);
    expect(checkUpdateV1(full).deleteRanges).toBeGreaterThan(0);
    const deleteOnly = updates.find((u) => {
      const shape = checkUpdateV1(u);
      return shape.structs === 0 && shape.deleteRanges > 0;
    });
    expect(deleteOnly).toBeDefined();
  });

  it('garbage-collected content, and the same history kept without gc', () => {
    for (const gc of [true, false]) {
      const { doc, updates } = build(
        (d) => {
          const map = d.getMap<unknown>('map');
          const inner = new Y.Map<unknown>();
          map.set('inner', inner);
          inner.set('a', 'x'.repeat(100));
          inner.set('b', new Y.Text('text'));
          map.set('inner', 'replaced');
          d.getText('text').insert(0, 'temporary');
          d.getText('text').delete(0, 9);
        },
        { gc },
      );
      const full = expectDocAccepted(doc, updates);
      if (gc) expect(kindsIn(full)).toContain('GC');
      else expect(kindsIn(full)).not.toContain('GC');
    }
  });

  it('merged updates, with a skip where a piece is missing', () => {
    const { updates } = build((d) => {
      for (let i = 0; i < 5; i++) d.getText('text').insert(0, `edit ${i} `);
    });
    const merged = Y.mergeUpdates(updates);
    expectAccepted(merged);
    const withGap = Y.mergeUpdates([updates[0]!, updates[2]!, updates[4]!]);
    expectAccepted(withGap);
    expect(kindsIn(withGap)).toContain('Skip');
  });

  it('updates from several clients and state-vector diffs', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getText('t').insert(0, 'from a');
    b.getText('t').insert(0, 'from b');
    b.getMap('m').set('x', 1);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    const sv = Y.encodeStateVector(b);
    a.getText('t').insert(3, ' and a again');
    b.getMap('m').set('y', 2);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));

    const all = expectAccepted(Y.encodeStateAsUpdate(a));
    expect(new Set(all.structs.map((s) => s.id.client)).size).toBe(2);
    const diff = Y.encodeStateAsUpdate(a, sv);
    expectAccepted(diff);
    expect(checkUpdateV1(Y.encodeStateAsUpdate(a, Y.encodeStateVector(a)))).toEqual({ structs: 0, deleteRanges: 0 });
    expect(Y.diffUpdate(Y.encodeStateAsUpdate(a), sv)).toEqual(diff);
  });

  it('the legacy JSON content older clients wrote', () => {
    // yjs still reads ContentJSON (ref 2) but no longer writes it, so the bytes are written by hand.
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1); // one client
    encoding.writeVarUint(encoder, 1); // one struct
    encoding.writeVarUint(encoder, 7); // client id
    encoding.writeVarUint(encoder, 0); // clock
    encoding.writeUint8(encoder, 2); // ContentJSON, parent written in full
    encoding.writeVarUint(encoder, 1); // parent is a root type
    encoding.writeVarString(encoder, 'legacy');
    encoding.writeVarUint(encoder, 3);
    for (const value of ['{"a":[1,2]}', 'undefined', '"s"']) encoding.writeVarString(encoder, value);
    encoding.writeVarUint(encoder, 0); // no deletions
    const update = encoding.toUint8Array(encoder);

    expectAccepted(update);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update);
    expect(doc.getArray('legacy').toArray()).toEqual([{ a: [1, 2] }, undefined, 's']);
  });
});
