import type { SessionView } from '@horizon/shared';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router';
import { paths } from '../../app/routes';
import type { ConnectionState } from '../../collab/connectionState';
import type { Peer } from '../../collab/presence';
import type { RoomConnection } from '../../collab/RoomConnection';
import { ExportButton } from '../export/ExportDialog';
import { MentorDeskLink } from '../mentoring/MentorDeskLink';
import { ConnectionStatus } from './ConnectionStatus';
import { LeaveSession } from './LeaveSession';
import { PresenceStack } from './PresenceStack';
import { TeamMotto } from './TeamMotto';

interface TeamHeaderProps {
  view: SessionView;
  teamName: string;
  connection: RoomConnection | null;
  connectionState: ConnectionState;
  peers: readonly Peer[];
  canWrite: boolean;
  offlineView: boolean;
}

/** One compact band: the team (colour, name, motto) on the left; who is here, the connection and exits on the right. */
export function TeamHeader({
  view,
  teamName,
  connection,
  connectionState,
  peers,
  canWrite,
  offlineView,
}: TeamHeaderProps) {
  const { t } = useTranslation();
  const { you } = view;
  return (
    <header className="team__header">
      <div className="team__identity">
        <span className="team__swatch" aria-hidden="true" />
        <div className="team__titles">
          <p className="team__context">
            {view.title} · {t('team.horizon', { year: view.horizonYear })}
          </p>
          <h1 className="team__name">
            <span className="visually-hidden">{t('team.teamLabel')}: </span>
            {teamName}
          </h1>
          <TeamMotto doc={connection?.doc ?? null} canWrite={canWrite} />
        </div>
      </div>
      <div className="team__side">
        {!canWrite && <span className="badge">{t('team.readOnly')}</span>}
        <PresenceStack peers={peers} />
        <ConnectionStatus
          state={connectionState}
          savesLocally={connection?.savesLocally ?? false}
          offlineView={offlineView}
          onRetry={() => connection?.retry()}
        />
        <ExportButton view={view} room={connection?.room} />
        <MentorDeskLink view={view} />
        {you.role === 'facilitator' ? (
          <>
            <Link to={paths.control(view.sessionId)} className="btn btn--secondary btn--sm">
              {t('facilitation.control.open')}
            </Link>
            <Link to={paths.lobby(view.sessionId)} className="btn btn--secondary btn--sm">
              ← {t('team.backToLobby')}
            </Link>
          </>
        ) : (
          <LeaveSession sessionId={view.sessionId} />
        )}
      </div>
    </header>
  );
}
