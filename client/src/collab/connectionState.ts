/**
 * What a person should be told about a room connection, derived from y-websocket's events.
 *
 * y-websocket reports a socket's life (`status`, `connection-close`, `sync`); people care about something coarser:
 * are my edits reaching the others, is it coming back by itself, or has the server said no for good. A close code in
 * 4400–4499 is final: the provider stops reconnecting, and only a person can act on it (join again, ask for access).
 */
import { isFinalCloseCode } from '@horizon/shared';

export type ConnectionState =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'connected'; readonly synced: boolean }
  | { readonly kind: 'reconnecting' }
  | { readonly kind: 'offline' }
  | { readonly kind: 'refused'; readonly code: number; readonly reason: string };

export interface ConnectionFacts {
  readonly socket: 'connecting' | 'open' | 'closed';
  readonly synced: boolean;
  readonly online: boolean;
  /** A socket has closed since the provider started (or since the last deliberate retry). */
  readonly hadClose: boolean;
  readonly refusal: { readonly code: number; readonly reason: string } | null;
}

export type ConnectionEvent =
  | { readonly type: 'status'; readonly status: 'connecting' | 'connected' | 'disconnected' }
  | { readonly type: 'sync'; readonly synced: boolean }
  /** `code` is null when the socket was closed locally (the provider reconnects then). */
  | { readonly type: 'close'; readonly code: number | null; readonly reason: string }
  | { readonly type: 'network'; readonly online: boolean }
  | { readonly type: 'retry' };

export function initialFacts(online: boolean): ConnectionFacts {
  return { socket: 'connecting', synced: false, online, hadClose: false, refusal: null };
}

export function reduceConnection(facts: ConnectionFacts, event: ConnectionEvent): ConnectionFacts {
  switch (event.type) {
    case 'status':
      if (event.status === 'connected') return { ...facts, socket: 'open' };
      if (event.status === 'connecting') return { ...facts, socket: 'connecting', synced: false };
      return { ...facts, socket: 'closed', synced: false };
    case 'sync':
      return { ...facts, synced: event.synced };
    case 'close': {
      const refusal =
        event.code !== null && isFinalCloseCode(event.code)
          ? { code: event.code, reason: event.reason }
          : facts.refusal;
      return { ...facts, socket: 'closed', synced: false, hadClose: true, refusal };
    }
    case 'network':
      return { ...facts, online: event.online };
    case 'retry':
      return { ...facts, socket: 'connecting', hadClose: false, refusal: null };
  }
}

export function describeConnection(facts: ConnectionFacts): ConnectionState {
  if (facts.refusal) return { kind: 'refused', code: facts.refusal.code, reason: facts.refusal.reason };
  if (facts.socket === 'open') return { kind: 'connected', synced: facts.synced };
  if (!facts.online) return { kind: 'offline' };
  return facts.hadClose ? { kind: 'reconnecting' } : { kind: 'connecting' };
}
