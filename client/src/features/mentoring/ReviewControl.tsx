import type { ReviewVerdict } from '@horizon/shared/feedback';
import { FeedbackLimits, checkCommentText } from '@horizon/shared/feedback';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { feedbackErrorKey } from './errorText';
import { reviewInitiative } from './feedbackApi';
import { useFeedbackAction } from './useFeedbackAction';

interface ReviewControlProps {
  sessionId: string;
  token: string;
  teamId: string;
  initiativeId: string;
}

/** For the facilitator and the team's mentors: approve, or ask for changes saying which. */
export function ReviewControl({ sessionId, token, teamId, initiativeId }: ReviewControlProps) {
  const { t } = useTranslation();
  const id = useId();
  const [verdict, setVerdict] = useState<ReviewVerdict | null>(null);
  const [comment, setComment] = useState('');
  const [showError, setShowError] = useState(false);
  const action = useFeedbackAction();

  const needsComment = verdict === 'changesRequested' && !checkCommentText(comment).ok;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!verdict) return;
    if (needsComment) {
      setShowError(true);
      return;
    }
    const sent = await action.run(() => reviewInitiative(sessionId, token, { teamId, initiativeId, verdict, comment }));
    if (sent) {
      setVerdict(null);
      setComment('');
      setShowError(false);
    }
  };

  if (!verdict) {
    return (
      <div className="fb-review__buttons" role="group" aria-label={t('mentoring.review.title')}>
        <Button variant="secondary" size="sm" onClick={() => setVerdict('approved')}>
          ✓ {t('mentoring.review.approve')}
        </Button>
        <Button variant="secondary" size="sm" onClick={() => setVerdict('changesRequested')}>
          {t('mentoring.review.requestChanges')}
        </Button>
      </div>
    );
  }
  return (
    <form className="fb-review__form" onSubmit={(event) => void submit(event)} noValidate>
      <label htmlFor={id} className="field__label">
        {verdict === 'approved' ? t('mentoring.review.approveCommentLabel') : t('mentoring.review.commentLabel')}
      </label>
      <textarea
        id={id}
        className="field__input"
        rows={3}
        maxLength={FeedbackLimits.textMax}
        placeholder={verdict === 'approved' ? '' : t('mentoring.review.commentPlaceholder')}
        value={comment}
        aria-invalid={showError && needsComment}
        aria-describedby={showError && needsComment ? `${id}-error` : undefined}
        onChange={(event) => setComment(event.target.value)}
      />
      {showError && needsComment && (
        <p id={`${id}-error`} className="field__error">
          {t('mentoring.review.commentRequired')}
        </p>
      )}
      <div className="fb-review__buttons">
        <Button type="submit" size="sm" disabled={action.busy}>
          {verdict === 'approved' ? t('mentoring.review.approve') : t('mentoring.review.requestChanges')}
        </Button>
        <Button variant="ghost" size="sm" onClick={() => setVerdict(null)}>
          {t('mentoring.review.cancel')}
        </Button>
      </div>
      {action.error !== null && <Notice tone="error">{t(feedbackErrorKey(action.error))}</Notice>}
    </form>
  );
}
