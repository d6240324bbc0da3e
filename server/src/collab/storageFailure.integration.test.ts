/**
 * When the store refuses an append (a full disk, say), nothing unsaved may reach anyone: the room's clients are
 * disconnected to resync from what is stored, and every other room and the server carry on.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppendEntry } from '../persistence/Store.js';
import { SqliteStore } from '../persistence/sqliteStore.js';
import {
  connectClient,
  createSession,
  startTestServer,
  tempDir,
  waitFor,
  waitForSynced,
} from '../testing/testServer.js';
import type { TestClient, TestServer } from '../testing/testServer.js';

/** A real SQLite store whose appends can be made to fail. */
class FlakyStore extends SqliteStore {
  failing = false;

  override appendUpdatesNow(entries: readonly AppendEntry[]): number[] {
    if (this.failing) throw new Error('disk full');
    return super.appendUpdatesNow(entries);
  }

  override async appendUpdates(entries: readonly AppendEntry[]): Promise<number[]> {
    if (this.failing) throw new Error('disk full');
    return super.appendUpdates(entries);
  }
}

let server: TestServer | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await server?.close();
});

describe('a failing store', () => {
  it('disconnects the room whose update could not be saved, relays nothing of it, and leaves other rooms alone', async () => {
    const dataDir = tempDir();
    const store = new FlakyStore(path.join(dataDir, 'horizon.sqlite'));
    server = await startTestServer({ dataDir }, { store });
    const session = await createSession(server);
    const [anna, boris, vera, gleb] = await Promise.all([
      session.join('Анна', session.teamA),
      session.join('Борис', session.teamA),
      session.join('Вера', session.teamB),
      session.join('Глеб', session.teamB),
    ]);
    const roomA = session.created.rooms.teams[session.teamA]!;
    const roomB = session.created.rooms.teams[session.teamB]!;
    const connect = (room: string, token: string) => {
      const client = connectClient(server!.wsUrl, room, token);
      clients.push(client);
      return client;
    };
    const [a, b, v, g] = [
      connect(roomA, anna!.token),
      connect(roomA, boris!.token),
      connect(roomB, vera!.token),
      connect(roomB, gleb!.token),
    ];
    await Promise.all([a, b, v, g].map((c) => waitForSynced(c)));
    const closes: number[] = [];
    b.provider.on('connection-close', (event: { code: number } | null) => closes.push(event?.code ?? 0));

    store.failing = true;
    a.doc.getText('scratch').insert(0, 'не сохранится');
    await waitFor(() => closes.includes(1011), 5000, 'the room closed with 1011');
    expect(b.doc.getText('scratch').toString()).toBe('');

    store.failing = false;
    v.doc.getText('scratch').insert(0, 'Самара 2036');
    await waitFor(() => g.doc.getText('scratch').toString() === 'Самара 2036', 5000, 'the other room relays');
    expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);
    // Team A's clients come back, resync, and Anna's unsaved edit is sent again from her own copy.
    await waitFor(() => b.doc.getText('scratch').toString() === 'не сохранится', 10_000, 'team A resynced');
  });
});
