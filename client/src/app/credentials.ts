/**
 * What this browser holds for a session it created or joined: `localStorage['horizon.session.<sessionId>']`.
 * There are no accounts, so this token is the person's only key to the session.
 */
import { Roles, type Role } from '@horizon/shared';

export interface SessionCredentials {
  token: string;
  role: Role;
  participantId?: string;
  teamId?: string;
  name?: string;
}

const PREFIX = 'horizon.session.';

export function credentialsKey(sessionId: string): string {
  return PREFIX + sessionId;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export function parseCredentials(raw: string | null): SessionCredentials | null {
  if (!raw) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const token = optionalString(record.token);
  const role = record.role;
  if (!token || typeof role !== 'string' || !(Roles as readonly string[]).includes(role)) return null;
  const credentials: SessionCredentials = { token, role: role as Role };
  const participantId = optionalString(record.participantId);
  const teamId = optionalString(record.teamId);
  const name = optionalString(record.name);
  if (participantId) credentials.participantId = participantId;
  if (teamId) credentials.teamId = teamId;
  if (name) credentials.name = name;
  return credentials;
}

export function loadCredentials(sessionId: string): SessionCredentials | null {
  try {
    return parseCredentials(window.localStorage.getItem(credentialsKey(sessionId)));
  } catch {
    return null;
  }
}

export function saveCredentials(sessionId: string, credentials: SessionCredentials): void {
  window.localStorage.setItem(credentialsKey(sessionId), JSON.stringify(credentials));
}
