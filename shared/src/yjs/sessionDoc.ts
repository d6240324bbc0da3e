/**
 * The session document, room `session:<sessionId>`. Written only by the server (origin `facilitator` or `server`);
 * every client of the session reads it.
 *
 * Layout:
 *   meta:  Y.Map
 *     schemaVersion: number
 *     sessionId:     string
 *     title:         string
 *     horizonYear:   number   — e.g. 2036
 *     startYear:     number   — the year the session took place; the time map runs from it to the horizon
 *     createdAt:     string   — ISO 8601
 *     templateId:    string   — the template the session started from (absent in sessions made before templates)
 *   teams: Y.Map<teamId, Y.Map>
 *     name:     string
 *     color:    string   — a CSS colour from TEAM_COLORS
 *     position: number   — display order, ascending
 *   participantTeams: Y.Map<participantId, teamId>
 *     — participants the facilitator moved to another team after they joined. The store's participant record is the
 *       truth (tokens are rebuilt from it); this map tells the moved person's open pages at once, so they follow.
 *   agenda, timer, projector, locks, readiness, voting
 *     — the facilitator's part: layout, readers and the server's mutators in `facilitation/schema.ts`
 *       (`@horizon/shared/facilitation`).
 *   threads, reviews
 *     — mentors' and teams' comment threads and initiative reviews: layout, readers and the server's mutators in
 *       `feedback/schema.ts` (`@horizon/shared/feedback`).
 */
import * as Y from 'yjs';
import type { TeamInfo } from '../model/api.js';
import { Origin } from './origins.js';
import { SESSION_SCHEMA_VERSION } from './migrations/sessionMigrations.js';

export const TEAM_COLORS = [
  '#2f6fde',
  '#e0542e',
  '#1f9d6b',
  '#8a4fd8',
  '#d89b16',
  '#d43f8d',
  '#16929e',
  '#6b7a1c',
] as const;

export interface SessionMeta {
  schemaVersion: number;
  sessionId: string;
  title: string;
  horizonYear: number;
  startYear: number;
  createdAt: string;
  templateId?: string;
}

export interface SessionTeam extends TeamInfo {
  color: string;
  position: number;
}

export function sessionMetaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('meta');
}

export function sessionTeamsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap('teams');
}

export function participantTeamsMap(doc: Y.Doc): Y.Map<string> {
  return doc.getMap('participantTeams');
}

/** The team the facilitator moved this participant to, or null when they were never moved. */
export function readParticipantTeam(doc: Y.Doc, participantId: string): string | null {
  const teamId = participantTeamsMap(doc).get(participantId);
  return typeof teamId === 'string' ? teamId : null;
}

/** Records a move. Server only, inside its own transaction (origin `facilitator`). */
export function setParticipantTeam(doc: Y.Doc, participantId: string, teamId: string): void {
  participantTeamsMap(doc).set(participantId, teamId);
}

export function readSessionMeta(doc: Y.Doc): SessionMeta | null {
  const meta = sessionMetaMap(doc);
  const sessionId = meta.get('sessionId');
  if (typeof sessionId !== 'string') return null;
  const templateId = meta.get('templateId');
  return {
    ...(typeof templateId === 'string' ? { templateId } : {}),
    schemaVersion: Number(meta.get('schemaVersion') ?? 0),
    sessionId,
    title: String(meta.get('title') ?? ''),
    horizonYear: Number(meta.get('horizonYear') ?? 0),
    startYear: Number(meta.get('startYear') ?? 0),
    createdAt: String(meta.get('createdAt') ?? ''),
  };
}

export function readSessionTeams(doc: Y.Doc): SessionTeam[] {
  const teams: SessionTeam[] = [];
  sessionTeamsMap(doc).forEach((team, teamId) => {
    teams.push({
      teamId,
      name: String(team.get('name') ?? ''),
      color: String(team.get('color') ?? TEAM_COLORS[0]),
      position: Number(team.get('position') ?? 0),
    });
  });
  return teams.sort((a, b) => a.position - b.position || a.teamId.localeCompare(b.teamId));
}

export interface SessionSeed {
  sessionId: string;
  title: string;
  horizonYear: number;
  startYear: number;
  createdAt: string;
  teams: TeamInfo[];
  templateId?: string;
}

/** Writes a new session's initial state. Server only. */
export function seedSessionDoc(doc: Y.Doc, seed: SessionSeed): void {
  doc.transact(() => {
    const meta = sessionMetaMap(doc);
    meta.set('schemaVersion', SESSION_SCHEMA_VERSION);
    meta.set('sessionId', seed.sessionId);
    meta.set('title', seed.title);
    meta.set('horizonYear', seed.horizonYear);
    meta.set('startYear', seed.startYear);
    meta.set('createdAt', seed.createdAt);
    if (seed.templateId) meta.set('templateId', seed.templateId);
    seed.teams.forEach((team, position) => addTeamInTransaction(doc, team, position));
  }, Origin.server);
}

function addTeamInTransaction(doc: Y.Doc, team: TeamInfo, position: number): void {
  const entry = new Y.Map<unknown>();
  entry.set('name', team.name);
  entry.set('color', TEAM_COLORS[position % TEAM_COLORS.length]!);
  entry.set('position', position);
  sessionTeamsMap(doc).set(team.teamId, entry);
}
