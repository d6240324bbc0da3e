/**
 * Builds the export model from scratch copies of the rooms (never the live documents: converting a fragment to
 * ProseMirror deletes schema-invalid nodes, and on a live doc that deletion would be broadcast) and the store's
 * records of teams and people.
 *
 * The agenda and voting keys of the session document belong to the facilitation feature, which may still be
 * changing: they are read defensively, as untyped JSON, and anything unexpected is left out rather than failing
 * the export.
 */
import * as Y from 'yjs';
import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { StarterKit } from '@tiptap/starter-kit';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { readSessionMeta, readSessionTeams, readTeamMotto } from '@horizon/shared';
import { listLinks, listNotes, listSections, sectionOfNote } from '@horizon/shared/board';
import { initiativeDescription, readInitiatives } from '@horizon/shared/initiatives';
import { readTimeMap, yearRangeOf, yearsOf } from '@horizon/shared/timemap';
import { VISION_FIELD, isSafeHref, visionExtensions } from '@horizon/shared/vision';
import type { ParticipantRecord, SessionRecord, TeamRecord } from '../persistence/Store.js';
import { SessionFeedback } from './feedback.js';
import { EXPORT_FORMAT, EXPORT_VERSION } from './model.js';
import type {
  AgendaStage,
  ExportModel,
  ExportScope,
  ExportTeam,
  ExportThread,
  ExportTimeMap,
  RichTextJson,
  VotingResult,
  VotingRound,
} from './model.js';
import { cleanDeep } from './sanitize.js';

export interface ModelSources {
  session: SessionRecord;
  /** The teams to export, in display order (one for a team export). */
  teams: readonly TeamRecord[];
  participants: readonly ParticipantRecord[];
  /** Scratch copy of `session:<id>`. */
  sessionDoc: Y.Doc;
  /** Scratch copies of the exported teams' rooms, by team id. */
  teamDocs: ReadonlyMap<string, Y.Doc>;
  scope: ExportScope;
  now?: Date;
}

/** The editors' schemas (immutable, so built once): the vision's, and StarterKit as the description editor runs it. */
const VISION_SCHEMA: Schema = getSchema(visionExtensions());
const DESCRIPTION_SCHEMA: Schema = getSchema([StarterKit.configure({ undoRedo: false })]);

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/** What every team's part needs from the session: its years and the teams' colours. */
export interface SessionFrame {
  title: string;
  horizonYear: number;
  startYear: number;
  colors: ReadonlyMap<string, string>;
  /** Reviews and comment threads of every team, hung on their notes and initiatives as each team is read. */
  feedback: SessionFeedback;
}

export function sessionFrame(session: SessionRecord, sessionDoc: Y.Doc): SessionFrame {
  const meta = readSessionMeta(sessionDoc);
  const horizonYear = meta?.horizonYear || session.horizonYear;
  const range = yearRangeOf({ createdAt: session.createdAt, horizonYear });
  const startYear = meta?.startYear && meta.startYear <= horizonYear ? meta.startYear : range.startYear;
  const colors = new Map(readSessionTeams(sessionDoc).map((t) => [t.teamId, t.color ?? '']));
  return {
    title: meta?.title || session.title,
    horizonYear,
    startYear,
    colors,
    feedback: new SessionFeedback(sessionDoc),
  };
}

/** One team's part of the model, sanitised part by part (the same object as sanitising the whole team at once). */
export function readExportTeam(
  frame: SessionFrame,
  team: TeamRecord,
  doc: Y.Doc,
  participants: readonly ParticipantRecord[],
): ExportTeam {
  const color = frame.colors.get(team.teamId) ?? '';
  const head = cleanDeep({
    teamId: team.teamId,
    name: team.name,
    color: HEX_COLOR.test(color) ? color : '#2f6fde',
    motto: readTeamMotto(doc),
    participants: participants
      .filter((p) => p.role === 'participant' && p.teamId === team.teamId)
      .map((p) => ({ participantId: p.participantId, name: p.name })),
    mentors: participants
      .filter((p) => p.role === 'mentor' && p.mentorOf?.includes(team.teamId))
      .map((p) => ({ participantId: p.participantId, name: p.name })),
  });
  const board = cleanDeep(readBoard(doc, (noteId) => frame.feedback.threads(team.teamId, 'note', noteId)));
  const vision = cleanDeep(fragmentJson(doc.getXmlFragment(VISION_FIELD), VISION_SCHEMA));
  const timeMap = cleanDeep(readExportTimeMap(doc, frame.startYear, frame.horizonYear));
  const initiatives = readInitiatives(doc).map((initiative) => {
    const fragment = initiativeDescription(doc, initiative.id);
    return cleanDeep({
      ...initiative,
      description: fragment ? fragmentJson(fragment, DESCRIPTION_SCHEMA) : null,
      review: frame.feedback.review(team.teamId, initiative.id),
      threads: frame.feedback.threads(team.teamId, 'initiative', initiative.id),
    });
  });
  return { ...head, board, vision, timeMap, initiatives };
}

/** The model around teams already read (`readExportTeam`). */
export function assembleModel(
  frame: SessionFrame,
  src: Pick<ModelSources, 'session' | 'sessionDoc' | 'scope' | 'now'>,
  teams: ExportTeam[],
): ExportModel {
  const rest = cleanDeep({
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: (src.now ?? new Date()).toISOString(),
    scope: src.scope,
    session: {
      sessionId: src.session.sessionId,
      title: frame.title,
      horizonYear: frame.horizonYear,
      startYear: frame.startYear,
      createdAt: src.session.createdAt,
      templateId: src.session.templateId,
    },
    agenda: readAgenda(src.sessionDoc),
    voting: readVoting(src.sessionDoc, labelsOf(teams)),
  } as const);
  const { voting, ...head } = rest;
  // The JSON export keeps its key order: teams before voting.
  return { ...head, teams, voting };
}

export function buildExportModel(src: ModelSources): ExportModel {
  const frame = sessionFrame(src.session, src.sessionDoc);
  const teams = src.teams.map((team) =>
    readExportTeam(frame, team, src.teamDocs.get(team.teamId) ?? new Y.Doc(), src.participants),
  );
  return assembleModel(frame, src, teams);
}

function readBoard(doc: Y.Doc, threadsOf: (noteId: string) => ExportThread[]): ExportTeam['board'] {
  const sections = listSections(doc);
  const notes = listNotes(doc).map((note) => ({
    ...note,
    sectionId: sectionOfNote(note, sections)?.id ?? null,
    threads: threadsOf(note.id),
  }));
  return { sections, notes, links: listLinks(doc) };
}

function readExportTimeMap(doc: Y.Doc, startYear: number, horizonYear: number): ExportTimeMap {
  const map = readTimeMap(doc);
  // Cards outside the session's years (an older range, a hostile peer) widen the table within reason.
  const sane = map.cards.map((c) => c.year).filter((y) => Number.isInteger(y) && y >= 1900 && y <= 2200);
  const first = Math.min(startYear, ...sane);
  const last = Math.max(horizonYear, ...sane);
  const years =
    last - first <= 200 ? yearsOf({ startYear: first, endYear: last }) : yearsOf({ startYear, endYear: horizonYear });
  const yearSet = new Set(years);
  return { years, lanes: map.lanes, cards: map.cards.filter((c) => yearSet.has(c.year)), links: map.links };
}

/**
 * ProseMirror JSON of a Tiptap fragment. Runs on a scratch copy only: the conversion deletes nodes the schema does
 * not allow. A fragment the binding cannot read (hostile nesting) exports as no text rather than failing the report.
 */
function fragmentJson(fragment: Y.XmlFragment, schema: Schema): RichTextJson | null {
  if (fragment.length === 0) return null;
  try {
    return withSafeLinks(yXmlFragmentToProseMirrorRootNode(fragment, schema).toJSON() as RichTextJson);
  } catch {
    return null;
  }
}

/**
 * Drops link marks whose target is not `isSafeHref` (the editor refuses them, but a peer can write any attribute),
 * so no export — the JSON included — carries a `javascript:` link for another tool to follow.
 */
function withSafeLinks(doc: RichTextJson): RichTextJson {
  const stack: RichTextJson[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (Array.isArray(node.marks)) {
      node.marks = node.marks.filter((mark) => mark.type !== 'link' || isSafeHref(mark.attrs?.href));
      if (node.marks.length === 0) delete node.marks;
    }
    if (Array.isArray(node.content)) stack.push(...node.content);
  }
  return doc;
}

function record(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

/** A root type of the session doc as JSON, or undefined when absent or of an unexpected kind. */
function rootJson(doc: Y.Doc, key: string): Record<string, unknown> | undefined {
  if (!doc.share.has(key)) return undefined;
  try {
    return record(doc.getMap(key).toJSON()) ?? undefined;
  } catch {
    // Defined with another constructor (not a Y.Map): not a shape this export knows.
    return undefined;
  }
}

/** `agenda.stages`: a JSON array (or its JSON string) of `{ id, title, minutes, tab }`. */
function readAgenda(doc: Y.Doc): ExportModel['agenda'] {
  const agenda = rootJson(doc, 'agenda');
  if (!agenda) return { startsAt: null, stages: [] };
  let raw = agenda.stages;
  if (typeof raw === 'string') {
    try {
      raw = JSON.parse(raw);
    } catch {
      raw = [];
    }
  }
  const stages: AgendaStage[] = (Array.isArray(raw) ? raw : []).slice(0, 500).flatMap((item, index) => {
    const stage = record(item);
    if (!stage) return [];
    const minutes = Number(stage.minutes);
    return [
      {
        id: text(stage.id) || String(index + 1),
        title: text(stage.title),
        minutes: Number.isFinite(minutes) && minutes >= 0 && minutes <= 24 * 60 ? Math.round(minutes) : 0,
        tab: text(stage.tab),
      },
    ];
  });
  const startsAt = text(agenda.startsAt ?? agenda.startAt ?? agenda.startTime) || null;
  return { startsAt, stages };
}

/** Ids of everything a vote can be about → what people call it. */
function labelsOf(teams: readonly ExportTeam[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const team of teams) {
    labels.set(team.teamId, team.name);
    for (const note of team.board.notes) labels.set(note.id, note.text);
    for (const section of team.board.sections) labels.set(section.id, section.title);
    for (const initiative of team.initiatives) labels.set(initiative.id, initiative.title);
  }
  return labels;
}

/**
 * `voting`: rounds (a map of id → round as the facilitation schema writes it, or an array, or under `rounds`), each
 * with `results` once revealed. Results may be an array of `{ teamId, itemId, label, votes, voters? }` (or
 * `targetId`/`id`, `title`, `count`) or a map of target id → count. Rounds
 * without results (not revealed yet) are left out: only published aggregates belong in a report.
 */
function readVoting(doc: Y.Doc, labels: ReadonlyMap<string, string>): VotingRound[] {
  const voting = rootJson(doc, 'voting');
  if (!voting) return [];
  const container = voting.rounds ?? voting;
  const rounds: [string, unknown][] = Array.isArray(container)
    ? container.map((round, i) => [text(record(round)?.id) || String(i + 1), round])
    : Object.entries(record(container) ?? {});
  const out: VotingRound[] = [];
  for (const [id, value] of rounds.slice(0, 200)) {
    const round = record(value);
    if (!round || round.results === undefined || round.results === null) continue;
    // Results are published on reveal; anything else with results in it is not for a report.
    if (round.status !== undefined && round.status !== 'revealed') continue;
    const results = readResults(round.results, labels);
    out.push({
      id,
      title: text(round.title ?? round.question ?? round.name) || `${out.length + 1}`,
      results,
    });
  }
  return out;
}

function readResults(raw: unknown, labels: ReadonlyMap<string, string>): VotingResult[] {
  const entries: [string, unknown][] = Array.isArray(raw)
    ? raw.map((item) => [text(record(item)?.itemId ?? record(item)?.targetId ?? record(item)?.id), item])
    : Object.entries(record(raw) ?? {});
  const results: VotingResult[] = [];
  for (const [targetId, value] of entries.slice(0, 2000)) {
    const item = record(value);
    const votes = Number(item ? (item.votes ?? item.count ?? item.total ?? item.points) : value);
    if (!Number.isFinite(votes)) continue;
    const label = text(item?.label ?? item?.title ?? item?.text ?? item?.name) || labels.get(targetId) || targetId;
    const teamId = text(item?.teamId);
    const voters = Array.isArray(item?.voters) ? item.voters.filter((v): v is string => typeof v === 'string') : [];
    results.push({
      targetId,
      label,
      votes,
      ...(teamId ? { team: labels.get(teamId) ?? '' } : {}),
      ...(voters.length > 0 ? { voters: voters.slice(0, 500) } : {}),
    });
  }
  return results.sort((a, b) => b.votes - a.votes || a.label.localeCompare(b.label, 'ru'));
}
