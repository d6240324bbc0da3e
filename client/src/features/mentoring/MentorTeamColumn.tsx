import type { SessionView, TeamInfo } from '@horizon/shared';
import { openThreadCounts, reviewKey, targetKey } from '@horizon/shared/feedback';
import { readInitiatives, type Initiative } from '@horizon/shared/initiatives';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { Link } from '../../app/router';
import { paths } from '../../app/routes';
import { useConnectionState, useDocValue, useRoom } from '../../collab/hooks';
import { Spinner } from '../../ui/Spinner';
import { BoardThumbnail } from '../facilitation/BoardThumbnail';
import { SpeechBubble } from './NoteThreadBadge';
import { ReviewChip } from './ReviewChip';
import { useReviews, useTeamThreads } from './useFeedbackState';

interface MentorTeamColumnProps {
  view: SessionView;
  team: TeamInfo;
  token: string;
  sessionDoc: Y.Doc | null;
}

const NO_INITIATIVES: Initiative[] = [];

/** One mentored team: its board in small, its open threads, each initiative with its review, and the way in. */
export function MentorTeamColumn({ view, team, token, sessionDoc }: MentorTeamColumnProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const connection = useRoom(view.rooms.teams[team.teamId] ?? null, token);
  const state = useConnectionState(connection);
  const synced = state.kind === 'connected' && state.synced;
  const doc = connection?.doc ?? null;
  const initiatives = useDocValue(doc, readInitiatives, NO_INITIATIVES);
  const threads = useTeamThreads(sessionDoc, team.teamId);
  const reviews = useReviews(sessionDoc);
  const counts = useMemo(() => openThreadCounts(threads), [threads]);
  const open = threads.filter((thread) => thread.resolved === null).length;

  return (
    <section className="fb-desk__team" aria-labelledby={headingId} data-team-id={team.teamId}>
      <header className="fb-desk__team-head">
        <h2 id={headingId} className="fb-desk__team-name">
          {team.name}
        </h2>
        <span className={open > 0 ? 'fb-count fb-count--open' : 'fb-count'}>
          <SpeechBubble />{' '}
          {open > 0 ? t('mentoring.page.openThreads', { count: open }) : t('mentoring.page.noOpenThreads')}
        </span>
      </header>
      {synced ? (
        <BoardThumbnail doc={doc} label={t('mentoring.page.board', { team: team.name })} />
      ) : (
        <Spinner label={t('mentoring.page.connecting')} />
      )}
      <h3 className="fb-desk__sub">{t('mentoring.page.initiatives')}</h3>
      {synced && initiatives.length === 0 && <p className="muted">{t('mentoring.page.noInitiatives')}</p>}
      <ul className="fb-desk__initiatives">
        {initiatives.map((initiative) => {
          const threadsOn = counts.get(targetKey({ kind: 'initiative', id: initiative.id })) ?? 0;
          return (
            <li key={initiative.id} className="fb-desk__initiative">
              <Link to={paths.team(view.sessionId, team.teamId, 'initiatives')} className="fb-desk__initiative-title">
                {initiative.title}
              </Link>
              <span className="fb-desk__initiative-meta">
                {reviews[reviewKey(team.teamId, initiative.id)] ? (
                  <ReviewChip review={reviews[reviewKey(team.teamId, initiative.id)]!} />
                ) : (
                  <span className="muted fb-count">{t('mentoring.review.none')}</span>
                )}
                {threadsOn > 0 && (
                  <span
                    className="fb-count fb-count--open"
                    title={t('mentoring.page.openThreads', { count: threadsOn })}
                  >
                    <SpeechBubble /> {threadsOn}
                  </span>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      <Link to={paths.team(view.sessionId, team.teamId)} className="btn btn--primary btn--sm fb-desk__enter">
        {t('mentoring.page.openWorkspace')} →
      </Link>
    </section>
  );
}
