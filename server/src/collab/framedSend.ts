/**
 * Broadcast frames built once. ws frames every send() on its own: option objects, a header buffer, then cork, two
 * writes and uncork on the TCP socket. A room's broadcast sends the same bytes to every connection, and a server's
 * frames are never masked, so the frame is built once here and written to each TCP socket as one buffer.
 *
 * This reaches into ws (8.x): its TCP socket (`_socket`) and whether its sender has frames of its own queued
 * (`_sender._state`/`_queue`, only while compressing, which this server never negotiates). When either does not look
 * as expected, `tryWriteFrame` writes nothing and the connection sends through ws as usual.
 */
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
  _socket?: { write?: (chunk: Buffer) => boolean };
  _sender?: { _state?: unknown; _queue?: unknown[] };
}

/**
 * Writes `frame` straight to the TCP socket under `ws` when that is safe: ws's internals look as expected and its
 * sender has nothing queued ahead (it queues only while compressing). False: nothing was written; send through ws.
 * No per-connection state, so idle connections cost nothing for it.
 */
export function tryWriteFrame(ws: WebSocket, frame: Buffer): boolean {
  const { _socket: tcp, _sender: sender } = ws as unknown as WsInternals;
  if (typeof tcp?.write !== 'function' || sender?._state !== 0 || sender._queue?.length !== 0) return false;
  // No callback: a failed write emits 'error' on the TCP socket, which ws turns into a close.
  tcp.write(frame);
  return true;
}
