import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Origin } from '../origins.js';
import { SchemaTooNewError, latestVersion, migrateDoc, schemaVersionOf } from './runner.js';
import type { Migration } from './runner.js';

/** A chain of three migrations that each leave a visible trace, so the tests can see which ran and in what order. */
const chain: Migration[] = [0, 1, 2].map((from) => ({
  id: `test/${from + 1}`,
  from,
  up(doc) {
    doc.getArray<string>('trace').push([`ran ${from + 1}`]);
  },
}));

function docAtVersion(version: number): Y.Doc {
  const doc = new Y.Doc();
  doc.getMap('notes').set('kept', 'existing content');
  if (version > 0) doc.getMap('meta').set('schemaVersion', version);
  return doc;
}

function recordUpdates(doc: Y.Doc): Array<{ origin: unknown }> {
  const seen: Array<{ origin: unknown }> = [];
  doc.on('update', (_update: Uint8Array, origin: unknown) => seen.push({ origin }));
  return seen;
}

describe('migrateDoc', () => {
  it('treats a document without schemaVersion as version 0 and runs the whole chain in order', () => {
    const doc = docAtVersion(0);
    expect(schemaVersionOf(doc)).toBe(0);
    expect(migrateDoc(doc, chain)).toEqual(chain.map((m) => m.id));
    expect(schemaVersionOf(doc)).toBe(chain.length);
    expect(doc.getArray('trace').toArray()).toEqual(['ran 1', 'ran 2', 'ran 3']);
    expect(doc.getMap('notes').get('kept')).toBe('existing content');
  });

  it('runs only the migrations a document still needs', () => {
    const doc = docAtVersion(2);
    expect(migrateDoc(doc, chain)).toEqual([chain[2]!.id]);
    expect(doc.getArray('trace').toArray()).toEqual(['ran 3']);
    expect(schemaVersionOf(doc)).toBe(3);
  });

  it('does nothing the second time: no ids, no update for peers or the store', () => {
    const doc = docAtVersion(0);
    migrateDoc(doc, chain);
    const updates = recordUpdates(doc);
    const before = Y.encodeStateAsUpdate(doc);
    expect(migrateDoc(doc, chain)).toEqual([]);
    expect(updates).toHaveLength(0);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('makes all its changes in one transaction tagged as a migration', () => {
    const doc = docAtVersion(0);
    const updates = recordUpdates(doc);
    migrateDoc(doc, chain);
    expect(updates).toEqual([{ origin: Origin.migration }]);
  });

  it('sends the migrated state to a peer that applies the update', () => {
    const doc = docAtVersion(0);
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const sv = Y.encodeStateVector(peer);
    migrateDoc(doc, chain);
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc, sv));
    expect(schemaVersionOf(peer)).toBe(chain.length);
    expect(peer.getArray('trace').length).toBe(chain.length);
  });

  it('refuses a document newer than it knows, and leaves it untouched', () => {
    const doc = docAtVersion(chain.length + 1);
    const updates = recordUpdates(doc);
    const before = Y.encodeStateAsUpdate(doc);
    let caught: unknown;
    try {
      migrateDoc(doc, chain);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SchemaTooNewError);
    expect(caught).toMatchObject({ found: chain.length + 1, supported: chain.length });
    expect(updates).toHaveLength(0);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(doc.getArray('trace').length).toBe(0);
  });

  it('refuses a chain with a gap before running any of it', () => {
    const gap: Migration[] = [chain[0]!, { ...chain[2]!, from: 2 }];
    const doc = docAtVersion(0);
    const updates = recordUpdates(doc);
    expect(() => migrateDoc(doc, gap)).toThrow(/starts at 2, expected 1/);
    expect(() => latestVersion(gap)).toThrow();
    expect(updates).toHaveLength(0);
    expect(schemaVersionOf(doc)).toBe(0);
  });

  it('refuses a chain that does not start at version 0 or repeats a step', () => {
    expect(() => latestVersion([{ ...chain[0]!, from: 1 }])).toThrow();
    expect(() => latestVersion([chain[0]!, chain[0]!])).toThrow();
    expect(latestVersion([])).toBe(0);
    expect(latestVersion(chain)).toBe(chain.length);
  });

  it('reads a non-numeric schemaVersion as version 0', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('schemaVersion', '3');
    expect(schemaVersionOf(doc)).toBe(0);
  });
});
