import { readSessionTeams, type SessionView } from '@horizon/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SessionGate } from '../../app/SessionGate';
import { Link } from '../../app/router';
import { paths } from '../../app/routes';
import { useConnectionState, useDocValue, useRoom } from '../../collab/hooks';
import { Notice } from '../../ui/Notice';
import { Spinner } from '../../ui/Spinner';
import { useJoinOrigin } from '../lobby/useJoinOrigin';
import { AgendaStepper } from './AgendaStepper';
import { LocksPanel } from './LocksPanel';
import { ProjectorPicker } from './ProjectorPicker';
import { useServerOffset } from './serverClock';
import { facilitationErrorKey } from './errorText';
import { currentStage, readyTeams } from './sessionState';
import { TeamsOverview } from './TeamsOverview';
import { TimerControls } from './TimerControls';
import { useCommand } from './useCommand';
import { useAgenda, useLocks, useProjectorFocus, useReadiness, useTimer, useVotingRounds } from './useSessionState';
import { VotingControls } from './VotingControls';
import './facilitation.css';

/** `/s/<sid>/control`: the facilitator's control room. */
export function ControlRoomPage({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  return (
    <SessionGate
      sessionId={sessionId}
      title={t('facilitation.control.title')}
      facilitatorOnly={t('facilitation.control.facilitatorOnly')}
    >
      {(view, token) => <ControlRoom view={view} token={token} />}
    </SessionGate>
  );
}

const NO_TEAMS: ReturnType<typeof readSessionTeams> = [];

function ControlRoom({ view, token }: { view: SessionView; token: string }) {
  const { t } = useTranslation();
  const connection = useRoom(view.rooms.session, token);
  const connectionState = useConnectionState(connection);
  const doc = connection?.doc;
  const agenda = useAgenda(doc);
  const timer = useTimer(doc);
  const focus = useProjectorFocus(doc);
  const locks = useLocks(doc);
  const readiness = useReadiness(doc);
  const rounds = useVotingRounds(doc);
  const sessionTeams = useDocValue(doc, readSessionTeams, NO_TEAMS);
  const offset = useServerOffset();
  const commands = useCommand(view.sessionId, token);
  const { origin } = useJoinOrigin();

  const stage = currentStage(agenda);
  const teamNames = useMemo(() => Object.fromEntries(view.teams.map((team) => [team.teamId, team.name])), [view.teams]);
  const colors = useMemo(
    () => Object.fromEntries(sessionTeams.map((team) => [team.teamId, team.color])),
    [sessionTeams],
  );
  const projectorLink = view.codes ? origin + paths.join(view.codes.projector) : null;
  const synced = connectionState.kind === 'connected' && connectionState.synced;

  return (
    <div className="control">
      <header className="control__header">
        <div>
          <p className="page__eyebrow">{t('facilitation.control.title')}</p>
          <h1>{view.title}</h1>
        </div>
        <nav className="actions" aria-label={t('facilitation.control.links')}>
          <Link to={paths.lobby(view.sessionId)} className="btn btn--secondary btn--sm">
            {t('facilitation.control.lobby')}
          </Link>
          <Link to={paths.allInitiatives(view.sessionId)} className="btn btn--secondary btn--sm">
            {t('facilitation.control.allInitiatives')}
          </Link>
        </nav>
      </header>
      {!synced && <Spinner label={t('facilitation.control.connecting')} />}
      {commands.error !== undefined && (
        <Notice tone="error">
          <p>{t(facilitationErrorKey(commands.error))}</p>
        </Notice>
      )}
      <div className="control__grid">
        <div className="control__column">
          <AgendaStepper
            agenda={agenda}
            commands={commands}
            ready={{ count: readyTeams(readiness, stage?.id ?? null, view.teams), total: view.teams.length }}
          />
          <TimerControls
            key={stage?.id ?? 'none'}
            timer={timer}
            offset={offset}
            suggestedMinutes={stage?.minutes ?? null}
            commands={commands}
          />
        </div>
        <div className="control__column">
          <VotingControls rounds={rounds} teamNames={teamNames} focus={focus} commands={commands} />
        </div>
        <div className="control__column">
          <ProjectorPicker
            focus={focus}
            teams={view.teams}
            rounds={rounds}
            projectorLink={projectorLink}
            screenPath={paths.projector(view.sessionId)}
            commands={commands}
          />
          <LocksPanel locks={locks} teams={view.teams} commands={commands} />
        </div>
      </div>
      <TeamsOverview
        view={view}
        token={token}
        sessionDoc={doc}
        colors={colors}
        stageId={stage?.id ?? null}
        readiness={readiness}
        locks={locks}
      />
    </div>
  );
}
