import type { SessionView } from '@horizon/shared';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessageKey } from '../../app/api';
import { useCredentials } from '../../app/credentials';
import { Link } from '../../app/router';
import { paths } from '../../app/routes';
import { usePageTitle } from '../../app/usePageTitle';
import { useSessionView } from '../../app/useSessionView';
import { useRoom } from '../../collab/hooks';
import { Notice } from '../../ui/Notice';
import { Spinner } from '../../ui/Spinner';
import { currentStage } from '../facilitation/sessionState';
import { useAgenda, useProjectorFocus, useTimer, useVotingRounds } from '../facilitation/useSessionState';
import { useServerOffset } from '../facilitation/serverClock';
import { TimerDisplay } from '../facilitation/TimerDisplay';
import { JoinScreen } from './JoinScreen';
import { TeamScreen } from './TeamScreen';
import { VotingScreen } from './VotingScreen';
import './projector.css';

/** `/s/<sid>/projector`: what the facilitator puts on the big screen, read-only and in type for the back row. */
export function ProjectorPage({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const credentials = useCredentials(sessionId);
  const state = useSessionView(sessionId, credentials?.token ?? null);
  usePageTitle(t('projector.title'));

  const failure = (text: string) => (
    <div className="page page--narrow">
      <h1>{t('projector.title')}</h1>
      <Notice tone="error">
        <p>{text}</p>
        <Link to={paths.home()}>{t('app.home')}</Link>
      </Notice>
    </div>
  );
  if (!credentials) return failure(t('team.noCredentialsText'));
  if (state.status === 'loading') return <Spinner label={t('app.loading')} />;
  if (state.status === 'error') return failure(t(errorMessageKey(state.error)));
  return <Projector view={state.view} token={credentials.token} />;
}

function Projector({ view, token }: { view: SessionView; token: string }) {
  const { t } = useTranslation();
  const connection = useRoom(view.rooms.session, token);
  const doc = connection?.doc;
  const focus = useProjectorFocus(doc);
  const timer = useTimer(doc);
  const agenda = useAgenda(doc);
  const rounds = useVotingRounds(doc);
  const offset = useServerOffset();
  const stage = currentStage(agenda);
  const teamNames = useMemo(() => Object.fromEntries(view.teams.map((team) => [team.teamId, team.name])), [view.teams]);
  const team = focus.teamId ? view.teams.find((candidate) => candidate.teamId === focus.teamId) : undefined;

  let screen: ReactNode;
  switch (focus.kind) {
    case 'join':
      screen = <JoinScreen view={view} />;
      break;
    case 'timer':
      screen = (
        <div className="projector__center">
          {stage && <p className="projector__stage">{stage.title}</p>}
          <TimerDisplay timer={timer} offset={offset} size="huge" />
        </div>
      );
      break;
    case 'voting':
      screen = <VotingScreen rounds={rounds} roundId={focus.roundId} teamNames={teamNames} />;
      break;
    default:
      screen = <TeamScreen key={`${focus.kind}/${focus.teamId ?? ''}`} view={view} token={token} focus={focus} />;
  }

  const showTimer = focus.kind !== 'timer' && focus.kind !== 'join' && timer.status !== 'idle';
  return (
    <div className={`projector projector--${focus.kind}`} data-testid="projector" data-focus={focus.kind}>
      <header className="projector__bar">
        <p className="projector__title">
          {view.title}
          {team && <span className="projector__team-name"> · {team.name}</span>}
          {team && focus.kind !== 'voting' && (
            <span className="projector__what"> · {t(`projector.kinds.${focus.kind}`)}</span>
          )}
        </p>
        {showTimer && <TimerDisplay timer={timer} offset={offset} size="md" className="projector__corner-timer" />}
      </header>
      <main className="projector__main">{screen}</main>
    </div>
  );
}
