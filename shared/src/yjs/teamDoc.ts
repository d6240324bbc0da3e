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
 *     motto:         string   — the team's one-line motto or goal, shown in its header (absent until written);
 *                               a plain string, last writer wins: it is one short line, edited by one person at a time
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

/** Longest motto kept; the field in the header refuses more. */
export const TEAM_MOTTO_MAX = 140;

export function readTeamMotto(doc: Y.Doc): string {
  const motto = teamMetaMap(doc).get('motto');
  return typeof motto === 'string' ? motto : '';
}

/** Sets the motto (trimmed to `TEAM_MOTTO_MAX`); call it inside the caller's transaction or on its own. */
export function setTeamMotto(doc: Y.Doc, motto: string): void {
  const next = motto.slice(0, TEAM_MOTTO_MAX);
  if (readTeamMotto(doc) !== next) teamMetaMap(doc).set('motto', next);
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
