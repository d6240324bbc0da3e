// Live-edit latency in one team room: a writer moves a note at a steady rate, a reader (a second real y-websocket
// client) sees each move; latency is from the move's *scheduled* time to its arrival, so a stalled writer shows up
// as latency rather than hiding it.
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { listNotes, moveNotes } from '@horizon/shared/board';

function connect(wsUrl, room, token) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${wsUrl}/collab`, room, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket,
    disableBc: true,
  });
  return { doc, provider };
}

async function synced(client) {
  const started = Date.now();
  while (!client.provider.synced) {
    if (Date.now() - started > 20_000) throw new Error('client did not sync');
    await new Promise((r) => setTimeout(r, 20));
  }
}

export function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function openPair(wsUrl, room, token) {
  const writer = connect(wsUrl, room, token);
  const reader = connect(wsUrl, room, token);
  await Promise.all([synced(writer), synced(reader)]);
  const note = listNotes(writer.doc)[0];
  if (!note) throw new Error('the room has no note to move');
  const base = 100_000;
  const scheduled = new Map();
  let listener = null;
  reader.doc.on('update', () => {
    const seen = reader.doc.getMap('boardNotes').get(note.id)?.get('x');
    // The server merges a tick's updates into one broadcast: seeing move k means every earlier move arrived too.
    const now = performance.now();
    for (const [x, at] of scheduled) {
      if (x > seen) break;
      scheduled.delete(x);
      listener?.(now - at.time, at.time);
    }
  });
  let seq = 0;
  return {
    /**
     * Moves the note `rate` times a second for `ms`; each arrival is passed to `sample(latencyMs, scheduledAt)`.
     */
    async run(rate, ms, sample) {
      listener = sample;
      const period = 1000 / rate;
      const start = performance.now();
      for (let i = 0; ; i++) {
        const due = start + i * period;
        if (due - start > ms) break;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const x = base + ++seq;
        scheduled.set(x, { time: due });
        moveNotes(writer.doc, [{ id: note.id, x, y: note.y }], 'bench');
      }
      await new Promise((r) => setTimeout(r, 500));
      const lost = scheduled.size;
      scheduled.clear();
      listener = null;
      return { lost };
    },
    close() {
      writer.provider.destroy();
      reader.provider.destroy();
    },
  };
}
