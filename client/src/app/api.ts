/** The HTTP API (shapes from @horizon/shared). Every failure becomes an `ApiRequestError`. */
import type {
  ApiError,
  CreateSessionRequest,
  CreateSessionResponse,
  JoinRequest,
  JoinResponse,
  ParticipantInfo,
  RefreshTokenResponse,
  Role,
  ServerInfo,
  SessionView,
  TeamInfo,
} from '@horizon/shared';

/** `GET /api/codes/:code`. */
export interface CodeLookup {
  sessionId: string;
  title: string;
  horizonYear: number;
  role: Role;
  teams: TeamInfo[];
}

export class ApiRequestError extends Error {
  /** HTTP status, or 0 when the server could not be reached. */
  readonly status: number;
  /** The server's machine-readable error, e.g. `not_found`; empty when there was no JSON body. */
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiRequestError';
    this.status = status;
    this.code = code;
  }
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH';
  body?: unknown;
  token?: string;
  signal?: AbortSignal;
}

function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiError).error === 'string' &&
    typeof (value as ApiError).message === 'string'
  );
}

async function request<T>(path: string, { method = 'GET', body, token, signal }: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiRequestError(0, 'network', error instanceof Error ? error.message : String(error));
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    if (isApiError(payload)) throw new ApiRequestError(response.status, payload.error, payload.message);
    throw new ApiRequestError(response.status, '', response.statusText);
  }
  return payload as T;
}

export function createSession(input: CreateSessionRequest, signal?: AbortSignal): Promise<CreateSessionResponse> {
  return request('/api/sessions', { method: 'POST', body: input, signal });
}

/** A session with two teams that have already filled their workspaces, for a first look. */
export function createDemoSession(signal?: AbortSignal): Promise<CreateSessionResponse> {
  return request('/api/sessions/demo', { method: 'POST', signal });
}

export function lookupCode(code: string, signal?: AbortSignal): Promise<CodeLookup> {
  return request(`/api/codes/${encodeURIComponent(code)}`, { signal });
}

export function joinSession(input: JoinRequest, signal?: AbortSignal): Promise<JoinResponse> {
  return request('/api/join', { method: 'POST', body: input, signal });
}

export function getSession(sessionId: string, token: string, signal?: AbortSignal): Promise<SessionView> {
  return request(`/api/sessions/${encodeURIComponent(sessionId)}`, { token, signal });
}

/** Exchanges a token (even one expired recently) for a fresh one built from the participant's current record. */
export function refreshToken(token: string, signal?: AbortSignal): Promise<RefreshTokenResponse> {
  return request('/api/token/refresh', { method: 'POST', token, signal });
}

/** Facilitator: puts a participant in another team. */
export function moveParticipant(
  sessionId: string,
  participantId: string,
  teamId: string,
  token: string,
): Promise<ParticipantInfo> {
  return request(`/api/sessions/${encodeURIComponent(sessionId)}/participants/${encodeURIComponent(participantId)}`, {
    method: 'PATCH',
    body: { teamId },
    token,
  });
}

export function getServerInfo(signal?: AbortSignal): Promise<ServerInfo> {
  return request('/api/info', { signal });
}

/** The i18n key that explains an error to a person. */
export function errorMessageKey(error: unknown): string {
  if (!(error instanceof ApiRequestError)) return 'errors.server';
  switch (error.status) {
    case 0:
      return 'errors.network';
    case 400:
    case 422:
      return 'errors.invalid';
    case 401:
      return 'errors.unauthorized';
    case 403:
      return 'errors.forbidden';
    case 404:
      return 'errors.notFound';
    case 429:
      return 'errors.tooMany';
    default:
      return 'errors.server';
  }
}
