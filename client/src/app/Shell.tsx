import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';
import { Link } from './router';
import { paths } from './routes';

export function Shell({ wide, children }: { wide?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="shell">
      <header className="shell__header">
        <div className={wide ? 'shell__bar shell__bar--wide' : 'shell__bar'}>
          <Link to={paths.home()} className="shell__brand">
            <span className="shell__logo" aria-hidden="true" />
            {t('app.name')}
          </Link>
          <LanguageSwitch />
        </div>
      </header>
      <main className={wide ? 'shell__main shell__main--wide' : 'shell__main'}>{children}</main>
    </div>
  );
}
