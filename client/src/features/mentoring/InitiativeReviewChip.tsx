import { reviewKey } from '@horizon/shared/feedback';
import { useFeedbackScope } from './FeedbackContext';
import { ReviewChip } from './ReviewChip';
import { useReviews } from './useFeedbackState';

/** The review chip of one of the workspace team's initiatives (on its card). */
export function InitiativeReviewChip({ initiativeId }: { initiativeId: string }) {
  const scope = useFeedbackScope();
  const reviews = useReviews(scope?.sessionDoc);
  if (!scope) return null;
  return <ReviewChip review={reviews[reviewKey(scope.teamId, initiativeId)] ?? null} />;
}
