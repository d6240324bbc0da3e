/**
 * The facilitation endpoints: facilitator commands, readiness, votes and the server's clock. Failures become
 * `ApiRequestError`, like the rest of the API, so pages explain them the same way.
 */
import type { CastVoteRequest, FacilitatorCommand, MyVotes, ServerTime } from '@horizon/shared/facilitation';
import { ApiRequestError } from '../../app/api';

async function call<T>(path: string, token: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${token}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
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

function sessionPath(sessionId: string): string {
  return `/api/sessions/${encodeURIComponent(sessionId)}`;
}

export function sendCommand<T = unknown>(sessionId: string, token: string, command: FacilitatorCommand): Promise<T> {
  return call<T>(`${sessionPath(sessionId)}/commands`, token, command);
}

export function setReadiness(sessionId: string, token: string, stageId: string, ready: boolean): Promise<unknown> {
  return call(`${sessionPath(sessionId)}/readiness`, token, { stageId, ready });
}

export function getMyVotes(sessionId: string, token: string, roundId: string, signal?: AbortSignal): Promise<MyVotes> {
  return call(`${sessionPath(sessionId)}/voting/${encodeURIComponent(roundId)}/mine`, token, undefined, signal);
}

export function castVote(sessionId: string, token: string, roundId: string, vote: CastVoteRequest): Promise<MyVotes> {
  return call(`${sessionPath(sessionId)}/voting/${encodeURIComponent(roundId)}/votes`, token, vote);
}

export async function getServerTime(signal?: AbortSignal): Promise<number> {
  const response = await fetch('/api/time', { headers: { Accept: 'application/json' }, signal });
  if (!response.ok) throw new ApiRequestError(response.status, '', response.statusText);
  const payload = (await response.json()) as Partial<ServerTime>;
  if (typeof payload.now !== 'number') throw new ApiRequestError(response.status, '', 'no time');
  return payload.now;
}
