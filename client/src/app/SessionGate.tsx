import type { SessionView } from '@horizon/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../ui/Notice';
import { Spinner } from '../ui/Spinner';
import { errorMessageKey } from './api';
import { useCredentials } from './credentials';
import { Link } from './router';
import { paths } from './routes';
import { usePageTitle } from './usePageTitle';
import { useSessionView } from './useSessionView';

interface SessionGateProps {
  sessionId: string;
  /** The page's title, also the heading of its error page. */
  title: string;
  /** When set, only the facilitator gets past the gate; everyone else reads this message. */
  facilitatorOnly?: string;
  children: (view: SessionView, token: string) => ReactNode;
}

/**
 * For pages that open a session with the token this browser holds: loads what the token may see, and shows a clear
 * page (not a blank screen) when there is no token, the server refuses it, or the role may not open the page.
 */
export function SessionGate({ sessionId, title, facilitatorOnly, children }: SessionGateProps) {
  const { t } = useTranslation();
  const credentials = useCredentials(sessionId);
  const state = useSessionView(sessionId, credentials?.token ?? null);
  usePageTitle(title);

  const failure = (text: string) => (
    <div className="page page--narrow">
      <h1>{title}</h1>
      <Notice tone="error">
        <p>{text}</p>
        <Link to={paths.home()}>{t('app.home')}</Link>
      </Notice>
    </div>
  );
  if (!credentials) return failure(t('team.noCredentialsText'));
  if (state.status === 'loading') return <Spinner label={t('app.loading')} />;
  if (state.status === 'error') return failure(t(errorMessageKey(state.error)));
  if (facilitatorOnly && state.view.you.role !== 'facilitator') return failure(facilitatorOnly);
  return <>{children(state.view, credentials.token)}</>;
}
