import type { SessionView, TeamInfo } from '@horizon/shared';
import { readInitiatives } from '@horizon/shared/initiatives';
import { yearRangeOf, type YearRange } from '@horizon/shared/timemap';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SessionGate } from '../../app/SessionGate';
import { Link } from '../../app/router';
import { paths } from '../../app/routes';
import { useConnectionState, useRoom } from '../../collab/hooks';
import type { RoomConnection } from '../../collab/RoomConnection';
import { Spinner } from '../../ui/Spinner';
import { useDocSnapshot } from '../timemap/useDocSnapshot';
import { RoadmapGantt } from './RoadmapGantt';
import '../timemap/controls.css';
import './initiatives.css';

/** `/s/<sid>/initiatives`: every team's initiatives and roadmap side by side, for the facilitator and the projector. */
export function AllTeamsInitiativesPage({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  return (
    <SessionGate
      sessionId={sessionId}
      title={t('initiatives.allTeams.title')}
      facilitatorOnly={t('initiatives.allTeams.facilitatorOnly')}
    >
      {(view, token) => <AllTeams view={view} token={token} />}
    </SessionGate>
  );
}

function AllTeams({ view, token }: { view: SessionView; token: string }) {
  const { t } = useTranslation();
  const { createdAt, horizonYear } = view;
  const range = useMemo(() => yearRangeOf({ createdAt, horizonYear }), [createdAt, horizonYear]);
  return (
    <div className="page all-teams">
      <header className="all-teams__head">
        <div>
          <p className="page__context">{view.title}</p>
          <h1>{t('initiatives.allTeams.title')}</h1>
          <p className="muted">{t('initiatives.allTeams.lead')}</p>
        </div>
        <Link to={paths.lobby(view.sessionId)} className="btn btn--secondary btn--sm">
          ← {t('initiatives.allTeams.backToLobby')}
        </Link>
      </header>
      <div className="all-teams__grid">
        {view.teams.map((team) => (
          <TeamColumn
            key={team.teamId}
            view={view}
            team={team}
            room={view.rooms.teams[team.teamId] ?? null}
            token={token}
            range={range}
          />
        ))}
      </div>
    </div>
  );
}

interface TeamColumnProps {
  view: SessionView;
  team: TeamInfo;
  room: string | null;
  token: string;
  range: YearRange;
}

/** One team's room, held open while the page is: the facilitator's token reads every team room. */
function TeamColumn({ view, team, room, token, range }: TeamColumnProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const connection = useRoom(room, token);
  const state = useConnectionState(connection);
  const synced = state.kind === 'connected' && state.synced;
  return (
    <section className="all-teams__team" aria-labelledby={headingId}>
      <h2 id={headingId} className="all-teams__team-name">
        <Link
          to={paths.team(view.sessionId, team.teamId, 'initiatives')}
          aria-label={t('initiatives.allTeams.openTeam', { team: team.name })}
        >
          {team.name}
        </Link>
      </h2>
      {connection && synced ? (
        <TeamInitiatives connection={connection} range={range} />
      ) : (
        <Spinner label={t('initiatives.allTeams.connecting')} />
      )}
    </section>
  );
}

function TeamInitiatives({ connection, range }: { connection: RoomConnection; range: YearRange }) {
  const { t } = useTranslation();
  const initiatives = useDocSnapshot(connection.doc, readInitiatives);
  if (initiatives.length === 0) return <p className="muted">{t('initiatives.allTeams.none')}</p>;
  return (
    <>
      <p className="muted">{t('initiatives.allTeams.count', { count: initiatives.length })}</p>
      <RoadmapGantt doc={connection.doc} initiatives={initiatives} range={range} canWrite={false} compact />
    </>
  );
}
