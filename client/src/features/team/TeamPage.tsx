import type { SessionView } from '@horizon/shared';
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
import { Card } from '../../ui/Card';
import { Notice } from '../../ui/Notice';
import { Spinner } from '../../ui/Spinner';
import { ConnectionStatus } from './ConnectionStatus';
import { PresenceList } from './PresenceList';
import './team.css';

export function TeamPage({ sessionId, teamId }: { sessionId: string; teamId: string }) {
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
  return <TeamRoom view={state.view} teamId={teamId} teamName={team.name} room={room} token={credentials.token} />;
}

function canWrite(you: SessionView['you'], teamId: string): boolean {
  switch (you.role) {
    case 'facilitator':
      return true;
    case 'participant':
      return you.teamId === teamId;
    case 'mentor':
      return you.mentorOf?.includes(teamId) ?? false;
    case 'projector':
      return false;
  }
}

interface TeamRoomProps {
  view: SessionView;
  teamId: string;
  teamName: string;
  room: string;
  token: string;
}

function TeamRoom({ view, teamId, teamName, room, token }: TeamRoomProps) {
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
          {!canWrite(you, teamId) && <span className="badge">{t('team.readOnly')}</span>}
          {you.role === 'facilitator' && (
            <Link to={paths.lobby(view.sessionId)} className="btn btn--secondary btn--sm">
              ← {t('team.backToLobby')}
            </Link>
          )}
          <ConnectionStatus state={connectionState} onRetry={() => connection?.retry()} />
        </div>
      </header>
      <div className="team__grid">
        <PresenceList peers={peers} />
        <Card className="team__workspace">
          <p className="muted">{t('team.workspaceSoon')}</p>
        </Card>
      </div>
    </div>
  );
}
