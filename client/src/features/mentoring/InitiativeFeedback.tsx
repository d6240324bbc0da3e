import { reviewKey } from '@horizon/shared/feedback';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CommentThreads } from './CommentThreads';
import { useFeedbackScope } from './FeedbackContext';
import { formatCommentTime } from './formatTime';
import { ReviewChip } from './ReviewChip';
import { ReviewControl } from './ReviewControl';
import { mayReview } from './rights';
import { useReviews } from './useFeedbackState';
import './mentoring.css';

/** In an initiative's passport: the mentor's review (and, for reviewers, the review control), then its comments. */
export function InitiativeFeedback({ initiativeId }: { initiativeId: string }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const scope = useFeedbackScope();
  const reviews = useReviews(scope?.sessionDoc);
  if (!scope) return null;
  const review = reviews[reviewKey(scope.teamId, initiativeId)] ?? null;
  return (
    <>
      <section className="ini-form__section fb-review" aria-labelledby={`${headingId}-review`}>
        <h3 id={`${headingId}-review`}>{t('mentoring.review.title')}</h3>
        {review ? (
          <div className="fb-review__status">
            <ReviewChip review={review} full />
            <p className="muted">
              {t('mentoring.review.by', { name: review.byName, time: formatCommentTime(review.at, i18n.language) })}
              {review.history.length > 0 && ` · ${t('mentoring.review.history', { count: review.history.length })}`}
            </p>
          </div>
        ) : (
          <p className="muted">{t('mentoring.review.none')}</p>
        )}
        {mayReview(scope.you, scope.teamId) && (
          <ReviewControl
            sessionId={scope.sessionId}
            token={scope.token}
            teamId={scope.teamId}
            initiativeId={initiativeId}
          />
        )}
      </section>
      <section className="ini-form__section" aria-labelledby={`${headingId}-comments`}>
        <h3 id={`${headingId}-comments`}>{t('mentoring.comments.title')}</h3>
        <CommentThreads
          sessionId={scope.sessionId}
          token={scope.token}
          teamId={scope.teamId}
          you={scope.you}
          sessionDoc={scope.sessionDoc}
          target={{ kind: 'initiative', id: initiativeId }}
        />
      </section>
    </>
  );
}
