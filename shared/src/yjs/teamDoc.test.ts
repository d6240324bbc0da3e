import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TEAM_SCHEMA_VERSION } from './migrations/teamMigrations.js';
import { Origin } from './origins.js';
import { readTeamMeta, seedTeamDoc } from './teamDoc.js';

describe('team document', () => {
  it('reads back the ids it was seeded with, at the current schema version', () => {
    const doc = new Y.Doc();
    seedTeamDoc(doc, { sessionId: 'sessabcd', teamId: 'teamabcd' });
    expect(readTeamMeta(doc)).toEqual({
      schemaVersion: TEAM_SCHEMA_VERSION,
      sessionId: 'sessabcd',
      teamId: 'teamabcd',
    });
  });

  it('reads the same on a second document synced from the first', () => {
    const doc = new Y.Doc();
    seedTeamDoc(doc, { sessionId: 'sessabcd', teamId: 'teamabcd' });
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    expect(readTeamMeta(peer)).toEqual(readTeamMeta(doc));
  });

  it('seeds in one transaction tagged as the server', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
    seedTeamDoc(doc, { sessionId: 'sessabcd', teamId: 'teamabcd' });
    expect(origins).toEqual([Origin.server]);
  });

  it('reads nothing from an empty document', () => {
    expect(readTeamMeta(new Y.Doc())).toBeNull();
  });
});
