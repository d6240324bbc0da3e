/**
 * Roles and what each may do with each room. This is the one place the rights are written down; the server applies
 * it to every socket, and the client uses it to hide controls a user cannot use.
 */
import type { RoomRef } from '../protocol/rooms.js';

export const Roles = ['facilitator', 'participant', 'mentor', 'projector'] as const;
export type Role = (typeof Roles)[number];

/** What a signed token says about its holder. */
export interface TokenClaims {
  /** Token format version. */
  readonly v: 1;
  readonly sessionId: string;
  readonly participantId: string;
  readonly role: Role;
  /** The participant's team (participants only). */
  readonly teamId?: string;
  /** The teams a mentor mentors. */
  readonly mentorOf?: readonly string[];
  /** Expiry, seconds since the epoch. */
  readonly exp: number;
}

export type RoomAccess = 'write' | 'read' | 'none';

/**
 * The access a token grants to a room. The session room is written by the server alone, so no client gets `write`
 * there; team rooms are written by the facilitator, the team's own participants and the team's mentors.
 */
export function roomAccess(claims: TokenClaims, room: RoomRef): RoomAccess {
  if (room.sessionId !== claims.sessionId) return 'none';
  if (room.kind === 'session') return 'read';
  switch (claims.role) {
    case 'facilitator':
      return 'write';
    case 'participant':
      return claims.teamId === room.teamId ? 'write' : 'read';
    case 'mentor':
      return claims.mentorOf?.includes(room.teamId) ? 'write' : 'read';
    case 'projector':
      return 'read';
  }
}
