/**
 * Votes through the server: budgets, retracting, scope, items that must exist, secrecy until the reveal, and
 * results ranked by votes. Each check holds against a client that calls the API directly.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readVotingRounds } from '@horizon/shared/facilitation';
import type { MyVotes, VotingRound } from '@horizon/shared/facilitation';
import { api, createSession, startTestServer, waitFor } from '../testing/testServer.js';
import type { SessionFixture, TestClient, TestServer } from '../testing/testServer.js';
import { addTeamInitiative, addTeamNote, command, sessionReader, wholeDocJson } from './testing.js';
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

async function openRound(overrides: Partial<VotingRound> = {}): Promise<string> {
  const res = await command<{ roundId: string }>(server, s, {
    type: 'voting.open',
    title: 'Лучшие идеи',
    target: 'notes',
    scope: 'all',
    votesPerPerson: 3,
    anonymous: true,
    ...overrides,
  });
  expect(res.status).toBe(200);
  return res.body.roundId;
}

function vote(token: string, roundId: string, teamId: string, itemId: string, action: 'cast' | 'retract' = 'cast') {
  return api<MyVotes & ErrorBody>(
    server,
    'POST',
    `/api/sessions/${s.created.sessionId}/voting/${roundId}/votes`,
    { teamId, itemId, action },
    token,
  );
}

function mine(token: string, roundId: string) {
  return api<MyVotes & ErrorBody>(
    server,
    'GET',
    `/api/sessions/${s.created.sessionId}/voting/${roundId}/mine`,
    undefined,
    token,
  );
}

describe('voting', () => {
  it('keeps each voter within the budget: the 4th of 3 is refused, a retract frees one', async () => {
    const anna = await s.join('Анна', s.teamA);
    const [n1, n2, n3] = [
      await addTeamNote(server, s, s.teamA, 'Кампус у Волги'),
      await addTeamNote(server, s, s.teamA, 'Фестиваль'),
      await addTeamNote(server, s, s.teamB, 'Технопарк'),
    ];
    const roundId = await openRound();
    expect(await mine(anna.token, roundId)).toEqual({ status: 200, body: { votes: [], remaining: 3 } });
    expect((await vote(anna.token, roundId, s.teamA, n1)).body).toEqual({
      votes: [{ teamId: s.teamA, itemId: n1 }],
      remaining: 2,
    });
    // Several votes on one item are allowed.
    expect((await vote(anna.token, roundId, s.teamA, n1)).body.remaining).toBe(1);
    expect((await vote(anna.token, roundId, s.teamB, n3)).body.remaining).toBe(0);

    const fourth = await vote(anna.token, roundId, s.teamA, n2);
    expect(fourth.status).toBe(409);
    expect(fourth.body.error).toBe('budget');
    expect(fourth.body.message).toMatch(/3/);

    const retracted = await vote(anna.token, roundId, s.teamA, n1, 'retract');
    expect(retracted.status).toBe(200);
    expect(retracted.body).toEqual({
      votes: [
        { teamId: s.teamA, itemId: n1 },
        { teamId: s.teamB, itemId: n3 },
      ],
      remaining: 1,
    });
    expect((await vote(anna.token, roundId, s.teamA, n2)).status).toBe(200);
    expect((await mine(anna.token, roundId)).body.remaining).toBe(0);

    // Taking back a vote one does not have is refused.
    const none = await vote(anna.token, roundId, s.teamB, 'nosuchitem', 'retract');
    expect(none).toMatchObject({ status: 409, body: { error: 'conflict' } });
  });

  it('holds the budget when one voter sends many votes at once', async () => {
    const anna = await s.join('Анна', s.teamA);
    const note = await addTeamNote(server, s, s.teamA, 'Идея');
    const roundId = await openRound({ votesPerPerson: 2 });
    const results = await Promise.all(Array.from({ length: 8 }, () => vote(anna.token, roundId, s.teamA, note)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(2);
    expect(results.filter((r) => r.status === 409)).toHaveLength(6);
    expect((await mine(anna.token, roundId)).body.votes).toHaveLength(2);
  });

  it('publishes no counts before the reveal, then results ranked by votes, with voters unless anonymous', async () => {
    const anna = await s.join('Анна', s.teamA);
    const boris = await s.join('Борис', s.teamB);
    const projector = await s.join('Экран', undefined, s.created.codes.projector);
    const top = await addTeamInitiative(server, s, s.teamA, 'Молодёжный кампус');
    const second = await addTeamInitiative(server, s, s.teamB, 'Кадровый резерв');
    const roundId = await openRound({ target: 'initiatives', anonymous: false });
    const reader = await sessionReader(server, s, projector.token);
    clients.push(reader);

    await vote(anna.token, roundId, s.teamA, top);
    await vote(anna.token, roundId, s.teamA, top);
    await vote(boris.token, roundId, s.teamA, top);
    await vote(boris.token, roundId, s.teamB, second);
    // Give any leak time to arrive, then look at everything the session document holds.
    await new Promise((r) => setTimeout(r, 150));
    const secret = wholeDocJson(reader.doc);
    // The round itself is public: the check below looks at a document that holds it.
    expect(secret).toContain('Лучшие идеи');
    expect(secret).not.toContain(top);
    expect(secret).not.toContain('Анна');
    expect(secret).not.toMatch(/"votes"\s*:/);
    expect(readVotingRounds(reader.doc)[0]!.results).toBeUndefined();

    await command(server, s, { type: 'voting.close', roundId });
    const closed = wholeDocJson(reader.doc);
    expect(closed).not.toContain(top);
    // Voting in a closed round is refused.
    expect((await vote(anna.token, roundId, s.teamA, top)).status).toBe(409);

    await command(server, s, { type: 'voting.reveal', roundId });
    await waitFor(() => readVotingRounds(reader.doc)[0]?.status === 'revealed', 5000, 'reveal');
    expect(readVotingRounds(reader.doc)[0]!.results).toEqual([
      { teamId: s.teamA, itemId: top, label: 'Молодёжный кампус', votes: 3, voters: ['Анна', 'Борис'] },
      { teamId: s.teamB, itemId: second, label: 'Кадровый резерв', votes: 1, voters: ['Борис'] },
    ]);
  });

  it('keeps an anonymous round anonymous after the reveal', async () => {
    const anna = await s.join('Анна', s.teamA);
    const note = await addTeamNote(server, s, s.teamA, 'Набережная');
    const roundId = await openRound({ anonymous: true });
    await vote(anna.token, roundId, s.teamA, note);
    await command(server, s, { type: 'voting.close', roundId });
    await command(server, s, { type: 'voting.reveal', roundId });
    const reader = await sessionReader(server, s, anna.token);
    clients.push(reader);
    expect(readVotingRounds(reader.doc)[0]!.results).toEqual([
      { teamId: s.teamA, itemId: note, label: 'Набережная', votes: 1 },
    ]);
    expect(wholeDocJson(reader.doc)).not.toContain('Анна');
  });

  it('in scope "own", refuses another team’s item with 403; a mentor votes for the teams it mentors', async () => {
    const anna = await s.join('Анна', s.teamA);
    const mentor = await s.join('Наставник', s.teamB, s.created.codes.mentor);
    const ours = await addTeamNote(server, s, s.teamA, 'Наша идея');
    const theirs = await addTeamNote(server, s, s.teamB, 'Их идея');
    const roundId = await openRound({ scope: 'own' });
    const refused = await vote(anna.token, roundId, s.teamB, theirs);
    expect(refused).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect(refused.body.message).toMatch(/own team/);
    expect((await vote(anna.token, roundId, s.teamA, ours)).status).toBe(200);
    expect((await vote(mentor.token, roundId, s.teamB, theirs)).status).toBe(200);
    expect((await vote(mentor.token, roundId, s.teamA, ours)).status).toBe(403);
    expect((await vote(s.created.facilitatorToken, roundId, s.teamB, theirs)).status).toBe(200);
  });

  it('refuses a vote for an item that does not exist (404), or of the wrong kind', async () => {
    const anna = await s.join('Анна', s.teamA);
    const note = await addTeamNote(server, s, s.teamA, 'Заметка');
    const initiative = await addTeamInitiative(server, s, s.teamA, 'Инициатива');
    const notesRound = await openRound({ target: 'notes' });
    const missing = await vote(anna.token, notesRound, s.teamA, 'nosuchnote');
    expect(missing).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(missing.body.message).toMatch(/note/);
    expect((await vote(anna.token, notesRound, s.teamA, initiative)).status).toBe(404);
    // The note exists, but in team A, not B.
    expect((await vote(anna.token, notesRound, s.teamB, note)).status).toBe(404);
    expect((await vote(anna.token, notesRound, 'noteam00', note)).status).toBe(404);
    const initiativesRound = await openRound({ target: 'initiatives' });
    expect((await vote(anna.token, initiativesRound, s.teamA, note)).status).toBe(404);
    expect((await vote(anna.token, initiativesRound, s.teamA, initiative)).status).toBe(200);
    expect((await vote(anna.token, 'noround0', s.teamA, note)).status).toBe(404);
  });

  it('refuses projectors (403), other sessions (403), no token (401) and bad bodies (400)', async () => {
    const projector = await s.join('Экран', undefined, s.created.codes.projector);
    const anna = await s.join('Анна', s.teamA);
    const other = await createSession(server, 'Другая');
    const note = await addTeamNote(server, s, s.teamA, 'Заметка');
    const roundId = await openRound();
    const byProjector = await vote(projector.token, roundId, s.teamA, note);
    expect(byProjector).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect((await mine(projector.token, roundId)).status).toBe(403);
    expect((await vote(other.created.facilitatorToken, roundId, s.teamA, note)).status).toBe(403);
    expect((await mine('', roundId)).status).toBe(401);
    const url = `/api/sessions/${s.created.sessionId}/voting/${roundId}/votes`;
    for (const body of [
      {},
      { teamId: s.teamA, itemId: note },
      { teamId: s.teamA, itemId: note, action: 'double' },
      { teamId: s.teamA, itemId: '../x', action: 'cast' },
      { teamId: s.teamA, itemId: note, action: 'cast', count: 5 },
    ]) {
      const res = await api<ErrorBody>(server, 'POST', url, body, anna.token);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toBe('bad_request');
    }
  });
});
