/**
 * For the feedback integration tests: one person of each kind the rights table tells apart, around team A, plus
 * helpers that call the feedback endpoints.
 */
import type { CreateThreadRequest, CreateThreadResponse, ReviewRequest } from '@horizon/shared/feedback';
import { api } from './testServer.js';
import type { SessionFixture, TestServer } from './testServer.js';

export interface Cast {
  facilitator: string;
  /** A participant of team A. */
  ownParticipant: string;
  /** A participant of team B. */
  otherParticipant: string;
  /** A mentor of team A. */
  mentor: string;
  /** A mentor of team B only. */
  otherMentor: string;
  projector: string;
}

export type CastRole = keyof Cast;
export const castRoles: readonly CastRole[] = [
  'facilitator',
  'ownParticipant',
  'otherParticipant',
  'mentor',
  'otherMentor',
  'projector',
];

export async function joinCast(s: SessionFixture): Promise<Cast> {
  const { codes } = s.created;
  return {
    facilitator: s.created.facilitatorToken,
    ownParticipant: (await s.join('Анна', s.teamA)).token,
    otherParticipant: (await s.join('Борис', s.teamB)).token,
    mentor: (await s.join('Ольга Наставник', s.teamA, codes.mentor)).token,
    otherMentor: (await s.join('Пётр Наставник', s.teamB, codes.mentor)).token,
    projector: (await s.join('Проектор', undefined, codes.projector)).token,
  };
}

const base = (s: SessionFixture) => `/api/sessions/${s.created.sessionId}`;

export function postThread(server: TestServer, s: SessionFixture, token: string, body: CreateThreadRequest) {
  return api<CreateThreadResponse & { message?: string }>(server, 'POST', `${base(s)}/threads`, body, token);
}

export function postReply(server: TestServer, s: SessionFixture, token: string, threadId: string, text: unknown) {
  return api<{ commentId?: string; message?: string }>(
    server,
    'POST',
    `${base(s)}/threads/${threadId}/replies`,
    { text },
    token,
  );
}

export function postResolve(server: TestServer, s: SessionFixture, token: string, threadId: string, resolved: boolean) {
  return api<{ ok?: true; message?: string }>(
    server,
    'POST',
    `${base(s)}/threads/${threadId}/resolve`,
    { resolved },
    token,
  );
}

export function postReview(server: TestServer, s: SessionFixture, token: string, body: ReviewRequest) {
  return api<{ ok?: true; message?: string }>(server, 'POST', `${base(s)}/reviews`, body, token);
}

export function putMentoring(server: TestServer, s: SessionFixture, token: string, teamIds: unknown) {
  return api<Record<string, unknown>>(server, 'PUT', `${base(s)}/mentoring`, { teamIds }, token);
}
