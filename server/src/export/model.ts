/**
 * The export model: a whole session (or one team of it) as plain, sanitised values, read from scratch copies of the
 * rooms and the store. Every renderer works from this one model, and the JSON export *is* this model, so a later
 * import reads exactly what the documents were made from.
 *
 * Versioned: `format` and `version` let an importer refuse what it does not understand. Rich text (the vision and
 * initiative descriptions) is kept as ProseMirror JSON, the editors' own format.
 *
 * Version 2 added mentors' reviews and comment threads (`ExportInitiative.review`, `.threads`, `ExportNote.threads`);
 * the importer still reads version 1 files, which simply have none.
 */
import type { LinkSnapshot, NoteSnapshot, SectionSnapshot } from '@horizon/shared/board';
import type { Initiative } from '@horizon/shared/initiatives';
import type { ReviewVerdict } from '@horizon/shared/feedback';
import type { Role } from '@horizon/shared';
import type { Lane, TimeMapCard, TimeMapLink } from '@horizon/shared/timemap';

export const EXPORT_FORMAT = 'horizon-session';
export const EXPORT_VERSION = 2;
/** Versions the importer reads: the fields version 2 added are ones it ignores anyway. */
export const IMPORTABLE_VERSIONS: readonly number[] = [1, 2];

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

/** One comment of a thread. Dates are ISO strings ('' when the document had none). */
export interface ExportComment {
  authorName: string;
  role: Role;
  text: string;
  at: string;
}

/** A comment thread on a note or an initiative, as the session document holds it (oldest comment first). */
export interface ExportThread {
  id: string;
  createdAt: string;
  comments: ExportComment[];
  /** Who closed the discussion and when; null while it is open. */
  resolved: { by: string; at: string } | null;
}

/** An initiative's latest review, and how many came before it (`history`, oldest first, is not exported). */
export interface ExportReview {
  verdict: ReviewVerdict;
  comment: string;
  byName: string;
  at: string;
  earlierReviews: number;
}

export interface ExportNote extends NoteSnapshot {
  /** The section the note lies in (its centre inside the section), or null for notes outside every section. */
  sectionId: string | null;
  threads: ExportThread[];
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
  /** The latest mentor's (or facilitator's) verdict, or null before any. */
  review: ExportReview | null;
  threads: ExportThread[];
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
