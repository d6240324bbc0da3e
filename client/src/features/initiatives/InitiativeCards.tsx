import type { Initiative } from '@horizon/shared/initiatives';
import { useTranslation } from 'react-i18next';
import { InitiativeReviewChip } from '../mentoring/InitiativeReviewChip';
import { deadlineOf } from './deadline';
import { formatDate } from './format';

/** Initiatives as cards: the passport at a glance, a click opens it. */
export function InitiativeCards({ initiatives, onOpen }: { initiatives: Initiative[]; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="ini-cards">
      {initiatives.map((initiative) => {
        const deadline = deadlineOf(initiative);
        return (
          <li key={initiative.id} className="ini-card">
            <div className="ini-card__top">
              <span className={`ini-status ini-status--${initiative.status}`}>
                {t(`initiatives.status.${initiative.status}`)}
              </span>
              {deadline && (
                <span className="muted">{t('initiatives.until', { date: formatDate(deadline, i18n.language) })}</span>
              )}
            </div>
            <h3 className="ini-card__title">
              <button
                type="button"
                className="ini-card__open"
                aria-label={t('initiatives.open', { title: initiative.title })}
                onClick={() => onOpen(initiative.id)}
              >
                {initiative.title}
              </button>
            </h3>
            <InitiativeReviewChip initiativeId={initiative.id} />
            {initiative.goal && <p className="ini-card__goal">{initiative.goal}</p>}
            <dl className="ini-card__people">
              <div>
                <dt>{t('initiatives.fields.owner')}</dt>
                <dd>{initiative.owner || <span className="muted">{t('initiatives.nobody')}</span>}</dd>
              </div>
              <div>
                <dt>{t('initiatives.fields.mentor')}</dt>
                <dd>{initiative.mentor || <span className="muted">{t('initiatives.nobody')}</span>}</dd>
              </div>
            </dl>
            <p className="muted ini-card__meta">{t('initiatives.stepsCount', { count: initiative.steps.length })}</p>
          </li>
        );
      })}
    </ul>
  );
}
