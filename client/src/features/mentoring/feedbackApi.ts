/**
 * The feedback endpoints: threads, replies, resolving, reviews, and a mentor's choice of teams. What they change comes
 * back through the session document, so callers only wait for the answer and show a refusal.
 */
import type { RefreshTokenResponse } from '@horizon/shared';
import type { CommentTarget, CreateThreadResponse, ReviewVerdict } from '@horizon/shared/feedback';
import { ApiRequestError } from '../../app/api';

async function call<T>(method: 'POST' | 'PUT', path: string, token: string, body: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { Accept: 'application/json', Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiRequestError(0, 'network', error instanceof Error ? error.message : String(error));
  }
  const payload = (await response.json().catch(() => undefined)) as { error?: unknown; message?: unknown } | undefined;
  if (!response.ok) {
    const code = typeof payload?.error === 'string' ? payload.error : '';
    const message = typeof payload?.message === 'string' ? payload.message : response.statusText;
    throw new ApiRequestError(response.status, code, message);
  }
  return payload as T;
}

const sessionPath = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}`;
const threadPath = (sessionId: string, threadId: string) =>
  `${sessionPath(sessionId)}/threads/${encodeURIComponent(threadId)}`;

export function createThread(
  sessionId: string,
  token: string,
  teamId: string,
  target: CommentTarget,
  text: string,
): Promise<CreateThreadResponse> {
  return call('POST', `${sessionPath(sessionId)}/threads`, token, { teamId, target, text });
}

export function replyToThread(sessionId: string, token: string, threadId: string, text: string): Promise<unknown> {
  return call('POST', `${threadPath(sessionId, threadId)}/replies`, token, { text });
}

export function resolveThread(sessionId: string, token: string, threadId: string, resolved: boolean): Promise<unknown> {
  return call('POST', `${threadPath(sessionId, threadId)}/resolve`, token, { resolved });
}

export function reviewInitiative(
  sessionId: string,
  token: string,
  review: { teamId: string; initiativeId: string; verdict: ReviewVerdict; comment: string },
): Promise<unknown> {
  return call('POST', `${sessionPath(sessionId)}/reviews`, token, review);
}

export function setMentoredTeams(sessionId: string, token: string, teamIds: string[]): Promise<RefreshTokenResponse> {
  return call('PUT', `${sessionPath(sessionId)}/mentoring`, token, { teamIds });
}
