import type { SessionView } from '@horizon/shared';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router';
import { paths } from '../../app/routes';

/** In a team's header, for mentors: back to the desk with every team they mentor. */
export function MentorDeskLink({ view }: { view: SessionView }) {
  const { t } = useTranslation();
  if (view.you.role !== 'mentor') return null;
  return (
    <Link to={paths.mentor(view.sessionId)} className="btn btn--secondary btn--sm">
      {t('mentoring.page.open')}
    </Link>
  );
}
