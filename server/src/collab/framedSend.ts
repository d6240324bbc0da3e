/**
 * Broadcast frames built once. ws frames every send() on its own: option objects, a header buffer, then cork, two
 * writes and uncork on the TCP socket. A room's broadcast sends the same bytes to every connection, and a server's
 * frames are never masked, so the frame is built once here and written to each TCP socket as one buffer.
 *
 * This reaches into ws (8.x): its TCP socket (`_socket`) and whether its sender has frames of its own queued
 * (`_sender._state`/`_queue`, only while compressing, which this server never negotiates). When either does not look
 * as expected, `rawSocketOf` answers null and the connection sends through ws as usual.
 */
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

/** A final binary frame (RFC 6455 §5.2: FIN + opcode 2, unmasked) carrying `payload`. */
export function binaryFrame(payload: Uint8Array): Buffer {
  const length = payload.byteLength;
  const header = length < 126 ? 2 : length < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + length);
  frame[0] = 0x82;
  if (length < 126) {
    frame[1] = length;
  } else if (length < 65536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  frame.set(payload, header);
  return frame;
}

interface WsInternals {
  _socket?: unknown;
  _sender?: { _state?: unknown; _queue?: unknown };
}

export interface RawSocket {
  /** Whether a frame written now goes out in order: ws has nothing queued ahead of it. */
  idle(): boolean;
  write(frame: Buffer): void;
}

/** Direct access to the TCP socket under `ws`, or null when ws's internals are not what this code expects. */
export function rawSocketOf(ws: WebSocket): RawSocket | null {
  const internals = ws as unknown as WsInternals;
  const tcp = internals._socket as Socket | undefined;
  const sender = internals._sender;
  if (!tcp || typeof tcp.write !== 'function' || !sender) return null;
  if (typeof sender._state !== 'number' || !Array.isArray(sender._queue)) return null;
  const queue = sender._queue as unknown[];
  return {
    idle: () => sender._state === 0 && queue.length === 0,
    // No callback: a failed write emits 'error' on the TCP socket, which ws turns into a close.
    write: (frame) => void tcp.write(frame),
  };
}
