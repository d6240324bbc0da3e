/**
 * Initiative reviews: only the facilitator and the team's mentors review; asking for changes needs a comment; every
 * reader sees the verdict live, and the earlier verdicts stay in the history.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readReview, readReviews } from '@horizon/shared/feedback';
import { createSession, startTestServer, waitFor } from '../testing/testServer.js';
import type { SessionFixture, TestClient, TestServer } from '../testing/testServer.js';
import { castRoles, joinCast, postReview } from '../testing/feedbackRoles.js';
import type { Cast, CastRole } from '../testing/feedbackRoles.js';
import { addTeamInitiative, sessionReader } from '../facilitation/testing.js';

let server: TestServer;
let s: SessionFixture;
let cast: Cast;
let initiativeId: string;
const clients: TestClient[] = [];

beforeEach(async () => {
  server = await startTestServer();
  s = await createSession(server);
  cast = await joinCast(s);
  initiativeId = await addTeamInitiative(server, s, s.teamA, 'Кадровый резерв региона');
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

const mayReview: Record<CastRole, boolean> = {
  facilitator: true,
  ownParticipant: false,
  otherParticipant: false,
  mentor: true,
  otherMentor: false,
  projector: false,
};

describe('a mentor reviews an initiative', () => {
  it('asks for changes with a comment, then approves; the team sees both, the first in the history', async () => {
    const doc = (await reader()).doc;
    const asked = await postReview(server, s, cast.mentor, {
      teamId: s.teamA,
      initiativeId,
      verdict: 'changesRequested',
      comment: 'Добавьте показатели на 2030 год',
    });
    expect(asked).toEqual({ status: 200, body: { ok: true } });
    await waitFor(() => readReview(doc, s.teamA, initiativeId) !== null, 5000, 'review');
    expect(readReview(doc, s.teamA, initiativeId)).toMatchObject({
      verdict: 'changesRequested',
      comment: 'Добавьте показатели на 2030 год',
      byName: 'Ольга Наставник',
      history: [],
    });

    const approved = await postReview(server, s, cast.mentor, {
      teamId: s.teamA,
      initiativeId,
      verdict: 'approved',
      comment: '',
    });
    expect(approved.status).toBe(200);
    await waitFor(() => readReview(doc, s.teamA, initiativeId)?.verdict === 'approved', 5000, 'approved');
    const review = readReview(doc, s.teamA, initiativeId)!;
    expect(review.history).toHaveLength(1);
    expect(review.history[0]).toMatchObject({ verdict: 'changesRequested' });
  });

  it('refuses a request for changes without a comment, with 400 and a message', async () => {
    for (const comment of ['', '  \n ']) {
      const res = await postReview(server, s, cast.mentor, {
        teamId: s.teamA,
        initiativeId,
        verdict: 'changesRequested',
        comment,
      });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/changes needs a comment/);
    }
    expect(readReviews((await reader()).doc)).toEqual({});
  });

  it('says 404 for an unknown team or initiative, 400 for an unknown verdict', async () => {
    const base = { teamId: s.teamA, initiativeId, verdict: 'approved', comment: '' } as const;
    expect((await postReview(server, s, cast.facilitator, { ...base, teamId: 'nosuchteam' })).status).toBe(404);
    expect((await postReview(server, s, cast.facilitator, { ...base, initiativeId: 'nope' })).status).toBe(404);
    // The initiative is team A's: it is not in team B.
    expect((await postReview(server, s, cast.facilitator, { ...base, teamId: s.teamB })).status).toBe(404);
    expect((await postReview(server, s, cast.facilitator, { ...base, verdict: 'maybe' } as never)).status).toBe(400);
  });
});

describe('rights: role × review', () => {
  for (const role of castRoles) {
    const allowed = mayReview[role];
    it(`${role} ${allowed ? 'may' : 'may not'} review team A’s initiative`, async () => {
      const res = await postReview(server, s, cast[role], {
        teamId: s.teamA,
        initiativeId,
        verdict: 'approved',
        comment: 'Хорошо',
      });
      if (allowed) {
        expect(res.status).toBe(200);
      } else {
        expect(res.status).toBe(403);
        expect(res.body.message).toMatch(/review/i);
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(readReviews((await reader(cast.facilitator)).doc)).toEqual({});
      }
    });
  }
});
