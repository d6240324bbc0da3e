import type { TeamInfo } from '@horizon/shared';
import type { ProjectorFocus, ProjectorFocusKind, VotingRound } from '@horizon/shared/facilitation';
import { useTranslation } from 'react-i18next';
import { Card } from '../../ui/Card';
import type { CommandRunner } from './useCommand';

const TEAM_KINDS = ['board', 'vision', 'timemap', 'roadmap'] as const satisfies readonly ProjectorFocusKind[];

interface ProjectorPickerProps {
  focus: ProjectorFocus;
  teams: TeamInfo[];
  rounds: VotingRound[];
  projectorLink: string | null;
  /** This browser's own projector screen: the facilitator's view carries the join code for the QR. */
  screenPath: string;
  commands: CommandRunner;
}

function same(a: ProjectorFocus, b: ProjectorFocus): boolean {
  return a.kind === b.kind && (a.teamId ?? '') === (b.teamId ?? '') && (a.roundId ?? '') === (b.roundId ?? '');
}

/** What the hall sees: one press puts it on the projector, and the pressed button says what is there now. */
export function ProjectorPicker({ focus, teams, rounds, projectorLink, screenPath, commands }: ProjectorPickerProps) {
  const { t } = useTranslation();
  // The voting screen shows the newest revealed round, or the newest round while it is still running.
  const round = rounds.find((candidate) => candidate.status === 'revealed') ?? rounds[0];
  const choose = (next: ProjectorFocus) => void commands.run({ type: 'projector.focus', focus: next });
  const option = (next: ProjectorFocus, label: string, ariaLabel?: string, disabled = false) => {
    // The voting option is pressed only while the projector shows the round it would show: after a newer round is
    // revealed it reads as not pressed, so one press brings the new results up instead of the old ones staying.
    const pressed = same(focus, next) || (next.kind === 'voting' && focus.kind === 'voting' && !next.roundId);
    return (
      <button
        type="button"
        className={pressed ? 'picker__option picker__option--on' : 'picker__option'}
        aria-pressed={pressed}
        aria-label={ariaLabel}
        disabled={commands.busy || disabled}
        onClick={() => choose(next)}
      >
        {label}
      </button>
    );
  };
  return (
    <Card title={t('facilitation.projector.title')} className="control__card">
      <div className="picker__row" role="group" aria-label={t('facilitation.projector.common')}>
        {option({ kind: 'join' }, t('facilitation.projector.join'))}
        {option({ kind: 'timer' }, t('facilitation.projector.timer'))}
        {option(
          round ? { kind: 'voting', roundId: round.id } : { kind: 'voting' },
          t('facilitation.projector.voting'),
          undefined,
          !round,
        )}
      </div>
      <ul className="picker__teams">
        {teams.map((team) => (
          <li key={team.teamId} className="picker__team">
            <p className="picker__team-name">{team.name}</p>
            <div className="picker__row" role="group" aria-label={team.name}>
              {TEAM_KINDS.map((kind) => (
                <span key={kind}>
                  {option(
                    { kind, teamId: team.teamId },
                    t(`facilitation.projector.kinds.${kind}`),
                    t('facilitation.projector.teamOption', {
                      team: team.name,
                      what: t(`facilitation.projector.kinds.${kind}`),
                    }),
                  )}
                </span>
              ))}
            </div>
          </li>
        ))}
      </ul>
      <p className="picker__link">
        <a href={screenPath} target="_blank" rel="noreferrer">
          {t('facilitation.projector.openHere')}
        </a>
      </p>
      {projectorLink && (
        <p className="muted picker__link">
          {t('facilitation.projector.openHint')}{' '}
          <a href={projectorLink} target="_blank" rel="noreferrer">
            {projectorLink}
          </a>
        </p>
      )}
    </Card>
  );
}
