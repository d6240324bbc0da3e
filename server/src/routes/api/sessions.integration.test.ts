import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CreateSessionResponse, SessionView } from '@horizon/shared';
import { api, createSession, startTestServer } from '../../testing/testServer.js';
import type { TestServer } from '../../testing/testServer.js';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

describe('POST /api/sessions', () => {
  it('creates a session with teams, codes, rooms and a facilitator token', async () => {
    const res = await api<CreateSessionResponse>(server, 'POST', '/api/sessions', {
      title: '  Кадровый бренд Самарской области  ',
      horizonYear: 2036,
      teams: ['Люди', 'Экономика', 'Среда'],
    });
    expect(res.status).toBe(201);
    const body = res.body;
    expect(body.teams.map((t) => t.name)).toEqual(['Люди', 'Экономика', 'Среда']);
    expect(body.codes.participant).toMatch(/^[A-Z2-9]{6}$/);
    expect(new Set(Object.values(body.codes)).size).toBe(3);
    expect(body.rooms.session).toBe(`session:${body.sessionId}`);
    for (const team of body.teams) expect(body.rooms.teams[team.teamId]).toBe(`team:${body.sessionId}:${team.teamId}`);
    const view = await api<SessionView>(
      server,
      'GET',
      `/api/sessions/${body.sessionId}`,
      undefined,
      body.facilitatorToken,
    );
    expect(view.status).toBe(200);
    expect(view.body.title).toBe('Кадровый бренд Самарской области');
    expect(view.body.horizonYear).toBe(2036);
  });

  it('defaults to the 2036 horizon and two teams', async () => {
    const res = await api<CreateSessionResponse>(server, 'POST', '/api/sessions', { title: 'Сессия' });
    expect(res.status).toBe(201);
    expect(res.body.teams).toHaveLength(2);
    const view = await api<SessionView>(
      server,
      'GET',
      `/api/sessions/${res.body.sessionId}`,
      undefined,
      res.body.facilitatorToken,
    );
    expect(view.body.horizonYear).toBe(2036);
  });

  it.each([
    ['no title', {}],
    ['a blank title', { title: '   ' }],
    ['a title too long', { title: 'я'.repeat(201) }],
    ['a horizon in the past', { title: 'x', horizonYear: 1990 }],
    ['a fractional horizon', { title: 'x', horizonYear: 2036.5 }],
    ['a team with an empty name', { title: 'x', teams: [''] }],
    ['too many teams', { title: 'x', teams: Array.from({ length: 31 }, (_, i) => `Команда ${i}`) }],
    ['an unknown field', { title: 'x', admin: true }],
  ])('refuses %s with 400 and a message', async (_what, body) => {
    const res = await api<{ error: string; message: string }>(server, 'POST', '/api/sessions', body);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('bad_request');
    expect(res.body.message.length).toBeGreaterThan(0);
  });

  it('refuses a body that is not JSON with 400', async () => {
    const res = await fetch(`${server.baseUrl}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"title":',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'bad_request' });
  });
});

describe('joining', () => {
  it('looks up a code before joining, case and spaces forgiven', async () => {
    const s = await createSession(server);
    const code = s.created.codes.participant;
    const typed = `${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`;
    const res = await api<{ title: string; role: string; teams: unknown[] }>(
      server,
      'GET',
      `/api/codes/${encodeURIComponent(typed)}`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: 'Образ будущего 2036', role: 'participant' });
    expect(res.body.teams).toHaveLength(2);
  });

  it('answers an unknown code with 404 and a message', async () => {
    await createSession(server);
    const lookup = await api<{ error: string }>(server, 'GET', '/api/codes/ZZZZZZ');
    expect(lookup).toMatchObject({ status: 404, body: { error: 'not_found' } });
    const join = await api<{ error: string; message: string }>(server, 'POST', '/api/join', {
      code: 'ZZZZZZ',
      name: 'Анна',
    });
    expect(join.status).toBe(404);
    expect(join.body.message).toMatch(/code/i);
  });

  it('the code decides the role', async () => {
    const s = await createSession(server);
    const participant = await s.join('Анна', s.teamA);
    const mentor = await s.join('Наставник', s.teamB, s.created.codes.mentor);
    const projector = await s.join('Экран', undefined, s.created.codes.projector);
    expect(participant).toMatchObject({ role: 'participant', teamId: s.teamA, sessionId: s.created.sessionId });
    expect(mentor).toMatchObject({ role: 'mentor', mentorOf: [s.teamB] });
    expect(projector.role).toBe('projector');
    expect(projector.teamId).toBeUndefined();
  });

  it('a participant must choose an existing team', async () => {
    const s = await createSession(server);
    const none = await api<{ message: string }>(server, 'POST', '/api/join', {
      code: s.created.codes.participant,
      name: 'Анна',
    });
    expect(none.status).toBe(400);
    const wrong = await api(server, 'POST', '/api/join', {
      code: s.created.codes.participant,
      name: 'Анна',
      teamId: 'nosuchteam',
    });
    expect(wrong.status).toBe(400);
  });

  it.each([
    ['no name', { code: 'ABCDEF' }],
    ['a blank name', { code: 'ABCDEF', name: '  ' }],
    ['a name too long', { code: 'ABCDEF', name: 'я'.repeat(81) }],
    ['a malformed team id', { code: 'ABCDEF', name: 'Анна', teamId: '../../etc' }],
  ])('refuses %s with 400', async (_what, body) => {
    expect((await api(server, 'POST', '/api/join', body)).status).toBe(400);
  });
});

describe('GET /api/sessions/:id', () => {
  it('shows each role what it may see: codes and participants are the facilitator’s', async () => {
    const s = await createSession(server);
    const anna = await s.join('Анна', s.teamA);
    await s.join('Борис', s.teamB);
    const facilitator = await api<SessionView>(
      server,
      'GET',
      `/api/sessions/${s.created.sessionId}`,
      undefined,
      s.created.facilitatorToken,
    );
    expect(facilitator.body.codes).toEqual(s.created.codes);
    expect(facilitator.body.participants?.map((p) => [p.name, p.teamId])).toEqual([
      ['Анна', s.teamA],
      ['Борис', s.teamB],
    ]);
    const participant = await api<SessionView>(
      server,
      'GET',
      `/api/sessions/${s.created.sessionId}`,
      undefined,
      anna.token,
    );
    expect(participant.status).toBe(200);
    expect(participant.body.you).toMatchObject({ name: 'Анна', role: 'participant', teamId: s.teamA });
    expect(participant.body.codes).toBeUndefined();
    expect(participant.body.joinCode).toBeUndefined();
    expect(participant.body.participants).toBeUndefined();
    // The projector shows the join QR code to the room: the participants' code only.
    const screen = await s.join('Экран', undefined, s.created.codes.projector);
    const projector = await api<SessionView>(
      server,
      'GET',
      `/api/sessions/${s.created.sessionId}`,
      undefined,
      screen.token,
    );
    expect(projector.body.joinCode).toBe(s.created.codes.participant);
    expect(projector.body.codes).toBeUndefined();
    expect(projector.body.participants).toBeUndefined();
  });

  it('refuses a missing or forged token with 401, and another session’s token with 403', async () => {
    const s = await createSession(server);
    const other = await createSession(server, 'Другая');
    const url = `/api/sessions/${s.created.sessionId}`;
    expect((await api(server, 'GET', url)).status).toBe(401);
    expect((await api(server, 'GET', url, undefined, 'abc.def')).status).toBe(401);
    const forged = s.created.facilitatorToken.slice(0, -2) + 'xx';
    expect((await api(server, 'GET', url, undefined, forged)).status).toBe(401);
    const foreign = await api<{ error: string }>(server, 'GET', url, undefined, other.created.facilitatorToken);
    expect(foreign).toMatchObject({ status: 403, body: { error: 'forbidden' } });
  });
});

describe('health, metrics and the shell', () => {
  it('reports health and Prometheus metrics', async () => {
    expect(await api(server, 'GET', '/api/health')).toEqual({ status: 200, body: { status: 'ok' } });
    const res = await fetch(`${server.baseUrl}/metrics`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    for (const name of [
      'horizon_rooms_loaded',
      'horizon_connections',
      'horizon_updates_total',
      'horizon_store_append_seconds',
      'horizon_process_resident_memory_bytes',
    ]) {
      expect(text).toContain(name);
    }
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await api<{ error: string }>(server, 'GET', '/api/nothing');
    expect(res).toMatchObject({ status: 404, body: { error: 'not_found' } });
  });

  it('rate-limits code guessing per address with 429', async () => {
    let last = 0;
    for (let i = 0; i < 70 && last !== 429; i++) last = (await api(server, 'GET', `/api/codes/GUESS${i}`)).status;
    expect(last).toBe(429);
    // Other routes are unaffected.
    expect((await api(server, 'GET', '/api/health')).status).toBe(200);
  });
});
