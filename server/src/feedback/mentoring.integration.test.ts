/**
 * A mentor chooses the teams they mentor: the store changes, the mentor gets a token with the new teams, and the
 * rights follow at once (comments and the team room's write access). Nobody else may call it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RefreshTokenResponse } from '@horizon/shared';
import { createSession, startTestServer } from '../testing/testServer.js';
import type { SessionFixture, TestServer } from '../testing/testServer.js';
import { joinCast, postThread, putMentoring } from '../testing/feedbackRoles.js';
import type { Cast } from '../testing/feedbackRoles.js';
import { addTeamNote } from '../facilitation/testing.js';

let server: TestServer;
let s: SessionFixture;
let cast: Cast;

beforeEach(async () => {
  server = await startTestServer();
  s = await createSession(server);
  cast = await joinCast(s);
});
afterEach(async () => {
  await server.close();
});

describe('PUT /api/sessions/:sessionId/mentoring', () => {
  it('gives the mentor the chosen teams, in the store and in a fresh token', async () => {
    const res = await putMentoring(server, s, cast.mentor, [s.teamA, s.teamB]);
    expect(res.status).toBe(200);
    const body = res.body as unknown as RefreshTokenResponse;
    expect(body).toMatchObject({ sessionId: s.created.sessionId, role: 'mentor', mentorOf: [s.teamA, s.teamB] });
    expect(typeof body.token).toBe('string');
    expect(body.expiresAt).toBeGreaterThan(Date.now() / 1000);

    const noteB = await addTeamNote(server, s, s.teamB, 'Заметка команды Б');
    const comment = await postThread(server, s, body.token, {
      teamId: s.teamB,
      target: { kind: 'note', id: noteB },
      text: 'Теперь я ваш наставник',
    });
    expect(comment.status).toBe(201);
  });

  it('takes teams away too: an empty choice leaves the mentor no team to comment on', async () => {
    const res = await putMentoring(server, s, cast.mentor, []);
    expect(res.status).toBe(200);
    const token = (res.body as unknown as RefreshTokenResponse).token;
    const noteA = await addTeamNote(server, s, s.teamA, 'Заметка');
    const refused = await postThread(server, s, token, {
      teamId: s.teamA,
      target: { kind: 'note', id: noteA },
      text: 'Можно?',
    });
    expect(refused.status).toBe(403);
    // The old token names team A, but the store no longer does: the rights follow the store.
    const old = await postThread(server, s, cast.mentor, {
      teamId: s.teamA,
      target: { kind: 'note', id: noteA },
      text: 'А так?',
    });
    expect(old.status).toBe(403);
  });

  it('refuses everyone but mentors with 403, and unknown teams with 404', async () => {
    for (const token of [cast.facilitator, cast.ownParticipant, cast.projector]) {
      const res = await putMentoring(server, s, token, [s.teamA]);
      expect(res.status).toBe(403);
      expect(res.body.message).toMatch(/Only mentors/);
    }
    expect((await putMentoring(server, s, cast.mentor, ['nosuchteam'])).status).toBe(404);
    expect((await putMentoring(server, s, cast.mentor, 'all')).status).toBe(400);
    expect((await putMentoring(server, s, '', [s.teamA])).status).toBe(401);
  });
});
