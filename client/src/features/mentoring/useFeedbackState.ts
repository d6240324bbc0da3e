/** Live views of the feedback part of the session document (`@horizon/shared/feedback`). */
import {
  readReviews,
  readThreads,
  type CommentTarget,
  type CommentThread,
  type InitiativeReview,
} from '@horizon/shared/feedback';
import { useCallback } from 'react';
import type * as Y from 'yjs';
import { useDocValue } from '../../collab/hooks';

type MaybeDoc = Y.Doc | null | undefined;

const NO_THREADS: CommentThread[] = [];
const NO_REVIEWS: Record<string, InitiativeReview> = {};

/** A team's threads, oldest first. */
export function useTeamThreads(doc: MaybeDoc, teamId: string): CommentThread[] {
  const read = useCallback((d: Y.Doc) => readThreads(d, teamId), [teamId]);
  return useDocValue(doc, read, NO_THREADS);
}

/** The threads on one note or initiative, oldest first. */
export function useTargetThreads(doc: MaybeDoc, teamId: string, target: CommentTarget): CommentThread[] {
  const { kind, id } = target;
  const read = useCallback(
    (d: Y.Doc) => readThreads(d, teamId).filter((t) => t.target.kind === kind && t.target.id === id),
    [teamId, kind, id],
  );
  return useDocValue(doc, read, NO_THREADS);
}

/** Every review, keyed `${teamId}:${initiativeId}` (`reviewKey`). */
export function useReviews(doc: MaybeDoc): Record<string, InitiativeReview> {
  return useDocValue(doc, readReviews, NO_REVIEWS);
}
