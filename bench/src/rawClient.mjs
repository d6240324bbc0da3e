// A cheap protocol-level client: one WebSocket, no provider. It speaks y-websocket framing, or Hocuspocus framing
// (every message prefixed by the document name, authentication first). Writers send updates made by their own
// Y.Doc; measurers apply what they receive and time each entry; plain receivers just read frames.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';

const SYNC = 0;
const HOCUS_AUTH = 2;
const HOCUS_SYNC_REPLY = 4;

export function wallNow() {
  return performance.timeOrigin + performance.now();
}

export class RawClient {
  /**
   * @param {{ url: string, docName?: string }} address
   * @param {{ measure?: (entry: { writer: number, seq: number, latencyMs: number }) => void }} options
   */
  constructor(address, options = {}) {
    this.address = address;
    this.hocus = address.docName !== undefined;
    this.measure = options.measure;
    this.doc = options.measure ? new Y.Doc() : null;
    this.synced = false;
    this.syncedAt = 0;
    this.bytesIn = 0;
    if (this.doc) {
      this.doc.getArray('log').observe((event) => {
        const now = wallNow();
        for (const change of event.changes.delta) {
          for (const [writer, seq, sentAt] of change.insert ?? [])
            this.measure({ writer, seq, latencyMs: now - sentAt });
        }
      });
    }
  }

  connect() {
    this.ws = new WebSocket(this.address.url, { perMessageDeflate: false });
    this.ws.binaryType = 'nodebuffer';
    return new Promise((resolve, reject) => {
      this.onSynced = resolve;
      this.ws.on('open', () => {
        if (this.hocus)
          this.#sendFrame(
            (e) => (encoding.writeVarUint(e, HOCUS_AUTH), encoding.writeVarUint(e, 0), encoding.writeVarString(e, '')),
          );
        this.#sendFrame((e) => {
          encoding.writeVarUint(e, SYNC);
          encoding.writeVarUint(e, 0);
          encoding.writeVarUint8Array(e, this.doc ? Y.encodeStateVector(this.doc) : new Uint8Array([0]));
        });
        // A relay holds no state and never answers step 1: the socket being open is all the sync there is.
        if (this.address.relay) this.#markSynced();
      });
      this.ws.on('message', (data) => this.#receive(data));
      this.ws.on('error', reject);
      this.ws.on('close', (code) => {
        this.closedWith = code;
        if (!this.synced) reject(new Error(`closed with ${code} before sync`));
      });
    });
  }

  /** Sends a document update as a sync "update" message. */
  sendUpdate(update) {
    this.#sendFrame((e) => {
      encoding.writeVarUint(e, SYNC);
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint8Array(e, update);
    });
  }

  close() {
    this.ws?.terminate();
  }

  #sendFrame(write) {
    const e = encoding.createEncoder();
    if (this.hocus) encoding.writeVarString(e, this.address.docName);
    write(e);
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(encoding.toUint8Array(e));
  }

  #markSynced() {
    if (this.synced) return;
    this.synced = true;
    this.syncedAt = wallNow();
    this.onSynced?.();
  }

  #receive(data) {
    this.bytesIn += data.length;
    const d = decoding.createDecoder(data);
    if (this.hocus) decoding.readVarString(d);
    const type = decoding.readVarUint(d);
    if (type !== SYNC && type !== HOCUS_SYNC_REPLY) return;
    const sub = decoding.readVarUint(d);
    if (sub === 0) return; // the server's step 1: nothing to send back, writers keep the server current anyway
    const update = decoding.readVarUint8Array(d);
    if (this.doc) Y.applyUpdate(this.doc, update);
    if (sub === 1) this.#markSynced();
  }
}

/** A writer's document: each entry pushed to `log` becomes one update (it depends only on the writer's own items). */
export class Writer {
  constructor(client, id) {
    this.client = client;
    this.id = id;
    this.seq = 0;
    this.doc = new Y.Doc();
    this.doc.on('update', (update) => this.client.sendUpdate(update));
  }

  write(scheduledAt) {
    this.doc.getArray('log').push([[this.id, this.seq++, scheduledAt]]);
  }
}
