import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/usePageTitle';
import { ImportSessionCard } from '../export/ImportSessionCard';
import { CreateSessionForm } from './CreateSessionForm';
import { DemoSessionCard } from './DemoSessionCard';
import { JoinCodeForm } from './JoinCodeForm';
import './home.css';

export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(null);
  return (
    <div className="page">
      <header className="page__header">
        <h1>{t('home.title')}</h1>
        <p className="page__lead">{t('home.lead')}</p>
      </header>
      <div className="home__grid">
        <CreateSessionForm />
        <div className="home__side">
          <JoinCodeForm />
          <DemoSessionCard />
          <ImportSessionCard />
        </div>
      </div>
    </div>
  );
}
