/**
 * Mentors' and teams' feedback in the session document (room `session:<sessionId>`, see `yjs/sessionDoc.ts`): comment
 * threads on notes and initiatives, and initiative reviews. Written only by the server after a feedback request
 * passed its checks (origin `facilitator`); every client of the session reads it.
 *
 * Layout (root keys, created lazily, so sessions made before them read as empty):
 *   threads: Y.Map<threadId, JSON CommentThread>
 *     { id, teamId, target: { kind: 'note' | 'initiative', id }, createdAt,
 *       comments: [{ id, authorId, authorName, role, text, at }],   — oldest first, the first one opened the thread
 *       resolved: { by, at } | null }                                 — `by` is the name of who resolved it
 *   reviews: Y.Map<`${teamId}:${initiativeId}`, JSON InitiativeReview>
 *     { verdict: 'approved' | 'changesRequested', comment, byName, byId, at,
 *       history: [earlier reviews without their own history, newest last, at most REVIEW_HISTORY_MAX] }
 *
 * Why the session document and not the team's: a team room is written by the team itself, so anything there could be
 * forged or erased by a participant; the server alone writes here, and it takes the author from the token.
 * Values are plain JSON (not nested Y types): the server replaces them whole. Readers still default and clamp,
 * because a document is data and data can be old or odd.
 */
import type * as Y from 'yjs';
import { Roles } from '../model/roles.js';
import type { Role } from '../model/roles.js';

export const FeedbackKeys = { threads: 'threads', reviews: 'reviews' } as const;

export const CommentTargetKinds = ['note', 'initiative'] as const;
export type CommentTargetKind = (typeof CommentTargetKinds)[number];

export const ReviewVerdicts = ['approved', 'changesRequested'] as const;
export type ReviewVerdict = (typeof ReviewVerdicts)[number];

/** How many earlier reviews an initiative keeps. */
export const REVIEW_HISTORY_MAX = 20;

export interface CommentTarget {
  kind: CommentTargetKind;
  id: string;
}

export interface Comment {
  id: string;
  authorId: string;
  authorName: string;
  role: Role;
  text: string;
  /** Server epoch ms. */
  at: number;
}

export interface ThreadResolution {
  by: string;
  at: number;
}

export interface CommentThread {
  id: string;
  teamId: string;
  target: CommentTarget;
  createdAt: number;
  comments: Comment[];
  resolved: ThreadResolution | null;
}

export interface ReviewEntry {
  verdict: ReviewVerdict;
  comment: string;
  byName: string;
  byId: string;
  at: number;
}

export interface InitiativeReview extends ReviewEntry {
  history: ReviewEntry[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const oneOf = <T extends string>(values: readonly T[], value: unknown, fallback: T): T =>
  values.includes(value as T) ? (value as T) : fallback;

function threadsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(FeedbackKeys.threads);
}

function reviewsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(FeedbackKeys.reviews);
}

export const reviewKey = (teamId: string, initiativeId: string): string => `${teamId}:${initiativeId}`;

function readComment(value: unknown): Comment | null {
  if (!isRecord(value)) return null;
  const id = str(value.id);
  if (!id) return null;
  return {
    id,
    authorId: str(value.authorId),
    authorName: str(value.authorName),
    role: oneOf(Roles, value.role, 'participant'),
    text: str(value.text),
    at: num(value.at),
  };
}

function readThread(id: string, value: unknown): CommentThread | null {
  if (!isRecord(value) || !isRecord(value.target)) return null;
  const teamId = str(value.teamId);
  const targetId = str(value.target.id);
  if (!teamId || !targetId || !CommentTargetKinds.includes(value.target.kind as CommentTargetKind)) return null;
  const comments = Array.isArray(value.comments) ? value.comments.map(readComment).filter((c) => c !== null) : [];
  if (comments.length === 0) return null;
  const resolved = isRecord(value.resolved) ? { by: str(value.resolved.by), at: num(value.resolved.at) } : null;
  return {
    id,
    teamId,
    target: { kind: value.target.kind as CommentTargetKind, id: targetId },
    createdAt: num(value.createdAt),
    comments,
    resolved,
  };
}

/** Threads, oldest first; only the team's when `teamId` is given. */
export function readThreads(doc: Y.Doc, teamId?: string): CommentThread[] {
  const out: CommentThread[] = [];
  threadsMap(doc).forEach((value, id) => {
    const thread = readThread(id, value);
    if (thread && (teamId === undefined || thread.teamId === teamId)) out.push(thread);
  });
  return out.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export function readThreadById(doc: Y.Doc, threadId: string): CommentThread | null {
  return readThread(threadId, threadsMap(doc).get(threadId));
}

/** The threads on one note or initiative of a team, oldest first. */
export function threadsFor(doc: Y.Doc, teamId: string, target: CommentTarget): CommentThread[] {
  return readThreads(doc, teamId).filter((t) => t.target.kind === target.kind && t.target.id === target.id);
}

/** How many threads a team has in the document, resolved ones included (the cap counts them all). */
export function countThreads(doc: Y.Doc, teamId: string): number {
  let count = 0;
  threadsMap(doc).forEach((value) => {
    if (isRecord(value) && value.teamId === teamId) count++;
  });
  return count;
}

/** Open threads per target, keyed `${kind}:${id}`: what the badges on notes and initiatives count. */
export function openThreadCounts(threads: readonly CommentThread[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const thread of threads) {
    if (thread.resolved) continue;
    const key = targetKey(thread.target);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export const targetKey = (target: CommentTarget): string => `${target.kind}:${target.id}`;

function readEntry(value: unknown): ReviewEntry | null {
  if (!isRecord(value) || !ReviewVerdicts.includes(value.verdict as ReviewVerdict)) return null;
  return {
    verdict: value.verdict as ReviewVerdict,
    comment: str(value.comment),
    byName: str(value.byName),
    byId: str(value.byId),
    at: num(value.at),
  };
}

function readReviewValue(value: unknown): InitiativeReview | null {
  const entry = readEntry(value);
  if (!entry || !isRecord(value)) return null;
  const history = Array.isArray(value.history) ? value.history.map(readEntry).filter((e) => e !== null) : [];
  return { ...entry, history: history.slice(-REVIEW_HISTORY_MAX) };
}

export function readReview(doc: Y.Doc, teamId: string, initiativeId: string): InitiativeReview | null {
  return readReviewValue(reviewsMap(doc).get(reviewKey(teamId, initiativeId)));
}

/** Every review, keyed `${teamId}:${initiativeId}` (`reviewKey`). */
export function readReviews(doc: Y.Doc): Record<string, InitiativeReview> {
  const out: Record<string, InitiativeReview> = {};
  reviewsMap(doc).forEach((value, key) => {
    const review = readReviewValue(value);
    if (review) out[key] = review;
  });
  return out;
}

// Mutators: the server's, each called inside its own transaction with origin `facilitator`.

export function writeThread(doc: Y.Doc, thread: CommentThread): void {
  threadsMap(doc).set(thread.id, {
    id: thread.id,
    teamId: thread.teamId,
    target: { kind: thread.target.kind, id: thread.target.id },
    createdAt: thread.createdAt,
    comments: thread.comments.map((c) => ({ ...c })),
    resolved: thread.resolved ? { ...thread.resolved } : null,
  });
}

/** Records a review; the one it replaces moves into the history, which keeps the latest REVIEW_HISTORY_MAX. */
export function writeReview(doc: Y.Doc, teamId: string, initiativeId: string, entry: ReviewEntry): void {
  const before = readReview(doc, teamId, initiativeId);
  const history = before ? [...before.history, stripHistory(before)].slice(-REVIEW_HISTORY_MAX) : [];
  reviewsMap(doc).set(reviewKey(teamId, initiativeId), {
    verdict: entry.verdict,
    comment: entry.comment,
    byName: entry.byName,
    byId: entry.byId,
    at: entry.at,
    history: history.map((e) => ({ ...e })),
  });
}

function stripHistory(review: InitiativeReview): ReviewEntry {
  const { history: _history, ...entry } = review;
  return entry;
}
