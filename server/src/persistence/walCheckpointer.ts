/**
 * Moves SQLite's WAL checkpoints off the event loop. By default SQLite checkpoints in whichever connection commits
 * the transaction that fills the WAL past 1000 pages: here, the event loop's, in the middle of relaying live edits.
 * A checkpoint copies those pages into the database file and syncs both files; measured on these machines, the commit
 * that ran it took 7–10 ms instead of 0.03 ms, once every 4 MB of writes (a few times a minute under the steady
 * benchmark's load), and every update waiting behind it was late by as much.
 *
 * So the event loop's connection never checkpoints on its own (`wal_autocheckpoint = 0`), and a thread with a
 * connection of its own runs a PASSIVE checkpoint every `intervalMs`: it never blocks writers, and it copies what
 * the WAL held when it began. Writes that arrived meanwhile are left over, and SQLite starts the WAL over only once
 * every frame is copied; so the thread makes a second, short pass. Room updates reach SQLite in folds once a second
 * (journaledLog.ts), so that pass usually finds the WAL quiet and copies all of it, and the next write rewinds the
 * WAL. Only when it has grown past FOLLOW_UP_FRAMES anyway (writes all the time) does the event loop's connection copy
 * the frames left over, which syncs both files on the event loop: rare, instead of twice a second. Durability is
 * unchanged: a commit is durable once in the WAL, checkpointed or not.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';

const require = createRequire(import.meta.url);

/** A WAL this long (2 MB of 4 KB pages) that the thread could not copy whole is copied by the event loop's connection. */
const FOLLOW_UP_FRAMES = 512;

const WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
// Copying pages can wait; the event loop on the same core cannot (Linux nice values are per thread).
try { require('node:os').setPriority(10); } catch {}
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
const checkpoint = () => db.pragma('wal_checkpoint(PASSIVE)')[0];
const timer = setInterval(() => {
  try {
    if (checkpoint().log === 0) return;
    // A second pass copies what was written during the first (a checkpoint copies the WAL as it was when it began).
    const second = checkpoint();
    parentPort.postMessage({ frames: second.log, copied: second.checkpointed });
  } catch (error) {
    parentPort.postMessage({ error: String((error && error.message) || error) });
  }
}, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'close') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface CheckpointOptions {
  intervalMs?: number;
  /** Told when the thread's checkpoint fails (logged by the store's owner; the WAL simply grows meanwhile). */
  onError?: (message: string) => void;
}

export class WalCheckpointer {
  readonly #worker: Worker;
  #closed = false;

  constructor(
    file: string,
    private readonly db: Database,
    options: CheckpointOptions = {},
  ) {
    db.pragma('wal_autocheckpoint = 0');
    this.#worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver: require.resolve('better-sqlite3'), file, intervalMs: options.intervalMs ?? 500 },
      stdout: false,
      stderr: false,
    });
    this.#worker.unref();
    this.#worker.on('message', (message: { frames?: number; copied?: number; error?: string }) => {
      if (message.error !== undefined) options.onError?.(message.error);
      const { frames, copied } = message;
      if (frames !== undefined && copied !== undefined && copied < frames && frames >= FOLLOW_UP_FRAMES) {
        this.#followUp();
      }
    });
    // A thread that could not start or died: the event loop's connection checkpoints as SQLite does by default.
    this.#worker.on('error', (error) => {
      options.onError?.(error.message);
      if (!this.#closed && db.open) db.pragma('wal_autocheckpoint = 1000');
    });
  }

  /**
   * Copies what was written since the thread's last pass: only this connection writes, so once it is done the WAL
   * is fully copied and the next write starts it over.
   */
  #followUp(): void {
    if (this.#closed || !this.db.open) return;
    this.db.pragma('wal_checkpoint(PASSIVE)');
  }

  /** Stops the thread and closes its connection (before the store closes its own, which checkpoints the rest). */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const exited = new Promise<void>((resolve) => this.#worker.once('exit', () => resolve()));
    this.#worker.postMessage('close');
    // A thread that does not answer within a second is stopped; its connection only ever read and checkpointed.
    const timer = setTimeout(() => void this.#worker.terminate(), 1000);
    await exited;
    clearTimeout(timer);
  }
}
