/**
 * The export model: a whole session (or one team of it) as plain, sanitised values, read from scratch copies of the
 * rooms and the store. Every renderer works from this one model, and the JSON export *is* this model, so a later
 * import reads exactly what the documents were made from.
 *
 * Versioned: `format` and `version` let an importer refuse what it does not understand. Rich text (the vision and
 * initiative descriptions) is kept as ProseMirror JSON, the editors' own format.
 */
import type { LinkSnapshot, NoteSnapshot, SectionSnapshot } from '@horizon/shared/board';
import type { Initiative } from '@horizon/shared/initiatives';
import type { Lane, TimeMapCard, TimeMapLink } from '@horizon/shared/timemap';

export const EXPORT_FORMAT = 'horizon-session';
export const EXPORT_VERSION = 1;

/** A ProseMirror document as JSON (`{ type: 'doc', content: [...] }`). */
export interface RichTextJson {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RichTextJson[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

export interface AgendaStage {
  id: string;
  title: string;
  minutes: number;
  tab: string;
}

export interface PersonRef {
  participantId: string;
  name: string;
}

export interface ExportNote extends NoteSnapshot {
  /** The section the note lies in (its centre inside the section), or null for notes outside every section. */
  sectionId: string | null;
}

export interface ExportBoard {
  sections: SectionSnapshot[];
  notes: ExportNote[];
  links: LinkSnapshot[];
}

export interface ExportTimeMap {
  /** Every year of the map's columns, from the session's start to its horizon. */
  years: number[];
  lanes: Lane[];
  cards: TimeMapCard[];
  links: TimeMapLink[];
}

export interface ExportInitiative extends Initiative {
  description: RichTextJson | null;
}

export interface ExportTeam {
  teamId: string;
  name: string;
  color: string;
  motto: string;
  participants: PersonRef[];
  mentors: PersonRef[];
  board: ExportBoard;
  vision: RichTextJson | null;
  timeMap: ExportTimeMap;
  initiatives: ExportInitiative[];
}

export interface VotingResult {
  /** What was voted for: a note, an initiative, a team… (`''` when the round did not say). */
  targetId: string;
  label: string;
  votes: number;
  /** The team the item belongs to, when the round says. */
  team?: string;
  /** Who voted for it (rounds that are not anonymous). */
  voters?: string[];
}

export interface VotingRound {
  id: string;
  title: string;
  results: VotingResult[];
}

export interface ExportScope {
  kind: 'session' | 'team';
  teamId?: string;
}

export interface ExportModel {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  scope: ExportScope;
  session: {
    sessionId: string;
    title: string;
    horizonYear: number;
    startYear: number;
    createdAt: string;
    templateId: string;
  };
  agenda: { startsAt: string | null; stages: AgendaStage[] };
  teams: ExportTeam[];
  voting: VotingRound[];
}
