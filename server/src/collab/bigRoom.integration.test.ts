import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, createSession, startTestServer, waitFor, waitForSynced } from '../testing/testServer.js';
import type { TestClient, TestServer } from '../testing/testServer.js';
import { INLINE_FULL_STATE_BYTES } from './fullState.js';

const servers: TestServer[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/**
 * A team room a writer fills with about 700 KB in many scattered inserts: past the size whose joiners' state and
 * snapshots are made off the event loop.
 */
async function bigRoom(config: Parameters<typeof startTestServer>[0] = {}) {
  const server = await startTestServer(config);
  servers.push(server);
  const session = await createSession(server);
  const anna = await session.join('Анна', session.teamA);
  const room = anna.rooms.teams[session.teamA]!;
  const writer = connectClient(server.wsUrl, room, anna.token);
  clients.push(writer);
  await waitForSynced(writer);
  const text = writer.doc.getText('t');
  for (let i = 0; i < 100; i++) {
    writer.doc.transact(() => {
      for (let j = 0; j < 100; j++) text.insert((i * 7919 + j * 104729) % (text.length + 1), 'образ будущего — ');
    });
  }
  return { server, anna, room, writer, text };
}

describe('a big room (its full state merged in a worker) and a busy one (updates held per broadcast slot)', () => {
  it('joiners at once get everything, including edits made while the merge ran', async () => {
    const { server, anna, room, writer, text } = await bigRoom();
    const expected = () => writer.doc.getText('t').toString();
    await waitFor(() => (server.rooms.peek(room)?.doc.getText('t').length ?? 0) === text.length, 10_000, 'seeded');

    expect(server.rooms.peek(room)!.sizeBytes).toBeGreaterThan(INLINE_FULL_STATE_BYTES);

    const joiners = Array.from({ length: 8 }, () => connectClient(server.wsUrl, room, anna.token));
    clients.push(...joiners);
    // Edits in flight while the joiners sync: they arrive as broadcasts, held and merged per slot.
    for (let i = 0; i < 20; i++) text.insert(0, `${i};`);
    await Promise.all(joiners.map((j) => waitForSynced(j)));
    await waitFor(() => joiners.every((j) => j.doc.getText('t').toString() === expected()), 10_000, 'converged');

    // A late joiner after more edits gets a fresh state, not the first merge.
    text.insert(0, 'поздно;');
    const late = connectClient(server.wsUrl, room, anna.token);
    clients.push(late);
    await waitForSynced(late);
    await waitFor(() => late.doc.getText('t').toString() === expected(), 10_000, 'late joiner');
  }, 60_000);

  it('compacts off the event loop while it is written to, and a restart gives back every edit', async () => {
    // Past the size whose snapshots are made in the worker, then more edits while compactions run.
    const { server, anna, room, writer, text } = await bigRoom({ compactAfterUpdates: 20 });
    const live = () => server.rooms.peek(room)!;
    await waitFor(() => (server.rooms.peek(room)?.doc.getText('t').length ?? 0) === text.length, 10_000, 'seeded');
    expect(live().sizeBytes).toBeGreaterThan(INLINE_FULL_STATE_BYTES);
    for (let i = 0; i < 60; i++) {
      text.insert(i, `${i};`);
      text.delete(text.length - 5, 3);
      if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const expected = text.toString();
    await waitFor(() => live().doc.getText('t').toString() === expected, 10_000, 'edits applied');
    // Compacted while big (so in the worker): the store holds a snapshot past that size.
    const deadline = Date.now() + 10_000;
    while (((await server.store.loadRoom(room)).snapshot?.byteLength ?? 0) <= INLINE_FULL_STATE_BYTES) {
      if (Date.now() > deadline) throw new Error('no snapshot of the big room');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    const { dataDir } = server;
    writer.destroy();
    await server.close();
    const restarted = await startTestServer({ dataDir, compactAfterUpdates: 20 });
    servers.push(restarted);
    const reader = connectClient(restarted.wsUrl, room, anna.token);
    clients.push(reader);
    await waitForSynced(reader);
    expect(reader.doc.getText('t').toString()).toBe(expected);
  }, 60_000);
});
