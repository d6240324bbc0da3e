/** Readiness marks: a participant marks their own team for a stage; the facilitator marks any team. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readReadiness, readinessKey } from '@horizon/shared/facilitation';
import { api, createSession, startTestServer, waitFor } from '../testing/testServer.js';
import type { SessionFixture, TestClient, TestServer } from '../testing/testServer.js';
import { sessionReader } from './testing.js';
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

const mark = (token: string, body: Record<string, unknown>) =>
  api<{ ok: true } & ErrorBody>(server, 'POST', `/api/sessions/${s.created.sessionId}/readiness`, body, token);

describe('POST /api/sessions/:sessionId/readiness', () => {
  it('writes the mark for the participant’s own team and the given stage, by name', async () => {
    const anna = await s.join('Анна', s.teamA);
    const reader = await sessionReader(server, s, anna.token);
    clients.push(reader);
    const before = Date.now();
    expect(await mark(anna.token, { stageId: 'trends', ready: true })).toEqual({ status: 200, body: { ok: true } });
    const key = readinessKey('trends', s.teamA);
    await waitFor(() => readReadiness(reader.doc)[key]?.ready === true, 5000, 'ready');
    const marked = readReadiness(reader.doc);
    expect(Object.keys(marked)).toEqual([key]);
    expect(marked[key]).toMatchObject({ ready: true, by: 'Анна' });
    expect(marked[key]!.at).toBeGreaterThanOrEqual(before);

    await mark(anna.token, { stageId: 'trends', ready: false, teamId: s.teamA });
    await waitFor(() => readReadiness(reader.doc)[key]?.ready === false, 5000, 'not ready');
  });

  it('lets the facilitator mark any team, naming it', async () => {
    const reader = await sessionReader(server, s, s.created.facilitatorToken);
    clients.push(reader);
    expect((await mark(s.created.facilitatorToken, { stageId: 'vision', ready: true, teamId: s.teamB })).status).toBe(
      200,
    );
    await waitFor(() => readReadiness(reader.doc)[readinessKey('vision', s.teamB)]?.ready === true, 5000, 'marked');
    const missingTeam = await mark(s.created.facilitatorToken, { stageId: 'vision', ready: true });
    expect(missingTeam).toMatchObject({ status: 400, body: { error: 'bad_request' } });
    const unknownTeam = await mark(s.created.facilitatorToken, { stageId: 'vision', ready: true, teamId: 'noteam00' });
    expect(unknownTeam.status).toBe(404);
  });

  it('refuses another team, mentors, projectors, other sessions, unknown stages and bad bodies', async () => {
    const anna = await s.join('Анна', s.teamA);
    const mentor = await s.join('Наставник', s.teamA, s.created.codes.mentor);
    const projector = await s.join('Экран', undefined, s.created.codes.projector);
    const other = await createSession(server, 'Другая');
    const otherTeam = await mark(anna.token, { stageId: 'trends', ready: true, teamId: s.teamB });
    expect(otherTeam).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect((await mark(mentor.token, { stageId: 'trends', ready: true })).status).toBe(403);
    expect((await mark(projector.token, { stageId: 'trends', ready: true })).status).toBe(403);
    expect(
      (await mark(other.created.facilitatorToken, { stageId: 'trends', ready: true, teamId: s.teamA })).status,
    ).toBe(403);
    const unknownStage = await mark(anna.token, { stageId: 'nosuchstage', ready: true });
    expect(unknownStage).toMatchObject({ status: 404, body: { error: 'not_found' } });
    for (const body of [
      {},
      { stageId: 'trends' },
      { stageId: 'trends', ready: 'yes' },
      { stageId: 'trends', ready: true, x: 1 },
    ]) {
      expect((await mark(anna.token, body)).status, JSON.stringify(body)).toBe(400);
    }
  });
});
