/**
 * Feedback limits: a person posts at most so many comments a minute; a thread and a team hold at most so many
 * comments and threads. Each refusal has a message and changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Origin } from '@horizon/shared';
import { FeedbackLimits, readThreadById, readThreads, writeThread } from '@horizon/shared/feedback';
import type { CommentThread } from '@horizon/shared/feedback';
import { createSession, startTestServer } from '../testing/testServer.js';
import type { SessionFixture, TestServer } from '../testing/testServer.js';
import { joinCast, postReply, postThread } from '../testing/feedbackRoles.js';
import type { Cast } from '../testing/feedbackRoles.js';
import { addTeamNote } from '../facilitation/testing.js';

let server: TestServer;
let s: SessionFixture;
let cast: Cast;
let noteId: string;

beforeEach(async () => {
  server = await startTestServer();
  s = await createSession(server);
  cast = await joinCast(s);
  noteId = await addTeamNote(server, s, s.teamA, 'Набережная');
});
afterEach(async () => {
  await server.close();
});

const sessionRef = () => ({ kind: 'session', sessionId: s.created.sessionId }) as const;

function thread(id: string, comments: number): CommentThread {
  return {
    id,
    teamId: s.teamA,
    target: { kind: 'note', id: noteId },
    createdAt: 1,
    comments: Array.from({ length: comments }, (_, i) => ({
      id: `${id}c${i}`,
      authorId: 'x',
      authorName: 'X',
      role: 'participant' as const,
      text: 'ok',
      at: i,
    })),
    resolved: null,
  };
}

describe('feedback limits', () => {
  it(`refuses a person’s post number ${FeedbackLimits.postsPerMinute + 1} within a minute with 429, others still post`, async () => {
    const target = { kind: 'note', id: noteId } as const;
    for (let i = 0; i < FeedbackLimits.postsPerMinute; i++) {
      const res = await postThread(server, s, cast.mentor, { teamId: s.teamA, target, text: `#${i}` });
      expect(res.status).toBe(201);
    }
    const over = await postThread(server, s, cast.mentor, { teamId: s.teamA, target, text: 'ещё' });
    expect(over.status).toBe(429);
    expect(over.body.message).toMatch(/a minute/);
    const other = await postThread(server, s, cast.ownParticipant, { teamId: s.teamA, target, text: 'моё' });
    expect(other.status).toBe(201);
    const count = await server.rooms.read(sessionRef(), (doc) => readThreads(doc).length);
    expect(count).toBe(FeedbackLimits.postsPerMinute + 1);
  });

  it(`refuses reply number ${FeedbackLimits.commentsPerThread + 1} in a thread with 409`, async () => {
    await server.rooms.change(sessionRef(), Origin.facilitator, (doc) =>
      writeThread(doc, thread('fullthread', FeedbackLimits.commentsPerThread)),
    );
    const res = await postReply(server, s, cast.mentor, 'fullthread', 'ещё одно');
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/new thread/);
    const after = await server.rooms.read(sessionRef(), (doc) => readThreadById(doc, 'fullthread'));
    expect(after!.comments).toHaveLength(FeedbackLimits.commentsPerThread);
  });

  it(`refuses thread number ${FeedbackLimits.threadsPerTeam + 1} of a team with 409; other teams are not counted`, async () => {
    await server.rooms.change(sessionRef(), Origin.facilitator, (doc) => {
      for (let i = 0; i < FeedbackLimits.threadsPerTeam; i++) writeThread(doc, thread(`th${i}`, 1));
    });
    const res = await postThread(server, s, cast.mentor, {
      teamId: s.teamA,
      target: { kind: 'note', id: noteId },
      text: 'ещё',
    });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(String(FeedbackLimits.threadsPerTeam));
    const noteB = await addTeamNote(server, s, s.teamB, 'Другая команда');
    const other = await postThread(server, s, cast.otherMentor, {
      teamId: s.teamB,
      target: { kind: 'note', id: noteB },
      text: 'ок',
    });
    expect(other.status).toBe(201);
  });
});
