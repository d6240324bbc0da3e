import type { SessionView } from '@horizon/shared';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SessionGate } from '../../app/SessionGate';
import { useRoom } from '../../collab/hooks';
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
  return (
    <SessionGate sessionId={sessionId} title={t('projector.title')}>
      {(view, token) => <Projector view={view} token={token} />}
    </SessionGate>
  );
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
