import { afterEach, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { sendOwnAwarenessOnly } from './ownAwarenessOnly';

/** A socket that is open at once and records what the provider sends. */
class RecordingSocket {
  static readonly instances: RecordingSocket[] = [];
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  readyState = 1;
  binaryType = 'arraybuffer';
  readonly sent: Uint8Array[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: (() => void) | null = null;

  constructor(readonly url: string) {
    RecordingSocket.instances.push(this);
    queueMicrotask(() => this.onopen?.());
  }

  send(data: Uint8Array): void {
    this.sent.push(new Uint8Array(data));
  }

  close(): void {
    this.readyState = 3;
  }
}

/** Client IDs whose awareness a frame carries; non-awareness frames carry none. */
function awarenessClients(frame: Uint8Array): number[] {
  if (frame[0] !== 1) return [];
  // Awareness frames here are small: one-byte type and one- or two-byte length prefix.
  const lengthBytes = (frame[1]! & 0x80) === 0 ? 1 : 2;
  const probe = new awarenessProtocol.Awareness(new Y.Doc());
  probe.setLocalState(null);
  const seen: number[] = [];
  probe.on('change', ({ added, updated }: { added: number[]; updated: number[] }) => seen.push(...added, ...updated));
  awarenessProtocol.applyAwarenessUpdate(probe, frame.subarray(1 + lengthBytes), 'test');
  return seen;
}

describe('sendOwnAwarenessOnly', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  it('never relays a peer’s awareness back to the server, but still sends its own changes', async () => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider('ws://test', 'team:a:b', doc, {
      WebSocketPolyfill: RecordingSocket as unknown as typeof WebSocket,
      disableBc: true,
    });
    const stop = sendOwnAwarenessOnly(provider);
    cleanups.push(() => {
      stop();
      provider.destroy();
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const socket = RecordingSocket.instances.at(-1)!;

    const peer = new awarenessProtocol.Awareness(new Y.Doc());
    peer.setLocalStateField('user', { name: 'Борис' });
    awarenessProtocol.applyAwarenessUpdate(
      provider.awareness,
      awarenessProtocol.encodeAwarenessUpdate(peer, [peer.clientID]),
      provider,
    );
    provider.awareness.setLocalStateField('user', { name: 'Анна' });

    const announced = socket.sent.flatMap(awarenessClients);
    expect(announced).toContain(doc.clientID);
    expect(announced).not.toContain(peer.clientID);
    peer.destroy();
  });
});
