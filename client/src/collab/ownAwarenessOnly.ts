/**
 * Makes a y-websocket provider send awareness for its own client only.
 *
 * The stock provider re-broadcasts every awareness change it sees, including the peers' states it has just received
 * from the server, so each state echoes back once per peer. Our room server ties awareness client IDs to the
 * connection that first announced them and refuses a socket that speaks for someone else's ID (close 4400), which
 * the echo does. Speaking only for ourselves is also what the protocol needs: the server relays the rest.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import type { WebsocketProvider } from 'y-websocket';

/** y-websocket's message type for awareness (see @horizon/shared MessageType.awareness). */
const MESSAGE_AWARENESS = 1;

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

export function sendOwnAwarenessOnly(provider: WebsocketProvider): () => void {
  const { awareness } = provider;
  const ownId = provider.doc.clientID;
  const handler = ({ added, updated, removed }: AwarenessChange) => {
    if (![...added, ...updated, ...removed].includes(ownId)) return;
    const ws = provider.ws;
    if (!provider.wsconnected || !ws || ws.readyState !== ws.OPEN) return;
    ws.send(frame(MESSAGE_AWARENESS, awarenessProtocol.encodeAwarenessUpdate(awareness, [ownId])));
  };
  awareness.off('update', provider._awarenessUpdateHandler);
  awareness.on('update', handler);
  return () => awareness.off('update', handler);
}

/** `varUint(type) · varUint(payload.length) · payload`, lib0's encoding of a typed byte-array message. */
function frame(type: number, payload: Uint8Array): Uint8Array {
  const head = [...varUint(type), ...varUint(payload.length)];
  const out = new Uint8Array(head.length + payload.length);
  out.set(head, 0);
  out.set(payload, head.length);
  return out;
}

function varUint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  while (rest > 0x7f) {
    bytes.push(0x80 | (rest & 0x7f));
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
  return bytes;
}
