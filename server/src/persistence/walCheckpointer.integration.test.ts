import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/testServer.js';
import { SqliteStore } from './sqliteStore.js';
import { WalCheckpointer } from './walCheckpointer.js';

const walSize = (file: string) => (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `transactions` of three 1 KB room updates, as the room server writes a busy slot, the loop turning every few;
 * returns the largest WAL seen meanwhile. About 10 KB of WAL per transaction (table and index pages).
 */
async function write(store: SqliteStore, file: string, transactions: number): Promise<number> {
  const update = new Uint8Array(1024).fill(7);
  let largest = 0;
  for (let i = 0; i < transactions; i++) {
    await store.appendUpdates([0, 1, 2].map((k) => ({ room: `team:s:t${(i * 3 + k) % 20}`, update })));
    if (i % 4 === 0) {
      await pause(2);
      largest = Math.max(largest, walSize(file));
    }
  }
  return largest;
}

describe('WAL checkpoints in a thread', () => {
  it('keep the WAL small while the event loop writes, and lose nothing', async () => {
    const file = path.join(tempDir('horizon-wal-'), 'horizon.sqlite');
    const store = new SqliteStore(file, { checkpoints: { intervalMs: 20 } });
    // ≈ 15 MB of WAL frames: without checkpoints the WAL would hold them all; SQLite's own keep it near 4 MB.
    const largest = await write(store, file, 1500);
    expect(largest).toBeLessThan(4 * 1024 * 1024);
    const before = (await store.loadRoom('team:s:t3')).updates.length;
    await store.close();
    const reopened = new SqliteStore(file);
    expect((await reopened.loadRoom('team:s:t3')).updates.length).toBe(before);
    expect(before).toBe((1500 * 3) / 20);
    await reopened.close();
  });

  it('leave the event loop’s connection without checkpoints of its own', async () => {
    const file = path.join(tempDir('horizon-wal-own-'), 'horizon.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    const checkpointer = new WalCheckpointer(file, db, { intervalMs: 10_000 });
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    db.exec('CREATE TABLE t (x BLOB)');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    for (let i = 0; i < 2000; i++) insert.run(Buffer.alloc(4096));
    // 2000 pages and more, past SQLite's default of 1000, and the thread's first round has not come yet.
    expect(walSize(file)).toBeGreaterThan(8 * 1024 * 1024);
    await checkpointer.close();
    db.close();
  });
});
