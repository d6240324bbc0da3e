import { describe, expect, it } from 'vitest';
import { newId } from '../ids.js';
import { parseRoomName, roomNameOf, sessionRoom, teamRoom } from './rooms.js';
import type { RoomRef } from './rooms.js';

describe('room names', () => {
  it('parses what it builds, for both kinds of room', () => {
    for (let i = 0; i < 50; i++) {
      const sessionId = newId();
      const teamId = newId(4 + (i % 29));
      expect(parseRoomName(sessionRoom(sessionId))).toEqual({ kind: 'session', sessionId });
      expect(parseRoomName(teamRoom(sessionId, teamId))).toEqual({ kind: 'team', sessionId, teamId });
    }
  });

  it('rebuilds the same name from a parsed reference', () => {
    const refs: RoomRef[] = [
      { kind: 'session', sessionId: newId() },
      { kind: 'team', sessionId: newId(), teamId: newId() },
    ];
    for (const ref of refs) {
      const name = roomNameOf(ref);
      expect(parseRoomName(name)).toEqual(ref);
      expect(roomNameOf(parseRoomName(name)!)).toBe(name);
    }
  });

  it('keeps a team of one session apart from the same team id in another session', () => {
    const teamId = newId();
    const a = parseRoomName(teamRoom(newId(), teamId));
    const b = parseRoomName(teamRoom(newId(), teamId));
    expect(a?.sessionId).not.toBe(b?.sessionId);
  });

  const sid = 'abcd1234';
  const tid = 'team0001';
  const malformed: Record<string, string> = {
    'empty string': '',
    'prefix only': 'session',
    'empty session id': 'session:',
    'empty team id': `team:${sid}:`,
    'empty session id in a team room': `team::${tid}`,
    'team room without a team': `team:${sid}`,
    'extra colon after a session id': `session:${sid}:`,
    'extra part in a session room': `session:${sid}:${tid}`,
    'extra part in a team room': `team:${sid}:${tid}:extra`,
    'leading colon': `:session:${sid}`,
    'unknown prefix': `room:${sid}`,
    'prefix in capitals': `Session:${sid}`,
    'team prefix in capitals': `TEAM:${sid}:${tid}`,
    'uppercase session id': `session:${sid.toUpperCase()}`,
    'uppercase team id': `team:${sid}:${tid.toUpperCase()}`,
    'id too short': 'session:abc',
    'id too long': `session:${'a'.repeat(33)}`,
    'team id too long': `team:${sid}:${'b'.repeat(33)}`,
    'dash in id': 'session:abcd-1234',
    'underscore in id': 'session:abcd_1234',
    'space around id': `session: ${sid}`,
    'trailing newline': `session:${sid}\n`,
    'non-latin letters': 'session:аbcd1234',
    'path traversal': `team:${sid}:../x`,
  };

  for (const [label, name] of Object.entries(malformed)) {
    it(`refuses a malformed name: ${label}`, () => {
      expect(parseRoomName(name)).toBeNull();
    });
  }

  it('accepts ids at both length bounds', () => {
    expect(parseRoomName(`session:${'a'.repeat(4)}`)).not.toBeNull();
    expect(parseRoomName(`session:${'a'.repeat(32)}`)).not.toBeNull();
  });
});
