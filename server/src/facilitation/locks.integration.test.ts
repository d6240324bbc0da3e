/**
 * Team locks on the socket: a locked team room is read-only for its participants and mentors, at once on open
 * connections; the facilitator still writes; unlocking lets writes through again without reconnecting.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MockInstance } from 'vitest';
import { connectClient, createSession, startTestServer, waitFor, waitForSynced } from '../testing/testServer.js';
import type { SessionFixture, TestClient, TestServer } from '../testing/testServer.js';
import { command } from './testing.js';

let server: TestServer;
let s: SessionFixture;
let warn: MockInstance<typeof console.warn>;
const clients: TestClient[] = [];
beforeEach(async () => {
  server = await startTestServer();
  s = await createSession(server);
  // y-websocket reports "permission denied" with console.warn.
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(async () => {
  warn.mockRestore();
  clients.splice(0).forEach((c) => c.destroy());
  await server.close();
});

async function open(room: string, token: string): Promise<TestClient> {
  const client = connectClient(server.wsUrl, room, token);
  clients.push(client);
  await waitForSynced(client);
  return client;
}

const denials = () => warn.mock.calls.filter((c) => String(c[0]).includes('Permission denied')).length;

describe('team locks', () => {
  it('refuse a participant’s writes on an open connection (not applied, not broadcast) until unlocked', async () => {
    const anna = await s.join('Анна', s.teamA);
    const room = s.created.rooms.teams[s.teamA]!;
    const writer = await open(room, anna.token);
    const watcher = await open(room, s.created.facilitatorToken);
    const notes = (c: TestClient) => c.doc.getMap('notes');

    notes(writer).set('before', 'ok');
    await waitFor(() => notes(watcher).has('before'), 5000, 'write before the lock');

    expect((await command(server, s, { type: 'lock.set', teamId: s.teamA, locked: true })).status).toBe(200);
    notes(writer).set('during', 'locked');
    await waitFor(() => denials() > 0, 5000, 'permission denied');
    // The facilitator still writes, and that write reaches everyone, the locked writer included.
    notes(watcher).set('facilitator', 'ok');
    await waitFor(() => notes(writer).has('facilitator'), 5000, 'facilitator write');
    expect(notes(watcher).has('during')).toBe(false);
    expect(server.rooms.peek(room)!.doc.getMap('notes').has('during')).toBe(false);
    const fresh = await open(room, s.created.facilitatorToken);
    expect(notes(fresh).has('during')).toBe(false);

    expect((await command(server, s, { type: 'lock.set', teamId: s.teamA, locked: false })).status).toBe(200);
    notes(writer).set('after', 'ok');
    await waitFor(() => notes(watcher).has('after'), 5000, 'write after the unlock');
    expect(writer.provider.wsconnected).toBe(true);
    // The writer's copy still holds what it typed under the lock: after the unlock the room takes it, so every copy
    // converges (the client is expected to keep editors read-only while locked).
    await waitFor(() => notes(watcher).has('during'), 5000, 'copies converge');
  });

  it('locking all teams refuses mentors and participants of every team; other teams’ rooms are unaffected by a team lock', async () => {
    const anna = await s.join('Анна', s.teamA);
    const boris = await s.join('Борис', s.teamB);
    const mentor = await s.join('Наставник', s.teamB, s.created.codes.mentor);
    const roomA = s.created.rooms.teams[s.teamA]!;
    const roomB = s.created.rooms.teams[s.teamB]!;
    const annaA = await open(roomA, anna.token);
    const borisB = await open(roomB, boris.token);
    const mentorB = await open(roomB, mentor.token);
    const watchB = await open(roomB, s.created.facilitatorToken);
    const watchA = await open(roomA, s.created.facilitatorToken);

    await command(server, s, { type: 'lock.set', teamId: s.teamA, locked: true });
    borisB.doc.getMap('notes').set('boris', 'free');
    await waitFor(() => watchB.doc.getMap('notes').has('boris'), 5000, 'team B unaffected');

    await command(server, s, { type: 'lock.set', locked: true });
    const before = denials();
    mentorB.doc.getMap('notes').set('mentor', 'locked');
    borisB.doc.getMap('notes').set('boris2', 'locked');
    annaA.doc.getMap('notes').set('anna', 'locked');
    await waitFor(() => denials() >= before + 3, 5000, 'three denials');
    watchB.doc.getMap('notes').set('marker', 1);
    await waitFor(() => borisB.doc.getMap('notes').has('marker'), 5000, 'marker');
    expect(watchB.doc.getMap('notes').has('mentor')).toBe(false);
    expect(watchB.doc.getMap('notes').has('boris2')).toBe(false);
    expect(watchA.doc.getMap('notes').has('anna')).toBe(false);
  });

  it('hold for a connection opened after the lock, and survive a server restart', async () => {
    const anna = await s.join('Анна', s.teamA);
    const room = s.created.rooms.teams[s.teamA]!;
    await command(server, s, { type: 'lock.set', teamId: s.teamA, locked: true });
    clients.splice(0).forEach((c) => c.destroy());
    await server.close();
    server = await startTestServer({ dataDir: server.dataDir });

    const writer = await open(room, anna.token);
    writer.doc.getMap('notes').set('after-restart', 'locked');
    await waitFor(() => denials() > 0, 5000, 'permission denied after restart');
    const watcher = await open(room, s.created.facilitatorToken);
    watcher.doc.getMap('notes').set('marker', 1);
    await waitFor(() => writer.doc.getMap('notes').has('marker'), 5000, 'marker');
    expect(watcher.doc.getMap('notes').has('after-restart')).toBe(false);

    await command(server, s, { type: 'lock.set', teamId: s.teamA, locked: false });
    writer.doc.getMap('notes').set('unlocked', 'ok');
    await waitFor(() => watcher.doc.getMap('notes').has('unlocked'), 5000, 'write after unlock');
  });
});
