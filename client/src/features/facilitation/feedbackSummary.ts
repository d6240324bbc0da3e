import { reviewKey, type CommentThread, type InitiativeReview } from '@horizon/shared/feedback';

export interface TeamFeedbackSummary {
  readonly openThreads: number;
  readonly approved: number;
  readonly changesRequested: number;
}

/**
 * What mentors have said to one team, in counts for its control-room tile. Reviews are counted only for initiatives
 * the team still has, as the mentors' desk shows them: a review outlives a deleted initiative in the session doc.
 */
export function summarizeFeedback(
  teamId: string,
  threads: readonly CommentThread[],
  reviews: Readonly<Record<string, InitiativeReview>>,
  initiativeIds: readonly string[],
): TeamFeedbackSummary {
  let openThreads = 0;
  for (const thread of threads) if (thread.teamId === teamId && thread.resolved === null) openThreads++;
  let approved = 0;
  let changesRequested = 0;
  for (const id of initiativeIds) {
    const verdict = reviews[reviewKey(teamId, id)]?.verdict;
    if (verdict === 'approved') approved++;
    else if (verdict === 'changesRequested') changesRequested++;
  }
  return { openThreads, approved, changesRequested };
}
