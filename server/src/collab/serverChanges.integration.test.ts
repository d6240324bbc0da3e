import { afterEach, describe, expect, it } from 'vitest';
import { Origin, parseRoomName } from '@horizon/shared';
import { connectClient, createSession, startTestServer, waitFor, waitForSynced } from '../testing/testServer.js';
import type { TestClient, TestServer } from '../testing/testServer.js';

let server: TestServer;
const clients: TestClient[] = [];
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await server.close();
});

describe('server-side changes to a room', () => {
  it('reach connected clients, survive a restart, and leave an unvisited room unloaded afterwards', async () => {
    server = await startTestServer({ roomUnloadDelayMs: 50 });
    const session = await createSession(server);
    const ref = parseRoomName(session.created.rooms.session)!;
    const reader = connectClient(server.wsUrl, session.created.rooms.session, session.created.facilitatorToken);
    clients.push(reader);
    await waitForSynced(reader);
    await server.rooms.change(ref, Origin.facilitator, (doc) => doc.getMap('agenda').set('current', 'trends'));
    await waitFor(() => reader.doc.getMap('agenda').get('current') === 'trends', 5000, 'change seen');

    const teamRef = parseRoomName(session.created.rooms.teams[session.teamA]!)!;
    await server.rooms.change(teamRef, Origin.server, (doc) => doc.getMap('meta').set('locked', true));
    await waitFor(() => server.rooms.peek(session.created.rooms.teams[session.teamA]!) === undefined, 5000, 'unload');

    clients.splice(0).forEach((c) => c.destroy());
    await server.close();
    server = await startTestServer({ dataDir: server.dataDir });
    const again = connectClient(
      server.wsUrl,
      session.created.rooms.teams[session.teamA]!,
      session.created.facilitatorToken,
    );
    clients.push(again);
    await waitForSynced(again);
    expect(again.doc.getMap('meta').get('locked')).toBe(true);
  });
});
