/**
 * A server restart keeps everything facilitation holds: the session document's agenda, timer, projector, locks,
 * readiness and rounds, and the ballots in SQLite, so budgets still hold and a reveal afterwards counts them all.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  readAgenda,
  readLocks,
  readProjectorFocus,
  readReadiness,
  readTimer,
  readVotingRounds,
  readinessKey,
} from '@horizon/shared/facilitation';
import type { MyVotes } from '@horizon/shared/facilitation';
import { api, createSession, startTestServer, waitFor } from '../testing/testServer.js';
import type { TestClient, TestServer } from '../testing/testServer.js';
import { addTeamNote, command, sessionReader } from './testing.js';

let server: TestServer;
const clients: TestClient[] = [];
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await server.close();
});

describe('after a restart', () => {
  it('the session document and the votes are all there', async () => {
    server = await startTestServer();
    const s = await createSession(server);
    const anna = await s.join('Анна', s.teamA);
    const note = await addTeamNote(server, s, s.teamA, 'Кампус');
    await command(server, s, { type: 'agenda.setStage', stageId: 'image' });
    await command(server, s, { type: 'timer.start', durationMs: 3_600_000 });
    await command(server, s, { type: 'timer.pause' });
    await command(server, s, { type: 'projector.focus', focus: { kind: 'roadmap' } });
    await command(server, s, { type: 'lock.set', teamId: s.teamB, locked: true });
    await api(
      server,
      'POST',
      `/api/sessions/${s.created.sessionId}/readiness`,
      { stageId: 'image', ready: true },
      anna.token,
    );
    const opened = await command<{ roundId: string }>(server, s, {
      type: 'voting.open',
      title: 'Идеи',
      target: 'notes',
      scope: 'all',
      votesPerPerson: 2,
      anonymous: true,
    });
    const { roundId } = opened.body;
    const votesUrl = `/api/sessions/${s.created.sessionId}/voting/${roundId}/votes`;
    await api(server, 'POST', votesUrl, { teamId: s.teamA, itemId: note, action: 'cast' }, anna.token);
    const pausedAt = (
      await sessionReader(server, s, s.created.facilitatorToken).then((c) => {
        clients.push(c);
        return readTimer(c.doc);
      })
    ).remainingMs;

    clients.splice(0).forEach((c) => c.destroy());
    await server.close();
    server = await startTestServer({ dataDir: server.dataDir });

    const reader = await sessionReader(server, s, anna.token);
    clients.push(reader);
    const doc = reader.doc;
    expect(readAgenda(doc).currentStageId).toBe('image');
    expect(readTimer(doc)).toMatchObject({ status: 'paused', remainingMs: pausedAt, durationMs: 3_600_000 });
    expect(readProjectorFocus(doc)).toEqual({ kind: 'roadmap' });
    expect(readLocks(doc)).toEqual({ all: false, teams: { [s.teamB]: true } });
    expect(readReadiness(doc)[readinessKey('image', s.teamA)]).toMatchObject({ ready: true, by: 'Анна' });
    expect(readVotingRounds(doc)[0]).toMatchObject({ id: roundId, status: 'open' });

    const mine = await api<MyVotes>(
      server,
      'GET',
      `/api/sessions/${s.created.sessionId}/voting/${roundId}/mine`,
      undefined,
      anna.token,
    );
    expect(mine.body).toEqual({ votes: [{ teamId: s.teamA, itemId: note }], remaining: 1 });
    expect(
      (await api(server, 'POST', votesUrl, { teamId: s.teamA, itemId: note, action: 'cast' }, anna.token)).status,
    ).toBe(200);
    expect(
      (await api(server, 'POST', votesUrl, { teamId: s.teamA, itemId: note, action: 'cast' }, anna.token)).status,
    ).toBe(409);

    // The paused timer resumes where it stopped.
    expect((await command(server, s, { type: 'timer.resume' })).status).toBe(200);
    await command(server, s, { type: 'voting.close', roundId });
    await command(server, s, { type: 'voting.reveal', roundId });
    await waitFor(() => readVotingRounds(doc)[0]?.status === 'revealed', 5000, 'reveal');
    expect(readVotingRounds(doc)[0]!.results).toEqual([{ teamId: s.teamA, itemId: note, label: 'Кампус', votes: 2 }]);
  });
});
