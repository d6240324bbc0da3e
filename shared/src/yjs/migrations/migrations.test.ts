/**
 * A before/after pair for every shipped migration, and a last test that fails when a migration has none: a
 * migration nobody exercised is one that may corrupt a room the first time a real old document meets it.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readSessionMeta, readSessionTeams, seedSessionDoc } from '../sessionDoc.js';
import { readTeamMeta, seedTeamDoc } from '../teamDoc.js';
import { migrateDoc, schemaVersionOf } from './runner.js';
import type { Migration } from './runner.js';
import { SESSION_SCHEMA_VERSION, sessionMigrations } from './sessionMigrations.js';
import { TEAM_SCHEMA_VERSION, teamMigrations } from './teamMigrations.js';

const exercised = new Set<string>();

function migrate(doc: Y.Doc, migrations: readonly Migration[]): string[] {
  const ran = migrateDoc(doc, migrations);
  ran.forEach((id) => exercised.add(id));
  return ran;
}

/** A session document as the first server wrote it: content, but no schemaVersion. */
function sessionDocV0(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    const meta = doc.getMap('meta');
    meta.set('sessionId', 'sessv0aa');
    meta.set('title', 'Vision 2036');
    meta.set('horizonYear', 2036);
    meta.set('startYear', 2026);
    meta.set('createdAt', '2026-01-15T09:00:00.000Z');
    const team = new Y.Map<unknown>();
    team.set('name', 'Logistics');
    team.set('color', '#e0542e');
    team.set('position', 0);
    doc.getMap<Y.Map<unknown>>('teams').set('teamv0aa', team);
  });
  return doc;
}

function teamDocV0(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    doc.getMap('meta').set('sessionId', 'sessv0aa');
    doc.getMap('meta').set('teamId', 'teamv0aa');
    doc.getMap('board').set('note1', 'keep this note');
  });
  return doc;
}

describe('session migrations', () => {
  it('session/1-containers: a v0 document reaches the latest version and keeps its meta and teams', () => {
    const doc = sessionDocV0();
    const metaBefore = readSessionMeta(doc);
    const teamsBefore = readSessionTeams(doc);
    expect(schemaVersionOf(doc)).toBe(0);

    expect(migrate(doc, sessionMigrations)).toContain('session/1-containers');

    expect(schemaVersionOf(doc)).toBe(SESSION_SCHEMA_VERSION);
    expect(readSessionMeta(doc)).toEqual({ ...metaBefore, schemaVersion: SESSION_SCHEMA_VERSION });
    expect(readSessionTeams(doc)).toEqual(teamsBefore);
  });

  it('an empty v0 session document gets the containers every reader expects', () => {
    const doc = new Y.Doc();
    migrate(doc, sessionMigrations);
    expect(schemaVersionOf(doc)).toBe(SESSION_SCHEMA_VERSION);
    expect(readSessionTeams(doc)).toEqual([]);
  });

  it('a freshly seeded session document needs no migration', () => {
    const doc = new Y.Doc();
    seedSessionDoc(doc, {
      sessionId: 'sessnew1',
      title: 't',
      horizonYear: 2040,
      startYear: 2026,
      createdAt: '2026-01-01T00:00:00.000Z',
      teams: [{ teamId: 'teamnew1', name: 'A' }],
    });
    expect(migrateDoc(doc, sessionMigrations)).toEqual([]);
  });
});

describe('team migrations', () => {
  it('team/1-containers: a v0 document reaches the latest version and keeps its content', () => {
    const doc = teamDocV0();
    expect(migrate(doc, teamMigrations)).toContain('team/1-containers');
    expect(schemaVersionOf(doc)).toBe(TEAM_SCHEMA_VERSION);
    expect(readTeamMeta(doc)).toEqual({
      schemaVersion: TEAM_SCHEMA_VERSION,
      sessionId: 'sessv0aa',
      teamId: 'teamv0aa',
    });
    expect(doc.getMap('board').get('note1')).toBe('keep this note');
  });

  it('a freshly seeded team document needs no migration', () => {
    const doc = new Y.Doc();
    seedTeamDoc(doc, { sessionId: 'sessnew1', teamId: 'teamnew1' });
    expect(migrateDoc(doc, teamMigrations)).toEqual([]);
  });
});

describe('migration coverage', () => {
  it('has unique ids across both documents', () => {
    const ids = [...sessionMigrations, ...teamMigrations].map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  // Must stay the last test in this file: it reads what the tests above ran.
  it('exercised every shipped migration in a before/after test above', () => {
    const all = [...sessionMigrations, ...teamMigrations].map((m) => m.id);
    expect(all.filter((id) => !exercised.has(id))).toEqual([]);
  });
});
