/**
 * What this browser holds for a session it created or joined: `localStorage['horizon.session.<sessionId>']`.
 * There are no accounts, so this token is the person's only key to the session. Every change goes through here, so
 * pages that show the session re-render when a token is renewed (this tab) or replaced (another tab).
 */
import { Roles, type Role } from '@horizon/shared';
import { useCallback, useSyncExternalStore } from 'react';

export interface SessionCredentials {
  token: string;
  role: Role;
  participantId?: string;
  teamId?: string;
  name?: string;
}

const PREFIX = 'horizon.session.';
const listeners = new Set<() => void>();

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

function readRaw(sessionId: string): string | null {
  try {
    return window.localStorage.getItem(credentialsKey(sessionId));
  } catch {
    return null;
  }
}

export function loadCredentials(sessionId: string): SessionCredentials | null {
  return parseCredentials(readRaw(sessionId));
}

export function saveCredentials(sessionId: string, credentials: SessionCredentials): void {
  window.localStorage.setItem(credentialsKey(sessionId), JSON.stringify(credentials));
  notify();
}

/** "Leave": this browser forgets the session. The person can join again with the code. */
export function forgetCredentials(sessionId: string): void {
  try {
    window.localStorage.removeItem(credentialsKey(sessionId));
  } finally {
    notify();
  }
}

function notify(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab of this browser joined again, renewed or left.
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key.startsWith(PREFIX)) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

const parsedCache = new Map<string, SessionCredentials | null>();

/** The session's credentials, live. The same object is returned until the stored text changes. */
export function useCredentials(sessionId: string): SessionCredentials | null {
  const snapshot = useCallback(() => {
    const raw = readRaw(sessionId);
    const key = `${sessionId}\n${raw ?? ''}`;
    if (!parsedCache.has(key)) parsedCache.set(key, parseCredentials(raw));
    return parsedCache.get(key) ?? null;
  }, [sessionId]);
  return useSyncExternalStore(subscribe, snapshot, () => null);
}
