/**
 * Merges a room's persisted updates into one sync step 2 message in a worker thread, and makes compaction snapshots
 * there. Encoding a big room's whole state takes one event-loop turn of 100+ ms for 3 MB (yjs cannot do it in
 * pieces), and every other room on the server would freeze meanwhile; the same work on the same bytes in a worker
 * costs the event loop only the copies.
 *
 * One long-lived worker serves every room (a merge is short, and starting a worker costs more than most merges).
 * The worker code is a small CommonJS script given as a string, so it runs the same from sources and from the build.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const require = createRequire(import.meta.url);

const WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const Y = require(workerData.yjsPath);
/**
 * A compaction snapshot: the updates applied to a fresh document and its state encoded, as the room's live document
 * would encode it (a merge of updates would keep the content of everything deleted since; the document drops it).
 */
function snapshotOf(parts) {
  const doc = new Y.Doc();
  for (const part of parts) Y.applyUpdate(doc, part);
  const snapshot = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return snapshot;
}
parentPort.on('message', ({ id, parts, op }) => {
  try {
    if (op === 'snapshot') {
      const snapshot = snapshotOf(parts);
      parentPort.postMessage({ id, message: snapshot }, [snapshot.buffer]);
      return;
    }
    const update = parts.length === 1 ? parts[0] : Y.mergeUpdates(parts);
    // A sync step 2 message: type 0 (sync), sub-type 1 (step 2), then the update with its varUint length.
    const header = [0, 1];
    let len = update.length;
    while (len > 0x7f) {
      header.push((len & 0x7f) | 0x80);
      len = Math.floor(len / 128);
    }
    header.push(len);
    const message = new Uint8Array(header.length + update.length);
    message.set(header, 0);
    message.set(update, header.length);
    parentPort.postMessage({ id, message }, [message.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});
`;

interface Reply {
  id: number;
  message?: Uint8Array;
  error?: string;
}

export class UpdateMerger {
  #worker: Worker | null = null;
  #closed = false;
  #nextId = 1;
  readonly #waiting = new Map<number, { resolve: (m: Uint8Array) => void; reject: (e: Error) => void }>();

  /** The sync step 2 message carrying all of `parts` merged into one update. */
  step2Message(parts: readonly Uint8Array[]): Promise<Uint8Array> {
    return this.#run('step2', parts);
  }

  /** The state of a document made of `parts`, encoded as a snapshot for compaction. */
  snapshot(parts: readonly Uint8Array[]): Promise<Uint8Array> {
    return this.#run('snapshot', parts);
  }

  #run(op: 'step2' | 'snapshot', parts: readonly Uint8Array[]): Promise<Uint8Array> {
    if (this.#closed) return Promise.reject(new Error('the merger is closed'));
    const worker = this.#ensureWorker();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      worker.postMessage({ id, parts, op });
    });
  }

  /** Starts the worker ahead of need (a room grew big), so the first joiners do not wait for it to boot. */
  warm(): void {
    if (!this.#closed) this.#ensureWorker();
  }

  async close(): Promise<void> {
    this.#closed = true;
    const worker = this.#worker;
    this.#worker = null;
    if (worker) await worker.terminate();
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { yjsPath: require.resolve('yjs') } });
    // An idle merger must not keep the process alive.
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const waiter = this.#waiting.get(reply.id);
      if (!waiter) return;
      this.#waiting.delete(reply.id);
      if (reply.message) waiter.resolve(reply.message);
      else waiter.reject(new Error(`merge failed: ${reply.error ?? 'unknown'}`));
    });
    const fail = (error: Error) => {
      if (this.#worker === worker) this.#worker = null;
      for (const waiter of this.#waiting.values()) waiter.reject(error);
      this.#waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`merge worker exited with ${code}`)));
    this.#worker = worker;
    return worker;
  }
}
