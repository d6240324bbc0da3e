/**
 * What the update guard must refuse before yjs sees it. The hostile updates are written byte by byte with lib0 in
 * the V1 layout the guard walks (see updateGuard.ts): clients, then per client its structs, then the delete set.
 */
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { InvalidUpdateError, checkUpdateV1 } from './updateGuard.js';

const HUGE = 2 ** 40;

function write(steps: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  steps(e);
  return encoding.toUint8Array(e);
}

/** One client with one item under the root array `list`, carrying the given content ref and content bytes. */
function oneItem(contentRef: number, content: (e: encoding.Encoder) => void, clock = 0): Uint8Array {
  return write((e) => {
    encoding.writeVarUint(e, 1); // clients
    encoding.writeVarUint(e, 1); // structs
    encoding.writeVarUint(e, 1); // client id
    encoding.writeVarUint(e, clock);
    encoding.writeUint8(e, contentRef); // info: no origins, so the parent follows
    encoding.writeVarUint(e, 1); // parent is a root type, by name
    encoding.writeVarString(e, 'list');
    content(e);
    encoding.writeVarUint(e, 0); // empty delete set
  });
}

/** A ContentDoc item: a guid, then the options as a lib0 `any`. */
function subdocWithOptions(writeOptions: (e: encoding.Encoder) => void): Uint8Array {
  return oneItem(9, (e) => {
    encoding.writeVarString(e, 'guid-1');
    writeOptions(e);
  });
}

function expectRefused(update: Uint8Array): void {
  expect(() => checkUpdateV1(update)).toThrow(InvalidUpdateError);
}

/** A real update with many content kinds, several clients and a delete set. */
function richUpdate(): Uint8Array {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const text = a.getText('text');
  text.insert(0, 'Hello wörld 👋', { bold: true });
  text.insertEmbed(2, { img: 'x' });
  text.delete(1, 2);
  const map = a.getMap<unknown>('map');
  map.set('any', { n: 1.5, list: [null, true, 'x'], big: 2 ** 40 });
  map.set('bin', new Uint8Array([1, 2, 3]));
  map.set('sub', new Y.Doc());
  const xml = new Y.XmlElement('p');
  a.getXmlFragment('xml').insert(0, [xml]);
  xml.setAttribute('k', 'v');
  b.getArray('list').push([1, 2, 3]);
  b.getArray('list').delete(0, 1);
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
  return Y.encodeStateAsUpdate(a);
}

describe('checkUpdateV1 refuses', () => {
  it('a sanity check: the hand-written layout is one the guard and yjs accept', () => {
    const update = oneItem(8, (e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeAny(e, { ok: true });
    });
    expect(checkUpdateV1(update)).toEqual({ structs: 1, deleteRanges: 0 });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update);
    expect(doc.getArray('list').toArray()).toEqual([{ ok: true }]);
  });

  it('V2 updates', () => {
    const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
    docs[0]!.getText('t').insert(0, 'some text');
    docs[1]!.getMap('m').set('k', { a: [1, 2] });
    docs[2]!.getXmlFragment('x').insert(0, [new Y.XmlElement('p')]);
    for (const doc of docs) expectRefused(Y.encodeStateAsUpdateV2(doc));
    // Two clients and a delete set.
    Y.applyUpdate(docs[0]!, Y.encodeStateAsUpdate(docs[1]!));
    docs[0]!.getText('t').delete(0, 4);
    expectRefused(Y.encodeStateAsUpdateV2(docs[0]!));
    expectRefused(Y.encodeStateAsUpdateV2(docs[0]!, Y.encodeStateVector(docs[1]!)));
  });

  it('every truncation of a real update', () => {
    // The guard reads strictly forward and a whole update ends exactly at its last byte, so a prefix follows the same
    // path until it needs a byte it lacks: it either fails to read or finishes past its end. No prefix can be valid.
    const update = richUpdate();
    expect(update.length).toBeGreaterThan(100);
    checkUpdateV1(update);
    for (let length = 0; length < update.length; length++) {
      expectRefused(update.slice(0, length));
      // A view into a bigger buffer (as a WebSocket frame gives) must not let the guard read past the view.
      expectRefused(update.subarray(0, length));
    }
  });

  it('trailing garbage', () => {
    const update = richUpdate();
    expectRefused(new Uint8Array([...update, 0]));
    expectRefused(new Uint8Array([...update, 0, 0]));
    expectRefused(new Uint8Array([...update, ...update]));
    expectRefused(new Uint8Array([0, 0, 0]));
  });

  it('input that is not an update at all', () => {
    expectRefused(new Uint8Array(0));
    expectRefused(new Uint8Array([0]));
    expectRefused(new TextEncoder().encode('{"hello":"world"}'));
    expectRefused(new Uint8Array(64).fill(0xff));
  });

  it('a client count the bytes cannot hold', () => {
    for (const count of [2, 2 ** 20, 2 ** 32, Number.MAX_SAFE_INTEGER]) {
      expectRefused(
        write((e) => {
          encoding.writeVarUint(e, count);
          for (let i = 0; i < 3; i++) encoding.writeVarUint(e, 0);
          encoding.writeVarUint(e, 0);
        }),
      );
    }
  });

  it('a struct count the bytes cannot hold', () => {
    expectRefused(
      write((e) => {
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, 2 ** 30);
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, 0);
        encoding.writeUint8(e, 0);
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, 0);
      }),
    );
  });

  it('GC and skip ranges of 2^40', () => {
    for (const ref of [0, 10]) {
      expectRefused(
        write((e) => {
          encoding.writeVarUint(e, 1);
          encoding.writeVarUint(e, 1);
          encoding.writeVarUint(e, 1);
          encoding.writeVarUint(e, 0);
          encoding.writeUint8(e, ref);
          encoding.writeVarUint(e, HUGE);
          encoding.writeVarUint(e, 0);
        }),
      );
    }
  });

  it('a deleted-content length of 2^40', () => {
    expectRefused(oneItem(1, (e) => encoding.writeVarUint(e, HUGE)));
  });

  it('clocks of 2^40, wherever they appear', () => {
    expectRefused(oneItem(8, (e) => (encoding.writeVarUint(e, 1), encoding.writeAny(e, 1)), HUGE));
    for (const originBit of [0b10000000, 0b01000000]) {
      expectRefused(
        write((e) => {
          encoding.writeVarUint(e, 1);
          encoding.writeVarUint(e, 1);
          encoding.writeVarUint(e, 1);
          encoding.writeVarUint(e, 0);
          encoding.writeUint8(e, originBit | 4);
          encoding.writeVarUint(e, 2); // origin client
          encoding.writeVarUint(e, HUGE); // origin clock
          encoding.writeVarString(e, 'x');
          encoding.writeVarUint(e, 0);
        }),
      );
    }
    // A struct whose clock is in range but whose length pushes it past the limit.
    expectRefused(oneItem(1, (e) => encoding.writeVarUint(e, 2 ** 24), 2 ** 31 - 10));
  });

  it('a delete-set range of 2^40, or one that starts at 2^40', () => {
    for (const [clock, length] of [
      [0, HUGE],
      [HUGE, 1],
      [2 ** 31, 1],
    ] as const) {
      expectRefused(
        write((e) => {
          encoding.writeVarUint(e, 0); // no structs
          encoding.writeVarUint(e, 1); // one delete-set client
          encoding.writeVarUint(e, 1);
          encoding.writeVarUint(e, 1); // one range
          encoding.writeVarUint(e, clock);
          encoding.writeVarUint(e, length);
        }),
      );
    }
  });

  it('a delete-set range count the bytes cannot hold', () => {
    expectRefused(
      write((e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, 2 ** 30);
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 1);
      }),
    );
  });

  it('unknown content refs and type refs', () => {
    for (const ref of [11, 12, 20, 31]) expectRefused(oneItem(ref, (e) => encoding.writeVarUint(e, 1)));
    expectRefused(oneItem(7, (e) => encoding.writeVarUint(e, 7)));
    expectRefused(oneItem(8, (e) => (encoding.writeVarUint(e, 1), encoding.writeUint8(e, 115))));
  });

  it('JSON content that is not valid JSON', () => {
    expectRefused(oneItem(2, (e) => (encoding.writeVarUint(e, 1), encoding.writeVarString(e, '{oops'))));
    expectRefused(
      oneItem(2, (e) => (encoding.writeVarUint(e, 2), encoding.writeVarString(e, '1'), encoding.writeVarString(e, ''))),
    );
    expectRefused(oneItem(5, (e) => encoding.writeVarString(e, 'not json')));
    expectRefused(oneItem(6, (e) => (encoding.writeVarString(e, 'bold'), encoding.writeVarString(e, '{'))));
  });

  it('a count of JSON or any values the bytes cannot hold', () => {
    expectRefused(oneItem(2, (e) => encoding.writeVarUint(e, 2 ** 30)));
    expectRefused(oneItem(8, (e) => encoding.writeVarUint(e, 2 ** 30)));
    expectRefused(
      oneItem(8, (e) => (encoding.writeVarUint(e, 1), encoding.writeUint8(e, 117), encoding.writeVarUint(e, 2 ** 30))),
    );
    expectRefused(
      oneItem(8, (e) => (encoding.writeVarUint(e, 1), encoding.writeUint8(e, 118), encoding.writeVarUint(e, 2 ** 30))),
    );
  });

  it('values nested deeper than any honest client would send', () => {
    const depth = 10_000;
    expectRefused(
      oneItem(8, (e) => {
        encoding.writeVarUint(e, 1);
        for (let i = 0; i < depth; i++) {
          encoding.writeUint8(e, 117); // an array of one element
          encoding.writeVarUint(e, 1);
        }
        encoding.writeUint8(e, 126);
      }),
    );
  });

  it('a string whose length runs past the end', () => {
    expectRefused(oneItem(4, (e) => (encoding.writeVarUint(e, 2 ** 30), encoding.writeUint8(e, 65))));
  });

  // yjs builds a subdocument from its options with `opts.shouldLoad`, so options that are null or undefined make
  // Y.applyUpdate throw, exactly like the invalid JSON the guard already refuses.
  it('subdocument options that yjs cannot read', () => {
    for (const code of [126, 127]) {
      const update = subdocWithOptions((e) => encoding.writeUint8(e, code));
      expect(() => Y.applyUpdate(new Y.Doc(), update)).toThrow(TypeError);
      expectRefused(update);
    }
  });
});
