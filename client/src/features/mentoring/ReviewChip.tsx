import type { InitiativeReview } from '@horizon/shared/feedback';
import { useTranslation } from 'react-i18next';
import './mentoring.css';

/** The latest verdict on an initiative: «Approved», or «Changes requested: …» with the mentor's words. */
export function ReviewChip({ review, full = false }: { review: InitiativeReview | null; full?: boolean }) {
  const { t } = useTranslation();
  if (!review) return null;
  if (review.verdict === 'approved') {
    return <span className="fb-chip fb-chip--approved">✓ {t('mentoring.review.approved')}</span>;
  }
  const text = t('mentoring.review.changesRequestedWith', { comment: review.comment });
  return (
    <span className={full ? 'fb-chip fb-chip--changes fb-chip--full' : 'fb-chip fb-chip--changes'} title={text}>
      {text}
    </span>
  );
}
