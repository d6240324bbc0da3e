/**
 * A team's workspace document, room `team:<sessionId>:<teamId>`. Written by the team's participants, its mentors
 * and the facilitator. The feature areas (board, vision, time map, initiatives) add their own root keys here, each
 * documented in its own module.
 *
 * Layout:
 *   meta: Y.Map
 *     schemaVersion: number
 *     sessionId:     string
 *     teamId:        string
 */
import type * as Y from 'yjs';
import { seedBoard } from '../board/index.js';
import type { Language, SessionTemplate } from '../templates/index.js';
import { seedTimeMap } from '../timemap/index.js';
import { Origin } from './origins.js';
import { TEAM_SCHEMA_VERSION } from './migrations/teamMigrations.js';

export interface TeamMeta {
  schemaVersion: number;
  sessionId: string;
  teamId: string;
}

export function teamMetaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('meta');
}

export function readTeamMeta(doc: Y.Doc): TeamMeta | null {
  const meta = teamMetaMap(doc);
  const teamId = meta.get('teamId');
  if (typeof teamId !== 'string') return null;
  return {
    schemaVersion: Number(meta.get('schemaVersion') ?? 0),
    sessionId: String(meta.get('sessionId') ?? ''),
    teamId,
  };
}

export interface TeamSeed {
  sessionId: string;
  teamId: string;
  /** The session's template: board sections and time-map lanes start from it. */
  template?: SessionTemplate;
  lang?: Language;
}

/** Writes a new team room's initial state. Server only. */
export function seedTeamDoc(doc: Y.Doc, seed: TeamSeed): void {
  doc.transact(() => {
    const meta = teamMetaMap(doc);
    meta.set('schemaVersion', TEAM_SCHEMA_VERSION);
    meta.set('sessionId', seed.sessionId);
    meta.set('teamId', seed.teamId);
    if (seed.template) {
      seedBoard(doc, seed.template, seed.lang ?? 'ru');
      seedTimeMap(doc, seed.template, seed.lang ?? 'ru');
    }
  }, Origin.server);
}
