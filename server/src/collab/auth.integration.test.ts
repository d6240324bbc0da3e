import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CloseCode, teamRoom } from '@horizon/shared';
import { TokenSigner } from '../auth/tokens.js';
import { loadOrCreateSecret } from '../auth/secret.js';
import {
  connectClient,
  connectRaw,
  createSession,
  startTestServer,
  waitFor,
  waitForSynced,
} from '../testing/testServer.js';
import type { SessionFixture, TestClient, TestServer } from '../testing/testServer.js';

let server: TestServer;
let session: SessionFixture;
const clients: TestClient[] = [];

beforeEach(async () => {
  server = await startTestServer();
  session = await createSession(server);
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await server.close();
});

function client(room: string, token: string) {
  const c = connectClient(server.wsUrl, room, token);
  clients.push(c);
  return c;
}

function closedWith(c: TestClient): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    c.provider.on('connection-close', (event: { code: number; reason: string } | null) => {
      if (event) resolve({ code: event.code, reason: event.reason });
    });
  });
}

describe('admission on the socket', () => {
  it('closes with 4401 without a token, with a forged token and with an expired one', async () => {
    const room = session.created.rooms.session;
    const none = connectRaw(server.wsUrl, room);
    expect((await none.closed).code).toBe(CloseCode.unauthorized);

    const forged = connectRaw(server.wsUrl, room, session.created.facilitatorToken.replace(/.$/, 'x'));
    expect(await forged.closed).toMatchObject({ code: CloseCode.unauthorized, reason: 'invalid token' });

    const signer = new TokenSigner(loadOrCreateSecret(server.dataDir, undefined));
    const expired = signer.sign({
      sessionId: session.created.sessionId,
      participantId: 'someone1',
      role: 'facilitator',
      exp: Math.floor(Date.now() / 1000) - 1,
    });
    const late = connectRaw(server.wsUrl, room, expired);
    expect(await late.closed).toMatchObject({ code: CloseCode.unauthorized, reason: 'token expired' });
  });

  it('a real provider stops reconnecting after a 44xx refusal', async () => {
    const c = client(session.created.rooms.session, 'not-a-token');
    const closed = await closedWith(c);
    expect(closed.code).toBe(CloseCode.unauthorized);
    await new Promise((r) => setTimeout(r, 300));
    expect(c.provider.wsconnected).toBe(false);
    expect(c.provider.shouldConnect).toBe(false);
  });

  it('closes with 4403 for a room of another session, and 4404 for rooms that do not exist', async () => {
    const other = await createSession(server, 'Другая сессия');
    const anna = await session.join('Анна', session.teamA);
    const foreign = connectRaw(server.wsUrl, other.created.rooms.session, anna.token);
    expect((await foreign.closed).code).toBe(CloseCode.forbidden);

    const noTeam = connectRaw(server.wsUrl, teamRoom(session.created.sessionId, 'nosuchteam'), anna.token);
    expect((await noTeam.closed).code).toBe(CloseCode.notFound);
    const badName = connectRaw(server.wsUrl, 'not-a-room', anna.token);
    expect((await badName.closed).code).toBe(CloseCode.notFound);
  });

  it('refuses a cross-site Origin, accepts the same host and clients without Origin', async () => {
    const token = session.created.facilitatorToken;
    const room = session.created.rooms.session;
    const evil = connectRaw(server.wsUrl, room, token, { origin: 'https://evil.example' });
    expect(await evil.closed).toMatchObject({ code: CloseCode.forbidden, reason: 'this origin may not open rooms' });

    const host = new URL(server.baseUrl).host;
    const same = connectRaw(server.wsUrl, room, token, { origin: `http://${host}` });
    await same.opened;
    await waitFor(() => same.messages.length > 0, 5000, 'greeting');
    same.ws.close();
  });
});

describe('read-only connections', () => {
  async function expectRefusedWrite(room: string, token: string) {
    const owner = client(room, session.created.facilitatorToken);
    const reader = client(room, token);
    await Promise.all([waitForSynced(owner), waitForSynced(reader)]);
    const denied: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void denied.push(String(args[0]));
    try {
      reader.doc.getMap('notes').set('intruder', 'x');
      await waitFor(() => denied.some((m) => m.includes('Permission denied')), 5000, 'permission denied');
    } finally {
      console.warn = warn;
    }
    // Not applied, not broadcast: the owner and a fresh reader never see it.
    const fresh = client(room, session.created.facilitatorToken);
    await waitForSynced(fresh);
    owner.doc.getMap('notes').set('owner', 'ok');
    await waitFor(() => fresh.doc.getMap('notes').has('owner'), 5000, 'owner write');
    expect(fresh.doc.getMap('notes').has('intruder')).toBe(false);
    expect(owner.doc.getMap('notes').has('intruder')).toBe(false);
    // The read-only connection stays open and keeps receiving.
    await waitFor(() => reader.doc.getMap('notes').has('owner'), 5000, 'reader receives');
    expect(reader.provider.wsconnected).toBe(true);
    return fresh;
  }

  it('a participant reads another team but cannot write it', async () => {
    const boris = await session.join('Борис', session.teamB);
    await expectRefusedWrite(session.created.rooms.teams[session.teamA]!, boris.token);
  });

  it('a projector reads only', async () => {
    const projector = await session.join('Проектор', undefined, session.created.codes.projector);
    await expectRefusedWrite(session.created.rooms.teams[session.teamB]!, projector.token);
  });

  it('a mentor writes the teams it mentors and only reads the others', async () => {
    const res = await fetch(`${server.baseUrl}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: session.created.codes.mentor, name: 'Наставник', teamIds: [session.teamA] }),
    });
    const mentor = (await res.json()) as { token: string };
    const mine = client(session.created.rooms.teams[session.teamA]!, mentor.token);
    await waitForSynced(mine);
    mine.doc.getMap('comments').set('c1', 'Хорошо');
    const check = client(session.created.rooms.teams[session.teamA]!, session.created.facilitatorToken);
    await waitFor(() => check.doc.getMap('comments').get('c1') === 'Хорошо', 5000, 'mentor write');
    await expectRefusedWrite(session.created.rooms.teams[session.teamB]!, mentor.token);
  });

  it('nobody writes the session room, not even the facilitator: it is the server’s', async () => {
    const anna = await session.join('Анна', session.teamA);
    const room = session.created.rooms.session;
    const reader = client(room, anna.token);
    await waitForSynced(reader);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    reader.doc.getMap('meta').set('title', 'взлом');
    await waitFor(() => warn.mock.calls.length > 0, 5000, 'permission denied');
    warn.mockRestore();
    const facilitator = client(room, session.created.facilitatorToken);
    await waitForSynced(facilitator);
    await new Promise((r) => setTimeout(r, 100));
    expect(facilitator.doc.getMap('meta').get('title')).toBe('Образ будущего 2036');
  });

  it('nothing refused reaches the store', async () => {
    const boris = await session.join('Борис', session.teamB);
    const room = session.created.rooms.teams[session.teamA]!;
    await expectRefusedWrite(room, boris.token);
    clients.splice(0).forEach((c) => c.destroy());
    await server.close();
    const again = await startTestServer({ dataDir: server.dataDir });
    try {
      const reader = connectClient(again.wsUrl, room, session.created.facilitatorToken, new Y.Doc());
      await waitForSynced(reader);
      expect(reader.doc.getMap('notes').has('intruder')).toBe(false);
      expect(reader.doc.getMap('notes').get('owner')).toBe('ok');
      reader.destroy();
    } finally {
      await again.close();
    }
  });
});
