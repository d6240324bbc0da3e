import type { WorkspaceTab } from '@horizon/shared/templates';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError, errorMessageKey } from '../../app/api';
import { useCredentials } from '../../app/credentials';
import { Link } from '../../app/router';
import { paths } from '../../app/routes';
import { usePageTitle } from '../../app/usePageTitle';
import { useSessionView } from '../../app/useSessionView';
import { Notice } from '../../ui/Notice';
import { Spinner } from '../../ui/Spinner';
import { TeamWorkspace } from './TeamWorkspace';
import './team.css';

/** `/s/<session>/team/<team>/<tab>`: checks this browser may open the session, then shows the team's workspace. */
export function TeamPage({ sessionId, teamId, tab }: { sessionId: string; teamId: string; tab: WorkspaceTab }) {
  const { t } = useTranslation();
  const credentials = useCredentials(sessionId);
  const state = useSessionView(sessionId, credentials?.token ?? null);
  usePageTitle(state.status === 'ready' ? state.view.teams.find((team) => team.teamId === teamId)?.name : null);

  if (!credentials) {
    return (
      <NoAccess title={t('team.noCredentialsTitle')}>
        <p>{t('team.noCredentialsText')}</p>
      </NoAccess>
    );
  }
  if (state.status === 'loading') return <Spinner label={t('app.loading')} />;
  if (state.status === 'error') {
    const expired = state.error instanceof ApiRequestError && state.error.status === 401;
    return (
      <NoAccess title={expired ? t('team.expiredTitle') : t('team.noCredentialsTitle')}>
        <p>{expired ? t('team.expiredText') : t(errorMessageKey(state.error))}</p>
      </NoAccess>
    );
  }
  const room = state.view.rooms.teams[teamId];
  const team = state.view.teams.find((candidate) => candidate.teamId === teamId);
  if (!team || !room) {
    return (
      <NoAccess title={state.view.title}>
        <p>{t('team.teamNotFound')}</p>
      </NoAccess>
    );
  }
  return (
    <TeamWorkspace
      view={state.view}
      team={team}
      room={room}
      credentials={credentials}
      tab={tab}
      offlineView={state.fromCache === true}
    />
  );
}

function NoAccess({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="page page--narrow">
      <h1>{title}</h1>
      <Notice tone="error">
        {children}
        <Link to={paths.home()}>{t('app.home')}</Link>
      </Notice>
    </div>
  );
}
