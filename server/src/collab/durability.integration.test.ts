/**
 * The durability promise, against the real built server in a child process: whatever any client has seen survives
 * a kill -9, and SIGTERM flushes and closes sockets with 1012.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode } from '@horizon/shared';
import { startChildServer } from '../testing/childServer.js';
import type { ChildServer } from '../testing/childServer.js';
import { connectClient, createSession, tempDir, waitFor, waitForSynced } from '../testing/testServer.js';
import type { TestClient, TestServer } from '../testing/testServer.js';

const children: ChildServer[] = [];
const clients: TestClient[] = [];
afterEach(() => {
  clients.splice(0).forEach((c) => c.destroy());
  children.splice(0).forEach((c) => c.process.kill('SIGKILL'));
});

async function start(dataDir: string) {
  const child = await startChildServer(dataDir);
  children.push(child);
  return child;
}

function client(server: ChildServer, room: string, token: string) {
  const c = connectClient(server.wsUrl, room, token);
  clients.push(c);
  return c;
}

describe('kill -9', () => {
  it('loses nothing that was broadcast, even with writes in flight at the moment of the kill', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    const session = await createSession(first as unknown as TestServer);
    const room = session.created.rooms.teams[session.teamA]!;
    const writers = await Promise.all(['Анна', 'Борис'].map((n) => session.join(n, session.teamA)));
    const observerJoin = await session.join('Вера', session.teamA);
    const [a, b] = writers.map((w) => client(first, room, w.token));
    const observer = client(first, room, observerJoin.token);
    await Promise.all([a, b, observer].map((c) => waitForSynced(c!)));

    // Two writers type as fast as timers allow, each update its own message.
    let written = 0;
    const timer = setInterval(() => {
      for (const [name, c] of [['a', a!] as const, ['b', b!] as const]) {
        c.doc.getArray<string>('log').push([`${name}${written}`]);
        c.doc.getText('vision').insert(0, name);
      }
      written++;
    }, 1);
    await waitFor(() => observer.doc.getArray('log').length >= 400, 20_000, '400 updates seen by the observer');
    // What the observer has seen was broadcast, so it must be on disk. Clients go first so nothing is re-sent.
    const seen = observer.doc.getArray<string>('log').toArray();
    const seenText = observer.doc.getText('vision').length;
    clearInterval(timer);
    clients.splice(0).forEach((c) => c.destroy());
    first.process.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');

    const second = await start(dataDir);
    const reader = client(second, room, session.created.facilitatorToken);
    await waitForSynced(reader);
    const after = new Set(reader.doc.getArray<string>('log').toArray());
    const missing = seen.filter((entry) => !after.has(entry));
    console.info(
      `kill -9: ${written * 2} updates written, ${seen.length} seen by the observer, ${missing.length} lost`,
    );
    expect(missing).toEqual([]);
    expect(reader.doc.getText('vision').length).toBeGreaterThanOrEqual(seenText);
  });
});

describe('SIGTERM', () => {
  it('flushes, closes sockets with 1012 and exits 0; the data is there after a restart', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    const session = await createSession(first as unknown as TestServer);
    const anna = await session.join('Анна', session.teamA);
    const room = anna.rooms.teams[session.teamA]!;
    const a = client(first, room, anna.token);
    await waitForSynced(a);
    const closeCode = new Promise<number>((resolve) =>
      a.provider.on('connection-close', (event: { code: number; reason: string } | null) => resolve(event?.code ?? -1)),
    );
    for (let i = 0; i < 100; i++) a.doc.getMap('notes').set(`n${i}`, `заметка ${i}`);
    // Let the updates reach the server before it is told to stop.
    await new Promise((r) => setTimeout(r, 200));
    first.process.kill('SIGTERM');
    expect(await closeCode).toBe(CloseCode.serviceRestart);
    expect((await first.exited).code).toBe(0);
    a.provider.disconnect();

    const second = await start(dataDir);
    const reader = client(second, room, anna.token);
    await waitForSynced(reader);
    expect(reader.doc.getMap('notes').size).toBe(100);
  });
});

describe('one process per data directory', () => {
  it('refuses a second server on the same DATA_DIR with a clear message; the first keeps serving', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    const second = startChildServer(dataDir);
    await expect(second).rejects.toThrow(`Horizon process ${first.process.pid} is using this data directory`);
    expect((await fetch(`${first.baseUrl}/api/health`)).status).toBe(200);
    const session = await createSession(first as unknown as TestServer);
    expect(session.created.rooms.teams[session.teamA]).toBeTruthy();
  });
});
