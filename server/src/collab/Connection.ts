/**
 * One client's WebSocket in one room. It owns the checks that concern the sender alone: message size, rate, the
 * client IDs it may speak for in awareness, and the `closing` flag (ws keeps delivering queued frames after
 * close(), and nothing may be handled once a connection starts closing).
 */
import type { WebSocket } from 'ws';
import type { RoomAccess, TokenClaims } from '@horizon/shared';
import { CloseCode } from '@horizon/shared';
import type { CollabLimits } from '../config.js';
import { tryWriteFrame } from './framedSend.js';
import { TokenBucket } from './rateLimiter.js';

/** Frames queued while the room loads are bounded too: a client cannot fill memory before it is admitted. */
const MAX_QUEUED_BYTES = 8 * 1024 * 1024;
/** A reader this far behind is dropped; it reconnects and resyncs instead of growing server memory. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

const NO_CLIENT_IDS: ReadonlySet<number> = new Set();

export type CloseListener = (code: number, reason: string) => void;

export class Connection {
  closing = false;
  /** Awareness client IDs this connection speaks for; created on the first claim (most sockets never claim one). */
  #clientIds: Set<number> | null = null;
  readonly #messages: TokenBucket;
  readonly #bytes: TokenBucket;
  readonly #applyMs: TokenBucket;
  #queue: Uint8Array[] | null = [];
  #queuedBytes = 0;
  #handler: ((message: Uint8Array) => void) | null = null;

  constructor(
    readonly socket: WebSocket,
    readonly limits: CollabLimits,
    private readonly onRefuse: CloseListener,
    public claims: TokenClaims | null = null,
    public access: RoomAccess = 'none',
  ) {
    this.#messages = new TokenBucket(limits.messagesPerSecond, limits.messageBurst);
    this.#bytes = new TokenBucket(limits.bytesPerSecond, limits.byteBurst);
    this.#applyMs = new TokenBucket(limits.applyMsPerSecond, limits.applyMsBurst);
  }

  get clientIds(): ReadonlySet<number> {
    return this.#clientIds ?? NO_CLIENT_IDS;
  }

  claimClientId(id: number): void {
    (this.#clientIds ??= new Set()).add(id);
  }

  /** Charges the time an update took to apply; closes the connection once it has used up its CPU budget. */
  chargeApplyTime(ms: number): void {
    if (!this.#applyMs.take(ms)) this.close(CloseCode.tooFast, 'updates cost too much CPU; slow down');
  }

  get participantId(): string | undefined {
    return this.claims?.participantId;
  }

  /** Called for every frame, from the first one (attached before any await so none is lost). */
  receive(message: Uint8Array): void {
    if (this.closing) return;
    if (message.byteLength > this.limits.maxMessageBytes) {
      this.close(CloseCode.tooLarge, `message of ${message.byteLength} bytes exceeds ${this.limits.maxMessageBytes}`);
      return;
    }
    if (!this.#messages.take(1) || !this.#bytes.take(message.byteLength)) {
      this.close(CloseCode.tooFast, 'too many messages; slow down');
      return;
    }
    if (this.#handler) {
      this.#handler(message);
      return;
    }
    this.#queuedBytes += message.byteLength;
    if (this.#queuedBytes > MAX_QUEUED_BYTES) {
      this.close(CloseCode.tooLarge, 'too much data sent before the room was ready');
      return;
    }
    this.#queue?.push(message);
  }

  /** Starts handling messages, first the ones queued while the connection was being admitted. */
  attach(handler: (message: Uint8Array) => void): void {
    const queued = this.#queue ?? [];
    this.#queue = null;
    this.#handler = handler;
    for (const message of queued) {
      if (this.closing) return;
      handler(message);
    }
  }

  send(message: Uint8Array): void {
    if (this.#mayNotSend()) return;
    this.socket.send(message, this.#afterSend);
  }

  /** Sends `frame`, made by `binaryFrame(message)` once for all of a broadcast's connections. */
  sendFrame(frame: Buffer, message: Uint8Array): void {
    if (this.#mayNotSend()) return;
    if (!tryWriteFrame(this.socket, frame)) this.socket.send(message, this.#afterSend);
  }

  #mayNotSend(): boolean {
    if (this.closing || this.socket.readyState !== this.socket.OPEN) return true;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.close(1013, 'connection too slow; reconnect to resync');
      return true;
    }
    return false;
  }

  readonly #afterSend = (error?: Error): void => {
    if (error) this.close(1011, 'send failed');
  };

  close(code: number, reason: string): void {
    if (this.closing) return;
    this.closing = true;
    this.#handler = null;
    this.#queue = null;
    if (code !== CloseCode.normal && code !== CloseCode.serviceRestart) this.onRefuse(code, reason);
    try {
      // Close reasons are limited to 123 bytes by the WebSocket protocol.
      this.socket.close(code, Buffer.from(reason).subarray(0, 123).toString());
    } catch {
      this.socket.terminate();
    }
  }
}
