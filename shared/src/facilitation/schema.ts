/**
 * The facilitator's part of the session document (room `session:<sessionId>`, see `yjs/sessionDoc.ts`). Written
 * only by the server after a facilitator command passed validation (origin `facilitator`); every client reads it.
 *
 * Layout (root keys, created lazily, so sessions made before them read as the defaults below):
 *   agenda:    Y.Map
 *     stages:          JSON Array<{ id, title, minutes, tab }>   tab ∈ WorkspaceTabs; seeded from the template
 *     currentStageId:  string | null
 *   timer:     Y.Map
 *     status:       'idle' | 'running' | 'paused'
 *     endsAt:       number   — server epoch ms; meaningful while running (clients correct skew with GET /api/time)
 *     remainingMs:  number   — meaningful while paused
 *     durationMs:   number   — what was started, plus added minutes
 *   projector: Y.Map
 *     focus:  JSON { kind, teamId?, roundId? }                  — default { kind: 'join' }
 *   locks:     Y.Map
 *     all:    boolean                                           — every team room is read-only for its team
 *     teams:  JSON { [teamId]: true }
 *   readiness: Y.Map<`${stageId}:${teamId}`, JSON { ready, by, at }>   — `by` is the name of who marked it
 *   voting:    Y.Map<roundId, JSON VotingRound>
 *     — public state only: the ballots live in the server's store. `results` is written once, on reveal; before
 *       that nothing about counts is in any document.
 *
 * Values are plain JSON (not nested Y types): the server replaces them whole, and nobody else writes here.
 * Readers still default and clamp, because a document is data and data can be old or odd.
 */
import type * as Y from 'yjs';
import { WorkspaceTabs } from '../templates/types.js';
import type { WorkspaceTab } from '../templates/types.js';

export const FacilitationKeys = {
  agenda: 'agenda',
  timer: 'timer',
  projector: 'projector',
  locks: 'locks',
  readiness: 'readiness',
  voting: 'voting',
} as const;

export interface AgendaStage {
  id: string;
  title: string;
  minutes: number;
  tab: WorkspaceTab;
}

export interface Agenda {
  stages: AgendaStage[];
  currentStageId: string | null;
}

export const TimerStatuses = ['idle', 'running', 'paused'] as const;
export type TimerStatus = (typeof TimerStatuses)[number];

export interface TimerState {
  status: TimerStatus;
  endsAt: number;
  remainingMs: number;
  durationMs: number;
}

export const ProjectorFocusKinds = ['join', 'timer', 'voting', 'board', 'vision', 'timemap', 'roadmap'] as const;
export type ProjectorFocusKind = (typeof ProjectorFocusKinds)[number];

export interface ProjectorFocus {
  kind: ProjectorFocusKind;
  teamId?: string;
  roundId?: string;
}

export interface Locks {
  all: boolean;
  teams: Record<string, true>;
}

export interface Readiness {
  ready: boolean;
  by: string;
  at: number;
}

export const VotingTargets = ['notes', 'initiatives'] as const;
export type VotingTarget = (typeof VotingTargets)[number];
export const VotingScopes = ['own', 'all'] as const;
export type VotingScope = (typeof VotingScopes)[number];
export const VotingStatuses = ['open', 'closed', 'revealed'] as const;
export type VotingStatus = (typeof VotingStatuses)[number];

export interface VotingResult {
  teamId: string;
  itemId: string;
  label: string;
  votes: number;
  /** Names of who voted for the item, each once, in the order of their first vote; absent for anonymous rounds. */
  voters?: string[];
}

export interface VotingRound {
  id: string;
  title: string;
  target: VotingTarget;
  scope: VotingScope;
  votesPerPerson: number;
  anonymous: boolean;
  status: VotingStatus;
  /** Server epoch ms. */
  openedAt: number;
  /** Only once revealed, most votes first. */
  results?: VotingResult[];
}

export const IDLE_TIMER: TimerState = { status: 'idle', endsAt: 0, remainingMs: 0, durationMs: 0 };
export const DEFAULT_FOCUS: ProjectorFocus = { kind: 'join' };

function map(doc: Y.Doc, key: keyof typeof FacilitationKeys): Y.Map<unknown> {
  return doc.getMap(FacilitationKeys[key]);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const oneOf = <T extends string>(values: readonly T[], value: unknown, fallback: T): T =>
  values.includes(value as T) ? (value as T) : fallback;

export function readAgenda(doc: Y.Doc): Agenda {
  const agenda = map(doc, 'agenda');
  const raw = agenda.get('stages');
  const stages: AgendaStage[] = Array.isArray(raw)
    ? raw.filter(isRecord).flatMap((s) => {
        const id = str(s.id);
        if (!id) return [];
        return [
          { id, title: str(s.title), minutes: Math.max(0, num(s.minutes)), tab: oneOf(WorkspaceTabs, s.tab, 'board') },
        ];
      })
    : [];
  const current = agenda.get('currentStageId');
  return {
    stages,
    currentStageId: typeof current === 'string' && stages.some((s) => s.id === current) ? current : null,
  };
}

/** Whether the document carries an agenda at all (sessions made before agendas do not). */
export function hasAgenda(doc: Y.Doc): boolean {
  return Array.isArray(map(doc, 'agenda').get('stages'));
}

export function readTimer(doc: Y.Doc): TimerState {
  const timer = map(doc, 'timer');
  const status = oneOf(TimerStatuses, timer.get('status'), 'idle');
  return {
    status,
    endsAt: num(timer.get('endsAt')),
    remainingMs: Math.max(0, num(timer.get('remainingMs'))),
    durationMs: Math.max(0, num(timer.get('durationMs'))),
  };
}

export function readProjectorFocus(doc: Y.Doc): ProjectorFocus {
  const raw = map(doc, 'projector').get('focus');
  if (!isRecord(raw) || !ProjectorFocusKinds.includes(raw.kind as ProjectorFocusKind)) return { ...DEFAULT_FOCUS };
  return {
    kind: raw.kind as ProjectorFocusKind,
    ...(typeof raw.teamId === 'string' ? { teamId: raw.teamId } : {}),
    ...(typeof raw.roundId === 'string' ? { roundId: raw.roundId } : {}),
  };
}

export function readLocks(doc: Y.Doc): Locks {
  const locks = map(doc, 'locks');
  const raw = locks.get('teams');
  const teams: Record<string, true> = {};
  if (isRecord(raw)) for (const [teamId, locked] of Object.entries(raw)) if (locked === true) teams[teamId] = true;
  return { all: locks.get('all') === true, teams };
}

export function isTeamLocked(locks: Locks, teamId: string): boolean {
  return locks.all || locks.teams[teamId] === true;
}

export const readinessKey = (stageId: string, teamId: string): string => `${stageId}:${teamId}`;

/** Every readiness mark, keyed `${stageId}:${teamId}`. */
export function readReadiness(doc: Y.Doc): Record<string, Readiness> {
  const out: Record<string, Readiness> = {};
  map(doc, 'readiness').forEach((value, key) => {
    if (isRecord(value)) out[key] = { ready: value.ready === true, by: str(value.by), at: num(value.at) };
  });
  return out;
}

function readResult(value: unknown): VotingResult | null {
  if (!isRecord(value)) return null;
  const teamId = str(value.teamId);
  const itemId = str(value.itemId);
  if (!teamId || !itemId) return null;
  return {
    teamId,
    itemId,
    label: str(value.label),
    votes: Math.max(0, Math.floor(num(value.votes))),
    ...(Array.isArray(value.voters) ? { voters: value.voters.filter((v): v is string => typeof v === 'string') } : {}),
  };
}

function readRound(id: string, value: unknown): VotingRound | null {
  if (!isRecord(value)) return null;
  const status = oneOf(VotingStatuses, value.status, 'closed');
  const results = Array.isArray(value.results) ? value.results.map(readResult).filter((r) => r !== null) : null;
  return {
    id,
    title: str(value.title),
    target: oneOf(VotingTargets, value.target, 'notes'),
    scope: oneOf(VotingScopes, value.scope, 'all'),
    votesPerPerson: Math.max(1, Math.floor(num(value.votesPerPerson))),
    anonymous: value.anonymous !== false,
    status,
    openedAt: num(value.openedAt),
    ...(status === 'revealed' && results ? { results } : {}),
  };
}

/** Voting rounds, oldest first. */
export function readVotingRounds(doc: Y.Doc): VotingRound[] {
  const rounds: VotingRound[] = [];
  map(doc, 'voting').forEach((value, id) => {
    const round = readRound(id, value);
    if (round) rounds.push(round);
  });
  return rounds.sort((a, b) => a.openedAt - b.openedAt || a.id.localeCompare(b.id));
}

export function readVotingRound(doc: Y.Doc, roundId: string): VotingRound | null {
  return readRound(roundId, map(doc, 'voting').get(roundId));
}

// Mutators: the server's, each called inside its own transaction with origin `facilitator` (or `server` on seed).

export function writeAgendaStages(doc: Y.Doc, stages: readonly AgendaStage[]): void {
  map(doc, 'agenda').set(
    'stages',
    stages.map((s) => ({ ...s })),
  );
}

export function setCurrentStage(doc: Y.Doc, stageId: string | null): void {
  map(doc, 'agenda').set('currentStageId', stageId);
}

export function writeTimer(doc: Y.Doc, timer: TimerState): void {
  const target = map(doc, 'timer');
  target.set('status', timer.status);
  target.set('endsAt', timer.endsAt);
  target.set('remainingMs', timer.remainingMs);
  target.set('durationMs', timer.durationMs);
}

export function setProjectorFocus(doc: Y.Doc, focus: ProjectorFocus): void {
  map(doc, 'projector').set('focus', {
    kind: focus.kind,
    ...(focus.teamId !== undefined ? { teamId: focus.teamId } : {}),
    ...(focus.roundId !== undefined ? { roundId: focus.roundId } : {}),
  });
}

export function writeLocks(doc: Y.Doc, locks: Locks): void {
  const target = map(doc, 'locks');
  target.set('all', locks.all);
  target.set('teams', { ...locks.teams });
}

export function setReadiness(doc: Y.Doc, stageId: string, teamId: string, value: Readiness): void {
  map(doc, 'readiness').set(readinessKey(stageId, teamId), { ...value });
}

export function writeVotingRound(doc: Y.Doc, round: VotingRound): void {
  const { id, results, ...rest } = round;
  // Results are published only with the reveal, whatever the caller passes.
  map(doc, 'voting').set(id, {
    ...rest,
    ...(round.status === 'revealed' && results ? { results: results.map((r) => ({ ...r })) } : {}),
  });
}
