/**
 * The endpoints behind the app shell: templates on create, moving a participant, renewing a token, the LAN info.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  readParticipantTeam,
  readSessionMeta,
  type CreateSessionResponse,
  type ParticipantInfo,
  type RefreshTokenResponse,
  type ServerInfo,
  type SessionView,
  type TokenClaims,
} from '@horizon/shared';
import { TokenSigner } from '../../auth/tokens.js';
import { loadOrCreateSecret } from '../../auth/secret.js';
import {
  api,
  connectClient,
  createSession,
  startTestServer,
  waitFor,
  waitForSynced,
} from '../../testing/testServer.js';
import type { TestClient, TestServer } from '../../testing/testServer.js';

type ErrorBody = { error: string; message: string };

let server: TestServer;
const clients: TestClient[] = [];
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await server?.close();
});

/** A token for the same claims as `token` but already expired `agoSeconds` ago, signed with the server's secret. */
function expiredCopy(token: string, agoSeconds: number): string {
  const signer = new TokenSigner(loadOrCreateSecret(server.dataDir, server.config.secret));
  const claims = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8')) as TokenClaims;
  const { v: _v, ...rest } = claims;
  return signer.sign({ ...rest, exp: Math.floor(Date.now() / 1000) - agoSeconds });
}

function claimsOf(token: string): { teamId?: string; exp: number; participantId: string } {
  return JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8'));
}

describe('session templates', () => {
  it('stores the chosen template in the session record and the session document', async () => {
    server = await startTestServer();
    const res = await api<CreateSessionResponse>(server, 'POST', '/api/sessions', {
      title: 'Сессия',
      templateId: 'image-of-future',
    });
    expect(res.status).toBe(201);
    const view = await api<SessionView>(
      server,
      'GET',
      `/api/sessions/${res.body.sessionId}`,
      undefined,
      res.body.facilitatorToken,
    );
    expect(view.body.templateId).toBe('image-of-future');
    const reader = connectClient(server.wsUrl, res.body.rooms.session, res.body.facilitatorToken);
    clients.push(reader);
    await waitForSynced(reader);
    expect(readSessionMeta(reader.doc)?.templateId).toBe('image-of-future');
  });

  it('refuses an unknown template with 400', async () => {
    server = await startTestServer();
    for (const templateId of ['no-such-template', 'Bad Id!']) {
      const res = await api<ErrorBody>(server, 'POST', '/api/sessions', { title: 'Сессия', templateId });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: 'bad_request', message: expect.any(String) });
    }
  });
});

describe('PATCH /api/sessions/:sessionId/participants/:participantId', () => {
  it('moves a participant: the store, the lobby view, the session document and renewed tokens agree', async () => {
    server = await startTestServer();
    const s = await createSession(server);
    const anna = await s.join('Анна', s.teamA);
    const sessionReader = connectClient(server.wsUrl, s.created.rooms.session, anna.token);
    clients.push(sessionReader);
    await waitForSynced(sessionReader);

    const url = `/api/sessions/${s.created.sessionId}/participants/${anna.participantId}`;
    const moved = await api<ParticipantInfo>(server, 'PATCH', url, { teamId: s.teamB }, s.created.facilitatorToken);
    expect(moved).toEqual({
      status: 200,
      body: { participantId: anna.participantId, name: 'Анна', role: 'participant', teamId: s.teamB },
    });
    await waitFor(() => readParticipantTeam(sessionReader.doc, anna.participantId) === s.teamB, 5000, 'move seen');

    const lobby = await api<SessionView>(
      server,
      'GET',
      `/api/sessions/${s.created.sessionId}`,
      undefined,
      s.created.facilitatorToken,
    );
    expect(lobby.body.participants?.find((p) => p.participantId === anna.participantId)?.teamId).toBe(s.teamB);

    const renewed = await api<RefreshTokenResponse>(server, 'POST', '/api/token/refresh', undefined, anna.token);
    expect(renewed.status).toBe(200);
    expect(renewed.body.teamId).toBe(s.teamB);
    expect(claimsOf(renewed.body.token).teamId).toBe(s.teamB);
    // The new token writes the new team's room.
    const writer = connectClient(server.wsUrl, s.created.rooms.teams[s.teamB]!, renewed.body.token);
    clients.push(writer);
    await waitForSynced(writer);
    writer.doc.getMap('meta').set('motto', 'Вместе');
    const facilitator = connectClient(server.wsUrl, s.created.rooms.teams[s.teamB]!, s.created.facilitatorToken);
    clients.push(facilitator);
    await waitFor(() => facilitator.doc.getMap('meta').get('motto') === 'Вместе', 5000, 'write in new team');
  });

  it('refuses without a token (401), for a participant or another session’s facilitator (403)', async () => {
    server = await startTestServer();
    const s = await createSession(server);
    const other = await createSession(server, 'Другая');
    const anna = await s.join('Анна', s.teamA);
    const url = `/api/sessions/${s.created.sessionId}/participants/${anna.participantId}`;
    const none = await api<ErrorBody>(server, 'PATCH', url, { teamId: s.teamB });
    expect(none).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
    const byParticipant = await api<ErrorBody>(server, 'PATCH', url, { teamId: s.teamB }, anna.token);
    expect(byParticipant).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    const byStranger = await api<ErrorBody>(server, 'PATCH', url, { teamId: s.teamB }, other.created.facilitatorToken);
    expect(byStranger).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect(byStranger.body.message.length).toBeGreaterThan(0);
  });

  it('answers 404 for an unknown participant and 400 for a bad team, a mentor or a bad body', async () => {
    server = await startTestServer();
    const s = await createSession(server);
    const token = s.created.facilitatorToken;
    const base = `/api/sessions/${s.created.sessionId}/participants`;
    const anna = await s.join('Анна', s.teamA);
    const mentor = await s.join('Наставник', undefined, s.created.codes.mentor);
    expect(await api<ErrorBody>(server, 'PATCH', `${base}/nobody00`, { teamId: s.teamB }, token)).toMatchObject({
      status: 404,
      body: { error: 'not_found' },
    });
    for (const [what, url, body] of [
      ['an unknown team', `${base}/${anna.participantId}`, { teamId: 'noteam00' }],
      ['a mentor', `${base}/${mentor.participantId}`, { teamId: s.teamB }],
      ['no team', `${base}/${anna.participantId}`, {}],
      ['an extra field', `${base}/${anna.participantId}`, { teamId: s.teamB, role: 'facilitator' }],
    ] as const) {
      const res = await api<ErrorBody>(server, 'PATCH', url, body, token);
      expect(res.status, what).toBe(400);
      expect(res.body).toMatchObject({ error: 'bad_request', message: expect.any(String) });
    }
  });
});

describe('POST /api/token/refresh', () => {
  it('renews a live token and one expired within 30 days, from the current record', async () => {
    server = await startTestServer();
    const s = await createSession(server);
    const anna = await s.join('Анна', s.teamA);
    const live = await api<RefreshTokenResponse>(server, 'POST', '/api/token/refresh', undefined, anna.token);
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ participantId: anna.participantId, role: 'participant', teamId: s.teamA });
    expect(live.body.expiresAt).toBe(claimsOf(live.body.token).exp);

    const stale = expiredCopy(anna.token, 29 * 24 * 3600);
    // The session API itself still refuses the expired token: only this route forgives expiry.
    expect((await api(server, 'GET', `/api/sessions/${s.created.sessionId}`, undefined, stale)).status).toBe(401);
    const renewed = await api<RefreshTokenResponse>(server, 'POST', '/api/token/refresh', undefined, stale);
    expect(renewed.status).toBe(200);
    expect(claimsOf(renewed.body.token).exp).toBeGreaterThan(Date.now() / 1000);
    const view = await api<SessionView>(
      server,
      'GET',
      `/api/sessions/${s.created.sessionId}`,
      undefined,
      renewed.body.token,
    );
    expect(view.body.you).toMatchObject({ participantId: anna.participantId, name: 'Анна' });

    const facilitator = await api<RefreshTokenResponse>(
      server,
      'POST',
      '/api/token/refresh',
      undefined,
      expiredCopy(s.created.facilitatorToken, 60),
    );
    expect(facilitator).toMatchObject({ status: 200, body: { role: 'facilitator' } });
  });

  it('refuses no token, a forged one and one expired over 30 days ago with 401', async () => {
    server = await startTestServer();
    const s = await createSession(server);
    const anna = await s.join('Анна', s.teamA);
    const forged = anna.token.slice(0, -2) + (anna.token.endsWith('AA') ? 'BB' : 'AA');
    for (const [what, token] of [
      ['no token', undefined],
      ['garbage', 'abc'],
      ['a forged signature', forged],
      ['an expiry 31 days ago', expiredCopy(anna.token, 31 * 24 * 3600)],
    ] as const) {
      const res = await api<ErrorBody>(server, 'POST', '/api/token/refresh', undefined, token);
      expect(res.status, what).toBe(401);
      expect(res.body).toMatchObject({ error: 'unauthorized', message: expect.any(String) });
    }
  });

  it('answers 404 when the session is gone and 401 when the participant is', async () => {
    server = await startTestServer();
    const s = await createSession(server);
    const signer = new TokenSigner(loadOrCreateSecret(server.dataDir, server.config.secret));
    const exp = Math.floor(Date.now() / 1000) + 60;
    const ghostSession = signer.sign({ sessionId: 'gone0000', participantId: 'anna0000', role: 'participant', exp });
    expect(await api<ErrorBody>(server, 'POST', '/api/token/refresh', undefined, ghostSession)).toMatchObject({
      status: 404,
      body: { error: 'not_found' },
    });
    const ghost = signer.sign({ sessionId: s.created.sessionId, participantId: 'ghost000', role: 'participant', exp });
    expect(await api<ErrorBody>(server, 'POST', '/api/token/refresh', undefined, ghost)).toMatchObject({
      status: 401,
      body: { error: 'unauthorized' },
    });
  });
});

describe('GET /api/info', () => {
  it('lists no LAN address when the server listens on loopback only', async () => {
    server = await startTestServer();
    expect(await api<ServerInfo>(server, 'GET', '/api/info')).toEqual({ status: 200, body: { lanUrls: [] } });
  });

  it('lists the machine’s LAN addresses with the bound port when it listens on every interface', async () => {
    server = await startTestServer({ host: '0.0.0.0' });
    const port = new URL(server.baseUrl).port;
    const res = await api<ServerInfo>(server, 'GET', '/api/info');
    expect(res.status).toBe(200);
    for (const url of res.body.lanUrls) {
      expect(url).toMatch(new RegExp(`^http://\\d+\\.\\d+\\.\\d+\\.\\d+:${port}$`));
      expect(url).not.toMatch(/^http:\/\/127\./);
    }
  });
});
