/**
 * Room (document) names. One Y.Doc per room, so a team's typing never fans out to other teams:
 *   session:<sessionId>          — the session's public state, written only by the server
 *   team:<sessionId>:<teamId>    — one team's workspace
 */
import { isId } from '../ids.js';

export type RoomName = string & { readonly __brand: 'RoomName' };

export type RoomRef =
  | { readonly kind: 'session'; readonly sessionId: string }
  | { readonly kind: 'team'; readonly sessionId: string; readonly teamId: string };

export function sessionRoom(sessionId: string): RoomName {
  return `session:${sessionId}` as RoomName;
}

export function teamRoom(sessionId: string, teamId: string): RoomName {
  return `team:${sessionId}:${teamId}` as RoomName;
}

/** Parses a room name; returns null for anything that is not exactly one of the two shapes. */
export function parseRoomName(name: string): RoomRef | null {
  const parts = name.split(':');
  if (parts[0] === 'session' && parts.length === 2 && isId(parts[1])) {
    return { kind: 'session', sessionId: parts[1]! };
  }
  if (parts[0] === 'team' && parts.length === 3 && isId(parts[1]) && isId(parts[2])) {
    return { kind: 'team', sessionId: parts[1]!, teamId: parts[2]! };
  }
  return null;
}

export function roomNameOf(ref: RoomRef): RoomName {
  return ref.kind === 'session' ? sessionRoom(ref.sessionId) : teamRoom(ref.sessionId, ref.teamId);
}
