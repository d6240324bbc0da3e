import type { SessionView, TeamInfo } from '@horizon/shared';
import { listNotes } from '@horizon/shared/board';
import { isTeamLocked, readinessKey, type Locks, type Readiness } from '@horizon/shared/facilitation';
import { readInitiatives, type Initiative } from '@horizon/shared/initiatives';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { Link } from '../../app/router';
import { paths } from '../../app/routes';
import { useDocValue, usePeers, useRoom } from '../../collab/hooks';
import { initialsOf } from '../../collab/presence';
import { Avatar } from '../../ui/Avatar';
import { SpeechBubble } from '../mentoring/NoteThreadBadge';
import { useReviews, useTeamThreads } from '../mentoring/useFeedbackState';
import { BoardThumbnail } from './BoardThumbnail';
import { summarizeFeedback } from './feedbackSummary';
import { readyTeams } from './sessionState';

interface TeamsOverviewProps {
  view: SessionView;
  token: string;
  /** The session document: mentors' threads and reviews live there, not in the team rooms. */
  sessionDoc: Y.Doc | null | undefined;
  colors: Record<string, string>;
  stageId: string | null;
  readiness: Record<string, Readiness>;
  locks: Locks;
}

/** Every team at a glance, live: the board in small, how much is there, who is online, and whether they are done. */
export function TeamsOverview({ view, token, sessionDoc, colors, stageId, readiness, locks }: TeamsOverviewProps) {
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
            sessionDoc={sessionDoc}
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

const NO_INITIATIVES: Initiative[] = [];

interface TeamTileProps {
  view: SessionView;
  team: TeamInfo;
  room: string | null;
  token: string;
  sessionDoc: Y.Doc | null | undefined;
  color: string | undefined;
  /** Null when there is no current stage to be ready for. */
  ready: boolean | null;
  locked: boolean;
}

/** One team room, held open while the control room is: the facilitator's token reads and writes every team. */
function TeamTile({ view, team, room, token, sessionDoc, color, ready, locked }: TeamTileProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const connection = useRoom(room, token);
  const doc = connection?.doc ?? null;
  const peers = usePeers(connection);
  const notes = useDocValue(doc, countNotes, 0);
  const initiatives = useDocValue(doc, readInitiatives, NO_INITIATIVES);
  const threads = useTeamThreads(sessionDoc, team.teamId);
  const reviews = useReviews(sessionDoc);
  const feedback = useMemo(
    () =>
      summarizeFeedback(
        team.teamId,
        threads,
        reviews,
        initiatives.map((initiative) => initiative.id),
      ),
    [team.teamId, threads, reviews, initiatives],
  );
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
        <span>{t('facilitation.teams.initiatives', { count: initiatives.length })}</span>
      </p>
      <TeamFeedback {...feedback} />
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

/** Mentors' side of a team: threads still waiting for an answer, and where its initiatives' reviews stand. */
function TeamFeedback({ openThreads, approved, changesRequested }: ReturnType<typeof summarizeFeedback>) {
  const { t } = useTranslation();
  return (
    <p className="control__team-feedback">
      <span className={openThreads > 0 ? 'control__threads control__threads--open' : 'control__threads'}>
        <SpeechBubble />
        {openThreads > 0
          ? t('facilitation.teams.openThreads', { count: openThreads })
          : t('facilitation.teams.noOpenThreads')}
      </span>
      {approved + changesRequested === 0 ? (
        <span className="muted">{t('facilitation.teams.noReviews')}</span>
      ) : (
        <>
          {approved > 0 && (
            <span className="chip chip--success">{t('facilitation.teams.approved', { count: approved })}</span>
          )}
          {changesRequested > 0 && (
            <span className="chip chip--warning">
              {t('facilitation.teams.changesRequested', { count: changesRequested })}
            </span>
          )}
        </>
      )}
    </p>
  );
}
