/**
 * Mentors' reviews and comment threads for the export model. They live in the session document (written by the
 * server, see `@horizon/shared/feedback`), keyed by team and target, while the model hangs them on the notes and
 * initiatives they are about: read once per export, then looked up per team.
 */
import type * as Y from 'yjs';
import { readReviews, readThreads, reviewKey, targetKey } from '@horizon/shared/feedback';
import type { CommentTargetKind, CommentThread, InitiativeReview } from '@horizon/shared/feedback';
import type { ExportReview, ExportThread } from './model.js';

/** Epoch ms as ISO; '' for a missing or impossible date (a document is data, and data can be odd). */
export function isoOf(ms: number): string {
  return Number.isFinite(ms) && ms > 0 && ms <= 8.64e15 ? new Date(ms).toISOString() : '';
}

function exportThread(thread: CommentThread): ExportThread {
  return {
    id: thread.id,
    createdAt: isoOf(thread.createdAt),
    comments: thread.comments.map((c) => ({ authorName: c.authorName, role: c.role, text: c.text, at: isoOf(c.at) })),
    resolved: thread.resolved ? { by: thread.resolved.by, at: isoOf(thread.resolved.at) } : null,
  };
}

function exportReview(review: InitiativeReview): ExportReview {
  return {
    verdict: review.verdict,
    comment: review.comment,
    byName: review.byName,
    at: isoOf(review.at),
    earlierReviews: review.history.length,
  };
}

export class SessionFeedback {
  /** Threads by `${teamId} ${kind}:${id}`, oldest first. */
  readonly #threads = new Map<string, ExportThread[]>();
  readonly #reviews: Record<string, InitiativeReview>;

  constructor(sessionDoc: Y.Doc) {
    for (const thread of readThreads(sessionDoc)) {
      const key = `${thread.teamId} ${targetKey(thread.target)}`;
      const list = this.#threads.get(key);
      if (list) list.push(exportThread(thread));
      else this.#threads.set(key, [exportThread(thread)]);
    }
    this.#reviews = readReviews(sessionDoc);
  }

  threads(teamId: string, kind: CommentTargetKind, id: string): ExportThread[] {
    return this.#threads.get(`${teamId} ${targetKey({ kind, id })}`) ?? [];
  }

  review(teamId: string, initiativeId: string): ExportReview | null {
    const review = this.#reviews[reviewKey(teamId, initiativeId)];
    return review ? exportReview(review) : null;
  }
}
