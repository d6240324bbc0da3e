import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SESSION_SCHEMA_VERSION } from './migrations/sessionMigrations.js';
import { Origin } from './origins.js';
import { TEAM_COLORS, readSessionMeta, readSessionTeams, seedSessionDoc, sessionTeamsMap } from './sessionDoc.js';
import type { SessionSeed } from './sessionDoc.js';

function seed(teamCount: number): SessionSeed {
  return {
    sessionId: 'sessabcd',
    title: 'Horizon 2036 — стратегия',
    horizonYear: 2036,
    startYear: 2026,
    createdAt: '2026-03-01T10:00:00.000Z',
    teams: Array.from({ length: teamCount }, (_, i) => ({
      teamId: `team${String(i).padStart(4, '0')}`,
      name: `Team ${i + 1}`,
    })),
  };
}

function seeded(teamCount: number): Y.Doc {
  const doc = new Y.Doc();
  seedSessionDoc(doc, seed(teamCount));
  return doc;
}

describe('session document', () => {
  it('reads back the meta it was seeded with, at the current schema version', () => {
    const s = seed(2);
    const doc = seeded(2);
    expect(readSessionMeta(doc)).toEqual({
      schemaVersion: SESSION_SCHEMA_VERSION,
      sessionId: s.sessionId,
      title: s.title,
      horizonYear: s.horizonYear,
      startYear: s.startYear,
      createdAt: s.createdAt,
    });
  });

  it('lists the teams in the order they were given, each with a palette colour', () => {
    const s = seed(5);
    const teams = readSessionTeams(seeded(5));
    expect(teams.map((t) => ({ teamId: t.teamId, name: t.name }))).toEqual(s.teams);
    expect(teams.map((t) => t.position)).toEqual([0, 1, 2, 3, 4]);
    for (const team of teams) expect(TEAM_COLORS).toContain(team.color);
  });

  it('gives every team a different colour while the palette lasts, then reuses it in order', () => {
    const teams = readSessionTeams(seeded(TEAM_COLORS.length + 2));
    const firstRound = teams.slice(0, TEAM_COLORS.length).map((t) => t.color);
    expect(new Set(firstRound).size).toBe(TEAM_COLORS.length);
    expect(teams[TEAM_COLORS.length]!.color).toBe(teams[0]!.color);
    expect(teams[TEAM_COLORS.length + 1]!.color).toBe(teams[1]!.color);
  });

  it('sorts teams by position, not by map order, and breaks ties by id', () => {
    const doc = new Y.Doc();
    const add = (teamId: string, position: number) => {
      const team = new Y.Map<unknown>();
      team.set('name', teamId);
      team.set('position', position);
      sessionTeamsMap(doc).set(teamId, team);
    };
    add('teamcccc', 2);
    add('teamzzzz', 0);
    add('teambbbb', 1);
    add('teamaaaa', 1);
    expect(readSessionTeams(doc).map((t) => t.teamId)).toEqual(['teamzzzz', 'teamaaaa', 'teambbbb', 'teamcccc']);
  });

  it('reads the same on a second document synced from the first', () => {
    const doc = seeded(3);
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    expect(readSessionMeta(peer)).toEqual(readSessionMeta(doc));
    expect(readSessionTeams(peer)).toEqual(readSessionTeams(doc));
  });

  it('seeds in one transaction tagged as the server', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
    seedSessionDoc(doc, seed(3));
    expect(origins).toEqual([Origin.server]);
  });

  it('reads nothing from an empty document', () => {
    const doc = new Y.Doc();
    expect(readSessionMeta(doc)).toBeNull();
    expect(readSessionTeams(doc)).toEqual([]);
  });

  it('seeds a session without teams', () => {
    const doc = seeded(0);
    expect(readSessionMeta(doc)?.sessionId).toBe('sessabcd');
    expect(readSessionTeams(doc)).toEqual([]);
  });
});
