import { roomAccess, type SessionView } from '@horizon/shared';
import type { WorkspaceTab } from '@horizon/shared/templates';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessageKey } from '../../app/api';
import { loadCredentials } from '../../app/credentials';
import { Link } from '../../app/router';
import { paths } from '../../app/routes';
import { usePageTitle } from '../../app/usePageTitle';
import { useSessionView } from '../../app/useSessionView';
import { useConnectionState, useLocalPresence, usePeers, useRoom } from '../../collab/hooks';
import { colorFor, type PresenceUser } from '../../collab/presence';
import { Notice } from '../../ui/Notice';
import { Spinner } from '../../ui/Spinner';
import { ConnectionStatus } from './ConnectionStatus';
import { PresenceList } from './PresenceList';
import { WorkspaceTabsNav } from '../workspace/WorkspaceTabsNav';
import { WorkspaceTabView } from '../workspace/WorkspaceTabView';
import './team.css';

export function TeamPage({ sessionId, teamId, tab }: { sessionId: string; teamId: string; tab: WorkspaceTab }) {
  const { t } = useTranslation();
  const [credentials] = useState(() => loadCredentials(sessionId));
  const state = useSessionView(sessionId, credentials?.token ?? null);
  usePageTitle(state.status === 'ready' ? state.view.teams.find((team) => team.teamId === teamId)?.name : null);

  if (!credentials) {
    return (
      <div className="page page--narrow">
        <h1>{t('team.noCredentialsTitle')}</h1>
        <Notice tone="error">
          <p>{t('team.noCredentialsText')}</p>
          <Link to={paths.home()}>{t('app.home')}</Link>
        </Notice>
      </div>
    );
  }
  if (state.status === 'loading') return <Spinner label={t('app.loading')} />;
  if (state.status === 'error') {
    return (
      <div className="page page--narrow">
        <h1>{t('team.noCredentialsTitle')}</h1>
        <Notice tone="error">
          <p>{t(errorMessageKey(state.error))}</p>
          <Link to={paths.home()}>{t('app.home')}</Link>
        </Notice>
      </div>
    );
  }
  const room = state.view.rooms.teams[teamId];
  const team = state.view.teams.find((candidate) => candidate.teamId === teamId);
  if (!team || !room) {
    return (
      <div className="page page--narrow">
        <h1>{state.view.title}</h1>
        <Notice tone="error">
          <p>{t('team.teamNotFound')}</p>
          <Link to={paths.home()}>{t('app.home')}</Link>
        </Notice>
      </div>
    );
  }
  return (
    <TeamRoom view={state.view} teamId={teamId} teamName={team.name} room={room} token={credentials.token} tab={tab} />
  );
}

/** The same rule the server enforces on the socket (shared `roomAccess`), so the screen never offers a refused edit. */
function canWrite(view: SessionView, teamId: string): boolean {
  const { you } = view;
  const claims = { v: 1, sessionId: view.sessionId, exp: 0, ...you } as const;
  return roomAccess(claims, { kind: 'team', sessionId: view.sessionId, teamId }) === 'write';
}

interface TeamRoomProps {
  view: SessionView;
  teamId: string;
  teamName: string;
  room: string;
  token: string;
  tab: WorkspaceTab;
}

function TeamRoom({ view, teamId, teamName, room, token, tab }: TeamRoomProps) {
  const { t } = useTranslation();
  const connection = useRoom(room, token);
  const connectionState = useConnectionState(connection);
  const peers = usePeers(connection);
  const { you } = view;
  const me = useMemo<PresenceUser>(
    () => ({ name: you.name, color: colorFor(you.participantId), participantId: you.participantId, role: you.role }),
    [you.name, you.participantId, you.role],
  );
  useLocalPresence(connection, me);
  const writable = canWrite(view, teamId);

  return (
    <div className="page">
      <header className="team__header">
        <div className="page__header">
          <p className="page__context">
            {view.title} · {t('team.horizon', { year: view.horizonYear })}
          </p>
          <h1>
            <span className="visually-hidden">{t('team.teamLabel')}: </span>
            {teamName}
          </h1>
        </div>
        <div className="team__header-side">
          {!writable && <span className="badge">{t('team.readOnly')}</span>}
          {you.role === 'facilitator' && (
            <Link to={paths.lobby(view.sessionId)} className="btn btn--secondary btn--sm">
              ← {t('team.backToLobby')}
            </Link>
          )}
          <ConnectionStatus state={connectionState} onRetry={() => connection?.retry()} />
        </div>
      </header>
      <PresenceList peers={peers} />
      <WorkspaceTabsNav sessionId={view.sessionId} teamId={teamId} active={tab} />
      <main className="workspace__body">
        {connection && (
          <WorkspaceTabView tab={tab} connection={connection} view={view} teamId={teamId} me={me} canWrite={writable} />
        )}
      </main>
    </div>
  );
}
