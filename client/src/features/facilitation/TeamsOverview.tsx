import type { SessionView, TeamInfo } from '@horizon/shared';
import { listNotes } from '@horizon/shared/board';
import { isTeamLocked, readinessKey, type Locks, type Readiness } from '@horizon/shared/facilitation';
import { readInitiatives } from '@horizon/shared/initiatives';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { Link } from '../../app/router';
import { paths } from '../../app/routes';
import { useDocValue, usePeers, useRoom } from '../../collab/hooks';
import { initialsOf } from '../../collab/presence';
import { Avatar } from '../../ui/Avatar';
import { BoardThumbnail } from './BoardThumbnail';
import { readyTeams } from './sessionState';

interface TeamsOverviewProps {
  view: SessionView;
  token: string;
  colors: Record<string, string>;
  stageId: string | null;
  readiness: Record<string, Readiness>;
  locks: Locks;
}

/** Every team at a glance, live: the board in small, how much is there, who is online, and whether they are done. */
export function TeamsOverview({ view, token, colors, stageId, readiness, locks }: TeamsOverviewProps) {
  const { t } = useTranslation();
  const readyCount = readyTeams(readiness, stageId, view.teams);
  return (
    <section className="control__teams" aria-labelledby="control-teams-title">
      <div className="control__teams-head">
        <h2 id="control-teams-title" className="card__title">
          {t('facilitation.teams.title')}
        </h2>
        {stageId && (
          <span className="muted">
            {t('facilitation.teams.readyCount', { ready: readyCount, total: view.teams.length })}
          </span>
        )}
      </div>
      <ul className="control__team-grid">
        {view.teams.map((team) => (
          <TeamTile
            key={team.teamId}
            view={view}
            team={team}
            room={view.rooms.teams[team.teamId] ?? null}
            token={token}
            color={colors[team.teamId]}
            ready={stageId ? readiness[readinessKey(stageId, team.teamId)]?.ready === true : null}
            locked={isTeamLocked(locks, team.teamId)}
          />
        ))}
      </ul>
    </section>
  );
}

function countNotes(doc: Y.Doc): number {
  return listNotes(doc).length;
}

function countInitiatives(doc: Y.Doc): number {
  return readInitiatives(doc).length;
}

interface TeamTileProps {
  view: SessionView;
  team: TeamInfo;
  room: string | null;
  token: string;
  color: string | undefined;
  /** Null when there is no current stage to be ready for. */
  ready: boolean | null;
  locked: boolean;
}

/** One team room, held open while the control room is: the facilitator's token reads and writes every team. */
function TeamTile({ view, team, room, token, color, ready, locked }: TeamTileProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const connection = useRoom(room, token);
  const doc = connection?.doc ?? null;
  const peers = usePeers(connection);
  const notes = useDocValue(doc, countNotes, 0);
  const initiatives = useDocValue(doc, countInitiatives, 0);
  return (
    <li className="control__team" style={color ? { borderTopColor: color } : undefined} aria-labelledby={headingId}>
      <div className="control__team-head">
        <h3 id={headingId} className="control__team-name">
          {team.name}
        </h3>
        <span className="control__team-badges">
          {locked && <span className="chip chip--warning">{t('facilitation.teams.locked')}</span>}
          {ready !== null &&
            (ready ? (
              <span className="chip chip--success">{t('facilitation.teams.ready')}</span>
            ) : (
              <span className="chip">{t('facilitation.teams.working')}</span>
            ))}
        </span>
      </div>
      <BoardThumbnail doc={doc} label={t('facilitation.teams.thumbnail', { team: team.name })} />
      <p className="control__team-counts">
        <span>{t('facilitation.teams.notes', { count: notes })}</span>
        <span>{t('facilitation.teams.initiatives', { count: initiatives })}</span>
      </p>
      <div className="control__team-people">
        {peers.length === 0 ? (
          <span className="muted">{t('facilitation.teams.nobody')}</span>
        ) : (
          <ul className="control__people" aria-label={t('facilitation.teams.online', { team: team.name })}>
            {peers.map((peer) => (
              <li key={peer.user.participantId} title={peer.user.name}>
                <Avatar initials={initialsOf(peer.user.name)} color={peer.user.color} size="sm" />
                <span className="visually-hidden">{peer.user.name}</span>
              </li>
            ))}
          </ul>
        )}
        {peers.length > 0 && (
          <span className="muted">{t('facilitation.teams.onlineCount', { count: peers.length })}</span>
        )}
      </div>
      <Link
        to={paths.team(view.sessionId, team.teamId)}
        className="btn btn--secondary btn--sm"
        aria-label={t('facilitation.teams.open', { team: team.name })}
      >
        {t('facilitation.teams.openShort')} <span aria-hidden="true">→</span>
      </Link>
    </li>
  );
}
