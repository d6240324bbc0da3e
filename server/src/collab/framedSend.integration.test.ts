/**
 * Frames built once per broadcast and written to the TCP socket under ws must read, to a standard WebSocket client,
 * exactly like ws's own frames: every length encoding, in order with frames ws sends itself.
 */
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { binaryFrame, tryWriteFrame } from './framedSend.js';

const servers: WebSocketServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A server that sends `payloads` to its first client, raw and through ws alternately; what the client received. */
async function roundTrip(payloads: Uint8Array[]): Promise<Buffer[]> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  server.on('connection', (ws) => {
    payloads.forEach((p, i) => {
      if (i % 2 === 1) ws.send(p);
      else expect(tryWriteFrame(ws, binaryFrame(p))).toBe(true);
    });
  });
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const received: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    client.on('message', (data: Buffer, isBinary) => {
      expect(isBinary).toBe(true);
      received.push(data);
      if (received.length === payloads.length) resolve();
    });
    client.on('error', reject);
    client.on('close', (code) => reject(new Error(`closed with ${code}`)));
  });
  client.terminate();
  return received;
}

describe('frames built once per broadcast', () => {
  it('arrive whole and in order, for every length encoding', async () => {
    const sizes = [0, 1, 125, 126, 127, 65535, 65536, 300_000, 3];
    const payloads = sizes.map((n, i) => new Uint8Array(n).map((_, j) => (i * 31 + j) & 0xff));
    const received = await roundTrip(payloads);
    expect(received.map((b) => b.byteLength)).toEqual(sizes);
    received.forEach((b, i) => expect(Buffer.compare(b, Buffer.from(payloads[i]!))).toBe(0));
  });
});
