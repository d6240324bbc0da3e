import type { SessionView } from '@horizon/shared';
import { readinessKey, type AgendaStage } from '@horizon/shared/facilitation';
import type { WorkspaceTab } from '@horizon/shared/templates';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { Link } from '../../app/router';
import { paths } from '../../app/routes';
import { useRoom, useWritesRefused } from '../../collab/hooks';
import { Button } from '../../ui/Button';
import { facilitationErrorKey } from './errorText';
import { setReadiness } from './facilitationApi';
import { useServerOffset } from './serverClock';
import { currentStage, openRound } from './sessionState';
import { TimerDisplay } from './TimerDisplay';
import { useAgenda, useReadiness, useTeamLocked, useTimer, useVotingRounds } from './useSessionState';
import { VotingPanel } from './VotingPanel';
import { VotingResults } from './VotingResults';
import './facilitation.css';

interface SessionBarProps {
  view: SessionView;
  token: string;
  teamId: string;
  /** The tab this person has open. */
  tab: WorkspaceTab;
  /** The session room's document (the workspace holds the room open). */
  sessionDoc: Y.Doc | null | undefined;
}

/**
 * What the facilitator is running, above a team's workspace: the stage, the timer, a way back to where the group
 * is, "we are ready", a notice when editing is closed, and the voting of the moment.
 */
export function SessionBar({ view, token, teamId, tab, sessionDoc: doc }: SessionBarProps) {
  const { t } = useTranslation();
  const agenda = useAgenda(doc);
  const timer = useTimer(doc);
  const readiness = useReadiness(doc);
  const rounds = useVotingRounds(doc);
  const locked = useTeamLocked(doc, teamId);
  const offset = useServerOffset();
  const stage = currentStage(agenda);
  const { role } = view.you;
  const ownTeam = view.you.teamId === teamId || (view.you.mentorOf ?? []).includes(teamId);
  const round = openRound(rounds);
  const latest = rounds[0];
  const [dismissed, setDismissed] = useState<string | null>(null);
  const teamNames = useMemo(() => Object.fromEntries(view.teams.map((team) => [team.teamId, team.name])), [view.teams]);
  const stageIndex = stage ? agenda.stages.indexOf(stage) : -1;
  // The workspace holds the team room open; this shares its connection to hear of edits the lock refused.
  const teamConnection = useRoom(view.rooms.teams[teamId] ?? null, token);
  const writesRefused = useWritesRefused(teamConnection);
  useEffect(() => {
    if (!locked) teamConnection?.clearWritesRefused();
  }, [locked, teamConnection]);

  if (!stage && timer.status === 'idle' && !locked && !round && latest?.status !== 'revealed') return null;

  return (
    <section className="session-bar" aria-label={t('facilitation.bar.label')}>
      <div className="session-bar__main">
        {stage && (
          <div className="session-bar__stage" data-testid="current-stage">
            <span className="session-bar__eyebrow">
              {t('facilitation.bar.stage', { n: stageIndex + 1, total: agenda.stages.length })}
            </span>
            <span className="session-bar__stage-title">{stage.title}</span>
          </div>
        )}
        {timer.status !== 'idle' && <TimerDisplay timer={timer} offset={offset} size="lg" />}
        <div className="session-bar__actions">
          {stage && stage.tab !== tab && role !== 'facilitator' && (
            <Link to={paths.team(view.sessionId, teamId, stage.tab)} className="btn btn--primary btn--sm">
              {t('facilitation.bar.backToStage')}
            </Link>
          )}
          {stage && role === 'participant' && ownTeam && (
            <ReadyToggle
              sessionId={view.sessionId}
              token={token}
              stage={stage}
              ready={readiness[readinessKey(stage.id, teamId)]?.ready === true}
            />
          )}
        </div>
      </div>
      {locked && role !== 'facilitator' && (
        <p className="session-bar__locked" role="status">
          {t('facilitation.bar.locked')}
          {writesRefused && <span className="session-bar__held"> {t('facilitation.bar.heldEdits')}</span>}
        </p>
      )}
      {round && (role === 'participant' || role === 'mentor') && (
        <VotingPanel
          key={round.id}
          view={view}
          token={token}
          round={round}
          teamId={role === 'participant' ? (view.you.teamId ?? teamId) : teamId}
          teamNames={teamNames}
        />
      )}
      {!round && latest?.status === 'revealed' && dismissed !== latest.id && (
        <div className="session-bar__results">
          <div className="session-bar__results-head">
            <h2 className="session-bar__results-title">{t('facilitation.bar.results', { title: latest.title })}</h2>
            <Button variant="ghost" size="sm" onClick={() => setDismissed(latest.id)}>
              {t('facilitation.bar.hideResults')}
            </Button>
          </div>
          <VotingResults round={latest} teamNames={teamNames} limit={10} />
        </div>
      )}
    </section>
  );
}

function ReadyToggle({
  sessionId,
  token,
  stage,
  ready,
}: {
  sessionId: string;
  token: string;
  stage: AgendaStage;
  ready: boolean;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const toggle = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await setReadiness(sessionId, token, stage.id, !ready);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        variant={ready ? 'primary' : 'secondary'}
        size="sm"
        className={ready ? 'session-bar__ready session-bar__ready--on' : 'session-bar__ready'}
        aria-pressed={ready}
        disabled={busy}
        onClick={() => void toggle()}
      >
        {ready && <span aria-hidden="true">✓ </span>}
        {t('facilitation.bar.ready')}
      </Button>
      {error !== undefined && (
        <span className="session-bar__error" role="alert">
          {t(facilitationErrorKey(error))}
        </span>
      )}
    </>
  );
}
