import { useTranslation } from 'react-i18next';
import { Card } from '../ui/Card';
import { Link } from './router';
import { paths } from './routes';
import { usePageTitle } from './usePageTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('app.notFoundTitle'));
  return (
    <div className="page page--narrow">
      <h1>{t('app.notFoundTitle')}</h1>
      <Card>
        <p>{t('app.notFoundText')}</p>
        <p>
          <Link to={paths.home()}>{t('app.home')}</Link>
        </p>
      </Card>
    </div>
  );
}
