import { describe, expect, it } from 'vitest';
import { Roles, roomAccess } from './roles.js';
import type { RoomAccess, TokenClaims } from './roles.js';
import type { RoomRef } from '../protocol/rooms.js';

const session = 'sessaaaa';
const otherSession = 'sessbbbb';
const ownTeam = 'teamown1';
const otherTeam = 'teamoth2';
const exp = 2_000_000_000;

const rooms = {
  sessionRoom: { kind: 'session', sessionId: session },
  ownTeam: { kind: 'team', sessionId: session, teamId: ownTeam },
  otherTeam: { kind: 'team', sessionId: session, teamId: otherTeam },
  otherSessionRoom: { kind: 'session', sessionId: otherSession },
  // Same team id, but in a session the token was not issued for.
  otherSessionTeam: { kind: 'team', sessionId: otherSession, teamId: ownTeam },
} as const satisfies Record<string, RoomRef>;

type Column = keyof typeof rooms;

function claims(extra: Partial<TokenClaims> & Pick<TokenClaims, 'role'>): TokenClaims {
  return { v: 1, sessionId: session, participantId: 'person01', exp, ...extra };
}

const matrix: Array<{ who: string; claims: TokenClaims; expected: Record<Column, RoomAccess> }> = [
  {
    who: 'facilitator',
    claims: claims({ role: 'facilitator' }),
    expected: {
      sessionRoom: 'read',
      ownTeam: 'write',
      otherTeam: 'write',
      otherSessionRoom: 'none',
      otherSessionTeam: 'none',
    },
  },
  {
    who: 'participant of a team',
    claims: claims({ role: 'participant', teamId: ownTeam }),
    expected: {
      sessionRoom: 'read',
      ownTeam: 'write',
      otherTeam: 'read',
      otherSessionRoom: 'none',
      otherSessionTeam: 'none',
    },
  },
  {
    who: 'participant without a team',
    claims: claims({ role: 'participant' }),
    expected: {
      sessionRoom: 'read',
      ownTeam: 'read',
      otherTeam: 'read',
      otherSessionRoom: 'none',
      otherSessionTeam: 'none',
    },
  },
  {
    who: 'mentor of a team',
    claims: claims({ role: 'mentor', mentorOf: [ownTeam] }),
    expected: {
      sessionRoom: 'read',
      ownTeam: 'write',
      otherTeam: 'read',
      otherSessionRoom: 'none',
      otherSessionTeam: 'none',
    },
  },
  {
    who: 'mentor of both teams',
    claims: claims({ role: 'mentor', mentorOf: [ownTeam, otherTeam] }),
    expected: {
      sessionRoom: 'read',
      ownTeam: 'write',
      otherTeam: 'write',
      otherSessionRoom: 'none',
      otherSessionTeam: 'none',
    },
  },
  {
    who: 'mentor with an empty mentorOf',
    claims: claims({ role: 'mentor', mentorOf: [] }),
    expected: {
      sessionRoom: 'read',
      ownTeam: 'read',
      otherTeam: 'read',
      otherSessionRoom: 'none',
      otherSessionTeam: 'none',
    },
  },
  {
    who: 'mentor without mentorOf',
    claims: claims({ role: 'mentor' }),
    expected: {
      sessionRoom: 'read',
      ownTeam: 'read',
      otherTeam: 'read',
      otherSessionRoom: 'none',
      otherSessionTeam: 'none',
    },
  },
  {
    who: 'projector',
    claims: claims({ role: 'projector' }),
    expected: {
      sessionRoom: 'read',
      ownTeam: 'read',
      otherTeam: 'read',
      otherSessionRoom: 'none',
      otherSessionTeam: 'none',
    },
  },
];

describe('roomAccess', () => {
  for (const row of matrix) {
    it(`grants a ${row.who} the expected access to every room`, () => {
      const actual = Object.fromEntries(
        (Object.keys(rooms) as Column[]).map((column) => [column, roomAccess(row.claims, rooms[column])]),
      );
      expect(actual).toEqual(row.expected);
    });
  }

  it('covers every role in the matrix', () => {
    expect(new Set(matrix.map((row) => row.claims.role))).toEqual(new Set(Roles));
  });

  it('gives no client write access to a session room, whatever its claims', () => {
    for (const role of Roles) {
      const generous = claims({ role, teamId: ownTeam, mentorOf: [ownTeam, otherTeam] });
      expect(roomAccess(generous, rooms.sessionRoom)).toBe('read');
    }
  });

  it('lets a participant team id or mentorOf only widen access within the token session', () => {
    for (const role of Roles) {
      const generous = claims({ role, teamId: ownTeam, mentorOf: [ownTeam] });
      expect(roomAccess(generous, rooms.otherSessionTeam)).toBe('none');
      expect(roomAccess(generous, rooms.otherSessionRoom)).toBe('none');
    }
  });

  it('ignores a team id on a role that does not use it', () => {
    // Only participants write through teamId; a mentor or projector carrying one gains nothing.
    expect(roomAccess(claims({ role: 'projector', teamId: ownTeam }), rooms.ownTeam)).toBe('read');
    expect(roomAccess(claims({ role: 'mentor', teamId: ownTeam }), rooms.ownTeam)).toBe('read');
  });
});
