import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';
import { Link } from './router';
import { paths } from './routes';

/** `normal` reads comfortably; `wide` leaves room for the lobby's QR code; `full` gives a workspace the window. */
export type ShellLayout = 'normal' | 'wide' | 'full';

export function Shell({ layout = 'normal', children }: { layout?: ShellLayout; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={`shell shell--${layout}`}>
      <header className="shell__header">
        <div className="shell__bar">
          <Link to={paths.home()} className="shell__brand">
            <span className="shell__logo" aria-hidden="true" />
            {t('app.name')}
          </Link>
          <LanguageSwitch />
        </div>
      </header>
      <main className="shell__main">{children}</main>
    </div>
  );
}
