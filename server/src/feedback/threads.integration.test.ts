/**
 * Comment threads: who may open, answer and resolve them (role × command), that every reader of the session document
 * sees them live, and that bad text, unknown teams, threads and targets are refused with a message, changing nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readThreads, threadsFor } from '@horizon/shared/feedback';
import { createSession, startTestServer, waitFor } from '../testing/testServer.js';
import type { SessionFixture, TestClient, TestServer } from '../testing/testServer.js';
import { castRoles, joinCast, postReply, postResolve, postThread } from '../testing/feedbackRoles.js';
import type { Cast, CastRole } from '../testing/feedbackRoles.js';
import { addTeamInitiative, addTeamNote, sessionReader, wholeDocJson } from '../facilitation/testing.js';

let server: TestServer;
let s: SessionFixture;
let cast: Cast;
let noteId: string;
const clients: TestClient[] = [];

beforeEach(async () => {
  server = await startTestServer();
  s = await createSession(server);
  cast = await joinCast(s);
  noteId = await addTeamNote(server, s, s.teamA, 'Парк у Волги');
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await server.close();
});

async function reader(token = cast.ownParticipant): Promise<TestClient> {
  const client = await sessionReader(server, s, token);
  clients.push(client);
  return client;
}

const mayComment: Record<CastRole, boolean> = {
  facilitator: true,
  ownParticipant: true,
  otherParticipant: false,
  mentor: true,
  otherMentor: false,
  projector: false,
};

describe('a mentor comments on a note', () => {
  it('and the team sees the thread appear live, with the mentor as author', async () => {
    const doc = (await reader(cast.ownParticipant)).doc;
    const res = await postThread(server, s, cast.mentor, {
      teamId: s.teamA,
      target: { kind: 'note', id: noteId },
      text: '  Что будет в парке зимой?  ',
    });
    expect(res.status).toBe(201);
    await waitFor(() => readThreads(doc).length === 1, 5000, 'thread');
    const [thread] = threadsFor(doc, s.teamA, { kind: 'note', id: noteId });
    expect(thread).toMatchObject({ id: res.body.threadId, teamId: s.teamA, resolved: null });
    expect(thread!.comments).toHaveLength(1);
    expect(thread!.comments[0]).toMatchObject({
      authorName: 'Ольга Наставник',
      role: 'mentor',
      text: 'Что будет в парке зимой?',
    });
  });

  it('the participant replies, the mentor resolves and reopens; a reply reopens a resolved thread', async () => {
    const doc = (await reader(cast.mentor)).doc;
    const { body } = await postThread(server, s, cast.mentor, {
      teamId: s.teamA,
      target: { kind: 'note', id: noteId },
      text: 'Уточните срок',
    });
    const threadId = body.threadId;
    expect((await postReply(server, s, cast.ownParticipant, threadId, 'К 2030 году')).status).toBe(201);
    await waitFor(() => readThreads(doc)[0]?.comments.length === 2, 5000, 'reply');
    expect(readThreads(doc)[0]!.comments[1]).toMatchObject({ authorName: 'Анна', role: 'participant' });

    expect((await postResolve(server, s, cast.mentor, threadId, true)).status).toBe(200);
    await waitFor(() => readThreads(doc)[0]?.resolved !== null, 5000, 'resolved');
    expect(readThreads(doc)[0]!.resolved).toMatchObject({ by: 'Ольга Наставник' });

    expect((await postResolve(server, s, cast.ownParticipant, threadId, false)).status).toBe(200);
    await waitFor(() => readThreads(doc)[0]?.resolved === null, 5000, 'reopened');

    await postResolve(server, s, cast.facilitator, threadId, true);
    await postReply(server, s, cast.mentor, threadId, 'Ещё вопрос');
    await waitFor(() => readThreads(doc)[0]?.comments.length === 3, 5000, 'second reply');
    expect(readThreads(doc)[0]!.resolved).toBeNull();
  });

  it('comments on initiatives too', async () => {
    const initiativeId = await addTeamInitiative(server, s, s.teamA, 'Кадровый резерв');
    const res = await postThread(server, s, cast.facilitator, {
      teamId: s.teamA,
      target: { kind: 'initiative', id: initiativeId },
      text: 'Кто куратор?',
    });
    expect(res.status).toBe(201);
    const doc = (await reader()).doc;
    expect(threadsFor(doc, s.teamA, { kind: 'initiative', id: initiativeId })).toHaveLength(1);
  });
});

describe('rights: role × command', () => {
  for (const role of castRoles) {
    const allowed = mayComment[role];
    it(`${role} ${allowed ? 'may' : 'may not'} open, answer and resolve a thread on team A’s note`, async () => {
      const doc = (await reader(cast.facilitator)).doc;
      const opened = await postThread(server, s, cast[role], {
        teamId: s.teamA,
        target: { kind: 'note', id: noteId },
        text: 'Вопрос',
      });
      const seed = await postThread(server, s, cast.facilitator, {
        teamId: s.teamA,
        target: { kind: 'note', id: noteId },
        text: 'Начало',
      });
      const before = wholeDocJson(doc);
      const replied = await postReply(server, s, cast[role], seed.body.threadId, 'Ответ');
      const resolved = await postResolve(server, s, cast[role], seed.body.threadId, true);
      if (allowed) {
        expect([opened.status, replied.status, resolved.status]).toEqual([201, 201, 200]);
      } else {
        for (const res of [opened, replied, resolved]) {
          expect(res.status).toBe(403);
          expect(res.body.message).toMatch(/comment|projector/i);
        }
        // Give a stray write the time to arrive: nothing may have changed.
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(wholeDocJson(doc)).toBe(before);
      }
    });
  }
});

describe('refusals', () => {
  it('refuses empty, too long and ill-shaped text with 400, and no token with 401', async () => {
    const target = { kind: 'note', id: noteId } as const;
    for (const text of ['', '   \n\t', 'я'.repeat(2001)]) {
      const res = await postThread(server, s, cast.mentor, { teamId: s.teamA, target, text });
      expect(res.status).toBe(400);
      expect(res.body.message).toBeTruthy();
    }
    const odd = await postThread(server, s, cast.mentor, {
      teamId: s.teamA,
      target: { kind: 'section', id: noteId },
      text: 'x',
    } as never);
    expect(odd.status).toBe(400);
    expect((await postThread(server, s, '', { teamId: s.teamA, target, text: 'x' })).status).toBe(401);
    expect(readThreads((await reader()).doc)).toEqual([]);
  });

  it('says 404 for an unknown team, note, initiative and thread', async () => {
    const unknownTeam = await postThread(server, s, cast.facilitator, {
      teamId: 'nosuchteam',
      target: { kind: 'note', id: noteId },
      text: 'x',
    });
    expect(unknownTeam.status).toBe(404);
    // Team B has no such note: a note of team A is not a target in team B.
    const wrongTeam = await postThread(server, s, cast.facilitator, {
      teamId: s.teamB,
      target: { kind: 'note', id: noteId },
      text: 'x',
    });
    expect(wrongTeam.status).toBe(404);
    const noInitiative = await postThread(server, s, cast.mentor, {
      teamId: s.teamA,
      target: { kind: 'initiative', id: 'nope' },
      text: 'x',
    });
    expect(noInitiative.status).toBe(404);
    expect((await postReply(server, s, cast.mentor, 'nosuchthread', 'x')).status).toBe(404);
    expect((await postResolve(server, s, cast.mentor, 'nosuchthread', true)).status).toBe(404);
  });

  it('refuses a body that tries to name its author (the author is the token’s)', async () => {
    const res = await postThread(server, s, cast.ownParticipant, {
      teamId: s.teamA,
      target: { kind: 'note', id: noteId },
      text: 'Я',
      authorName: 'Фасилитатор',
    } as never);
    expect(res.status).toBe(400);
  });
});
