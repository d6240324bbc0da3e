/**
 * The journal in front of the SQLite log, on real files. A crash is simulated by copying the store's files while it
 * is open (what a killed process leaves on disk: the kernel holds every write() that returned) and opening the copy.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/testServer.js';
import { journalFileOf } from './journaledLog.js';
import { SqliteStore } from './sqliteStore.js';

const open: SqliteStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

function openStore(file: string): SqliteStore {
  const store = new SqliteStore(file);
  open.push(store);
  return store;
}

function edits(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  return Array.from({ length: count }, (_, i) => {
    const before = Y.encodeStateVector(doc);
    doc.getArray('notes').push([`заметка ${i}`]);
    return Y.encodeStateAsUpdate(doc, before);
  });
}

function text(updates: Uint8Array[], snapshot: Uint8Array | null = null): string[] {
  const doc = new Y.Doc();
  for (const u of snapshot ? [snapshot, ...updates] : updates) Y.applyUpdate(doc, u);
  return doc.getArray<string>('notes').toArray();
}

/** The files a process killed right now would leave behind, copied to a fresh directory. */
function crashCopy(file: string): string {
  const copy = path.join(tempDir('horizon-crash-'), 'horizon.sqlite');
  for (const suffix of ['', '-wal', '-shm', '-updates.journal']) {
    if (fs.existsSync(file + suffix)) fs.copyFileSync(file + suffix, copy + suffix);
  }
  return copy;
}

describe('journaled room log', () => {
  it('keeps every acknowledged update across a crash before the fold, in order, then empties the journal', async () => {
    const file = path.join(tempDir('horizon-journal-'), 'horizon.sqlite');
    const store = openStore(file);
    const updates = edits(5);
    const seqs = [
      ...(await store.appendUpdates([{ room: 'team:s:a', update: updates[0]! }])),
      ...(await store.appendUpdates(updates.slice(1).map((update) => ({ room: 'team:s:a', update })))),
    ];
    expect(fs.statSync(journalFileOf(file)).size).toBeGreaterThan(0);

    const copy = crashCopy(file);
    const reopened = openStore(copy);
    const room = await reopened.loadRoom('team:s:a');
    expect(text(room.updates)).toEqual(['заметка 0', 'заметка 1', 'заметка 2', 'заметка 3', 'заметка 4']);
    expect(room.lastSeq).toBe(seqs.at(-1));
    expect(fs.statSync(journalFileOf(copy)).size).toBe(0);
    // New sequence numbers continue after the replayed ones.
    const [next] = await reopened.appendUpdates([{ room: 'team:s:a', update: edits(6)[5]! }]);
    expect(next).toBeGreaterThan(seqs.at(-1)!);
  });

  it('drops only a record cut short by the crash, and keeps appending after it', async () => {
    const file = path.join(tempDir('horizon-journal-torn-'), 'horizon.sqlite');
    const store = openStore(file);
    const updates = edits(3);
    for (const update of updates) await store.appendUpdates([{ room: 'r', update }]);
    const copy = crashCopy(file);
    fs.truncateSync(journalFileOf(copy), fs.statSync(journalFileOf(copy)).size - 2);

    const reopened = openStore(copy);
    expect(text((await reopened.loadRoom('r')).updates)).toEqual(['заметка 0', 'заметка 1']);
    // The client whose write was cut off never had it acknowledged; it resends, and that lands after the others.
    await reopened.appendUpdates([{ room: 'r', update: updates[2]! }]);
    const again = openStore(crashCopy(copy));
    expect(text((await again.loadRoom('r')).updates)).toEqual(['заметка 0', 'заметка 1', 'заметка 2']);
  });

  it('does not bring back updates a compaction trimmed when the crash came between the fold and emptying the journal', async () => {
    const file = path.join(tempDir('horizon-journal-trim-'), 'horizon.sqlite');
    const store = openStore(file);
    const updates = edits(4);
    const seqs = await store.appendUpdates(updates.slice(0, 3).map((update) => ({ room: 'r', update })));
    const journalBeforeFold = fs.readFileSync(journalFileOf(file));
    const snapshot = Y.mergeUpdates(updates.slice(0, 3));
    await store.compactRoom('r', snapshot, seqs[2]!);
    await store.appendUpdates([{ room: 'r', update: updates[3]! }]);
    await store.close();
    // As if emptying the journal had not happened before the crash: the folded records are still in it.
    fs.writeFileSync(journalFileOf(file), journalBeforeFold);

    const reopened = openStore(file);
    const room = await reopened.loadRoom('r');
    expect(room.updates).toHaveLength(1);
    expect(text(room.updates, room.snapshot)).toEqual(['заметка 0', 'заметка 1', 'заметка 2', 'заметка 3']);
  });

  it('folds for a compaction a chunk per turn, letting the loop serve others, and trims exactly what it covers', async () => {
    const file = path.join(tempDir('horizon-journal-compact-'), 'horizon.sqlite');
    const store = openStore(file);
    const updates = edits(600);
    // Another room's updates interleaved: the fold goes by sequence, so the compacted room waits behind them.
    const seqs: number[] = [];
    for (const update of updates.slice(0, 500)) {
      seqs.push(...(await store.appendUpdates([{ room: 'r', update }])));
      await store.appendUpdates([{ room: 'other', update }]);
    }
    // Callbacks of the next turns: an inline fold of all 1000 records would finish before either runs.
    let servedMeanwhile = 0;
    const count = () => setImmediate(() => servedMeanwhile++);
    count();
    const compaction = store.compactRoom('r', Y.mergeUpdates(updates.slice(0, 500)), seqs[499]!);
    count();
    const later = await store.appendUpdates(updates.slice(500).map((update) => ({ room: 'r', update })));
    await compaction;
    expect(servedMeanwhile).toBeGreaterThanOrEqual(2);
    const room = await store.loadRoom('r');
    expect(room.updates).toHaveLength(later.length);
    expect(text(room.updates, room.snapshot)).toEqual(updates.map((_, i) => `заметка ${i}`));
    expect((await store.loadRoom('other')).updates).toHaveLength(500);
  });

  it('folds into SQLite on its own within a moment, a few hundred records per turn, so the journal stays small', async () => {
    const file = path.join(tempDir('horizon-journal-fold-'), 'horizon.sqlite');
    const store = openStore(file);
    for (const update of edits(300)) await store.appendUpdates([{ room: 'r', update }]);
    expect(fs.statSync(journalFileOf(file)).size).toBeGreaterThan(0);
    // Within a few fold intervals, even on a busy machine.
    for (let i = 0; i < 60 && fs.statSync(journalFileOf(file)).size > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(fs.statSync(journalFileOf(file)).size).toBe(0);
    // Read by another connection, without this store's help: the rows are in the table.
    const copy = crashCopy(file);
    fs.rmSync(journalFileOf(copy));
    expect(text((await openStore(copy).loadRoom('r')).updates)).toEqual(edits(300).map((_, i) => `заметка ${i}`));
  });
});
