/**
 * Facilitator commands: each one reaches every reader of the session document; nobody but the facilitator may send
 * them; bad bodies, unknown targets and illegal transitions are refused with a message and change nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  readAgenda,
  readLocks,
  readProjectorFocus,
  readReadiness,
  readTimer,
  readVotingRounds,
  remainingMs,
} from '@horizon/shared/facilitation';
import type { FacilitatorCommand, ServerTime } from '@horizon/shared/facilitation';
import { api, createSession, startTestServer, waitFor } from '../testing/testServer.js';
import type { SessionFixture, TestClient, TestServer } from '../testing/testServer.js';
import { command, sessionReader } from './testing.js';
import type { ErrorBody } from './testing.js';

let server: TestServer;
let s: SessionFixture;
const clients: TestClient[] = [];
beforeEach(async () => {
  server = await startTestServer();
  s = await createSession(server);
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await server.close();
});

async function reader(token = s.created.facilitatorToken): Promise<TestClient> {
  const client = await sessionReader(server, s, token);
  clients.push(client);
  return client;
}

describe('a new session', () => {
  it('starts with the template agenda, first stage current, an idle timer, the join screen, no locks', async () => {
    const anna = await s.join('Анна', s.teamA);
    const doc = (await reader(anna.token)).doc;
    const agenda = readAgenda(doc);
    expect(agenda.stages.length).toBeGreaterThan(3);
    expect(agenda.stages[0]).toMatchObject({ id: 'intro', title: 'Знакомство', tab: 'board' });
    expect(agenda.currentStageId).toBe('intro');
    expect(readTimer(doc).status).toBe('idle');
    expect(readProjectorFocus(doc)).toEqual({ kind: 'join' });
    expect(readLocks(doc)).toEqual({ all: false, teams: {} });
    expect(readVotingRounds(doc)).toEqual([]);
  });
});

describe('POST /api/sessions/:sessionId/commands by the facilitator', () => {
  it('moves the agenda, and every reader sees it', async () => {
    const anna = await s.join('Анна', s.teamA);
    const doc = (await reader(anna.token)).doc;
    expect(await command(server, s, { type: 'agenda.setStage', stageId: 'vision' })).toEqual({
      status: 200,
      body: { ok: true },
    });
    await waitFor(() => readAgenda(doc).currentStageId === 'vision', 5000, 'stage');
  });

  it('runs the timer on the server clock: start, pause, resume, add a minute, stop', async () => {
    const doc = (await reader()).doc;
    const time = async () => (await api<ServerTime>(server, 'GET', '/api/time')).body.now;
    const before = await time();
    expect(Math.abs(before - Date.now())).toBeLessThan(1000);

    expect((await command(server, s, { type: 'timer.start', durationMs: 600_000 })).status).toBe(200);
    await waitFor(() => readTimer(doc).status === 'running', 5000, 'running');
    const running = readTimer(doc);
    expect(running.durationMs).toBe(600_000);
    expect(running.endsAt - before).toBeGreaterThanOrEqual(600_000);
    expect(running.endsAt - (await time())).toBeLessThanOrEqual(600_000);

    expect((await command(server, s, { type: 'timer.pause' })).status).toBe(200);
    await waitFor(() => readTimer(doc).status === 'paused', 5000, 'paused');
    const left = readTimer(doc).remainingMs;
    expect(left).toBeGreaterThan(590_000);
    expect(left).toBeLessThanOrEqual(600_000);

    expect((await command(server, s, { type: 'timer.addMinute' })).status).toBe(200);
    await waitFor(() => readTimer(doc).remainingMs === left + 60_000, 5000, 'minute added');

    expect((await command(server, s, { type: 'timer.resume' })).status).toBe(200);
    await waitFor(() => readTimer(doc).status === 'running', 5000, 'resumed');
    const now = await time();
    expect(remainingMs(readTimer(doc), now)).toBeGreaterThan(left + 60_000 - 2000);

    expect((await command(server, s, { type: 'timer.stop' })).status).toBe(200);
    await waitFor(() => readTimer(doc).status === 'idle', 5000, 'stopped');
    expect(remainingMs(readTimer(doc), now)).toBe(0);
  });

  it('points the projector at a team board, a voting round, the timer', async () => {
    const projector = await s.join('Экран', undefined, s.created.codes.projector);
    const doc = (await reader(projector.token)).doc;
    await command(server, s, { type: 'projector.focus', focus: { kind: 'board', teamId: s.teamB } });
    await waitFor(() => readProjectorFocus(doc).teamId === s.teamB, 5000, 'board focus');
    expect(readProjectorFocus(doc)).toEqual({ kind: 'board', teamId: s.teamB });
    const opened = await command<{ roundId: string }>(server, s, {
      type: 'voting.open',
      title: 'Лучшая идея',
      target: 'notes',
      scope: 'all',
      votesPerPerson: 3,
      anonymous: true,
    });
    await command(server, s, { type: 'projector.focus', focus: { kind: 'voting', roundId: opened.body.roundId } });
    await waitFor(() => readProjectorFocus(doc).kind === 'voting', 5000, 'voting focus');
    expect(readProjectorFocus(doc).roundId).toBe(opened.body.roundId);
    await command(server, s, { type: 'projector.focus', focus: { kind: 'timer' } });
    await waitFor(() => readProjectorFocus(doc).kind === 'timer', 5000, 'timer focus');
  });

  it('locks one team, all teams, unlocks one while all are locked, and unlocks everything', async () => {
    const doc = (await reader()).doc;
    await command(server, s, { type: 'lock.set', teamId: s.teamA, locked: true });
    await waitFor(() => readLocks(doc).teams[s.teamA] === true, 5000, 'team lock');
    expect(readLocks(doc).all).toBe(false);
    await command(server, s, { type: 'lock.set', locked: true });
    await waitFor(() => readLocks(doc).all, 5000, 'all locked');
    await command(server, s, { type: 'lock.set', teamId: s.teamA, locked: false });
    await waitFor(() => !readLocks(doc).all, 5000, 'one unlocked');
    expect(readLocks(doc).teams).toEqual({ [s.teamB]: true });
    await command(server, s, { type: 'lock.set', locked: false });
    await waitFor(() => Object.keys(readLocks(doc).teams).length === 0, 5000, 'all unlocked');
  });

  it('opens, closes and reveals a voting round, answering the new round id', async () => {
    const doc = (await reader()).doc;
    const opened = await command<{ roundId: string }>(server, s, {
      type: 'voting.open',
      title: '  Лучшая инициатива ',
      target: 'initiatives',
      scope: 'own',
      votesPerPerson: 2,
      anonymous: false,
    });
    expect(opened.status).toBe(200);
    const { roundId } = opened.body;
    expect(roundId).toMatch(/^[a-z0-9]{4,32}$/);
    await waitFor(() => readVotingRounds(doc).length === 1, 5000, 'round');
    expect(readVotingRounds(doc)[0]).toMatchObject({
      id: roundId,
      title: 'Лучшая инициатива',
      target: 'initiatives',
      scope: 'own',
      votesPerPerson: 2,
      anonymous: false,
      status: 'open',
    });
    expect(await command(server, s, { type: 'voting.close', roundId })).toEqual({ status: 200, body: { ok: true } });
    expect(await command(server, s, { type: 'voting.reveal', roundId })).toEqual({ status: 200, body: { ok: true } });
    await waitFor(() => readVotingRounds(doc)[0]?.status === 'revealed', 5000, 'revealed');
    expect(readVotingRounds(doc)[0]!.results).toEqual([]);
  });
});

describe('refusals', () => {
  async function everyCommand(): Promise<FacilitatorCommand[]> {
    const opened = await command<{ roundId: string }>(server, s, {
      type: 'voting.open',
      title: 'Раунд',
      target: 'notes',
      scope: 'all',
      votesPerPerson: 3,
      anonymous: true,
    });
    const roundId = opened.body.roundId;
    return [
      { type: 'agenda.setStage', stageId: 'trends' },
      { type: 'timer.start', durationMs: 60_000 },
      { type: 'timer.pause' },
      { type: 'timer.resume' },
      { type: 'timer.addMinute' },
      { type: 'timer.stop' },
      { type: 'projector.focus', focus: { kind: 'board', teamId: s.teamA } },
      { type: 'lock.set', teamId: s.teamA, locked: true },
      { type: 'lock.set', locked: true },
      { type: 'voting.open', title: 'x', target: 'notes', scope: 'all', votesPerPerson: 1, anonymous: true },
      { type: 'voting.close', roundId },
      { type: 'voting.reveal', roundId },
    ];
  }

  it('refuses every command from a participant, a mentor and a projector with 403, changing nothing', async () => {
    const commands = await everyCommand();
    const tokens = {
      participant: (await s.join('Анна', s.teamA)).token,
      mentor: (await s.join('Наставник', s.teamA, s.created.codes.mentor)).token,
      projector: (await s.join('Экран', undefined, s.created.codes.projector)).token,
    };
    const doc = (await reader()).doc;
    const state = () =>
      JSON.stringify([
        readAgenda(doc),
        readTimer(doc),
        readProjectorFocus(doc),
        readLocks(doc),
        readReadiness(doc),
        readVotingRounds(doc),
      ]);
    const before = state();
    for (const [role, token] of Object.entries(tokens)) {
      for (const body of commands) {
        const res = await command<ErrorBody>(server, s, body, token);
        expect(res.status, `${role} ${body.type}`).toBe(403);
        expect(res.body.error).toBe('forbidden');
        expect(res.body.message).toMatch(/facilitator/i);
      }
    }
    // A late update would have arrived by now: the facilitator's next command is seen, nothing before it.
    await command(server, s, { type: 'projector.focus', focus: { kind: 'timer' } });
    await waitFor(() => readProjectorFocus(doc).kind === 'timer', 5000, 'marker');
    await command(server, s, { type: 'projector.focus', focus: { kind: 'join' } });
    await waitFor(() => readProjectorFocus(doc).kind === 'join', 5000, 'marker back');
    expect(state()).toBe(before);
  });

  it('refuses no token (401), a forged one (401) and another session’s facilitator (403)', async () => {
    const other = await createSession(server, 'Другая');
    const body = { type: 'timer.start', durationMs: 60_000 };
    expect((await command<ErrorBody>(server, s, body, '')).status).toBe(401);
    expect((await command<ErrorBody>(server, s, body, 'abc.def')).status).toBe(401);
    const foreign = await command<ErrorBody>(server, s, body, other.created.facilitatorToken);
    expect(foreign).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect(foreign.body.message).toMatch(/another session/);
  });

  it.each([
    ['no type', {}],
    ['an unknown type', { type: 'session.delete' }],
    ['an extra field', { type: 'timer.stop', now: 0 }],
    ['a timer under a second', { type: 'timer.start', durationMs: 500 }],
    ['a timer over four hours', { type: 'timer.start', durationMs: 5 * 3600 * 1000 }],
    ['a bad focus', { type: 'projector.focus', focus: { kind: 'desktop' } }],
    ['a lock without a state', { type: 'lock.set' }],
    [
      'no votes per person',
      { type: 'voting.open', title: 't', target: 'notes', scope: 'all', votesPerPerson: 0, anonymous: true },
    ],
    [
      'too many votes per person',
      { type: 'voting.open', title: 't', target: 'notes', scope: 'all', votesPerPerson: 21, anonymous: true },
    ],
    ['an array', [{ type: 'timer.stop' }]],
  ])('refuses %s with 400 and a message', async (_what, body) => {
    const res = await command<ErrorBody>(server, s, body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'bad_request', message: expect.any(String) });
    expect(res.body.message.length).toBeGreaterThan(0);
  });

  it('answers 404 with a message for an unknown stage, team, round or session', async () => {
    for (const body of [
      { type: 'agenda.setStage', stageId: 'nosuchstage' },
      { type: 'projector.focus', focus: { kind: 'board', teamId: 'noteam00' } },
      { type: 'projector.focus', focus: { kind: 'voting', roundId: 'noround0' } },
      { type: 'lock.set', teamId: 'noteam00', locked: true },
      { type: 'voting.close', roundId: 'noround0' },
      { type: 'voting.reveal', roundId: 'noround0' },
    ]) {
      const res = await command<ErrorBody>(server, s, body);
      expect(res.status, JSON.stringify(body)).toBe(404);
      expect(res.body).toMatchObject({ error: 'not_found', message: expect.stringMatching(/no (such )?/i) });
    }
  });

  it('answers 409 for illegal transitions', async () => {
    const conflict = async (body: Record<string, unknown>) => {
      const res = await command<ErrorBody>(server, s, body);
      expect(res.status, JSON.stringify(body)).toBe(409);
      expect(res.body).toMatchObject({ error: 'conflict', message: expect.any(String) });
    };
    await conflict({ type: 'timer.pause' });
    await conflict({ type: 'timer.resume' });
    await conflict({ type: 'timer.addMinute' });
    await command(server, s, { type: 'timer.start', durationMs: 60_000 });
    await conflict({ type: 'timer.resume' });
    await command(server, s, { type: 'timer.pause' });
    await conflict({ type: 'timer.pause' });

    const opened = await command<{ roundId: string }>(server, s, {
      type: 'voting.open',
      title: 'Раунд',
      target: 'notes',
      scope: 'all',
      votesPerPerson: 3,
      anonymous: true,
    });
    const { roundId } = opened.body;
    await conflict({ type: 'voting.reveal', roundId });
    await command(server, s, { type: 'voting.close', roundId });
    await conflict({ type: 'voting.close', roundId });
    await command(server, s, { type: 'voting.reveal', roundId });
    await conflict({ type: 'voting.reveal', roundId });
  });
});
