import {
  FacilitationLimits,
  VotingScopes,
  VotingTargets,
  type ProjectorFocus,
  type VotingRound,
  type VotingScope,
  type VotingTarget,
} from '@horizon/shared/facilitation';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { TextField } from '../../ui/TextField';
import type { CommandRunner } from './useCommand';
import { VotingResults } from './VotingResults';

interface VotingControlsProps {
  rounds: VotingRound[];
  teamNames: Record<string, string>;
  focus: ProjectorFocus;
  commands: CommandRunner;
}

/** Opens a round with a short form, then closes and reveals it; results show ranked once revealed. */
export function VotingControls({ rounds, teamNames, focus, commands }: VotingControlsProps) {
  const { t } = useTranslation();
  const open = rounds.some((round) => round.status === 'open');
  return (
    <Card title={t('facilitation.voting.title')} className="control__card">
      {!open && <NewRoundForm commands={commands} />}
      {rounds.length > 0 && (
        <ul className="rounds">
          {rounds.map((round) => (
            <RoundItem key={round.id} round={round} teamNames={teamNames} focus={focus} commands={commands} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function NewRoundForm({ commands }: { commands: CommandRunner }) {
  const { t } = useTranslation();
  const formId = useId();
  const [title, setTitle] = useState('');
  const [target, setTarget] = useState<VotingTarget>('notes');
  const [scope, setScope] = useState<VotingScope>('own');
  const [votes, setVotes] = useState('3');
  const [anonymous, setAnonymous] = useState(true);
  const votesPerPerson = Number(votes);
  const valid =
    title.trim().length > 0 &&
    Number.isInteger(votesPerPerson) &&
    votesPerPerson >= FacilitationLimits.votesPerPersonMin &&
    votesPerPerson <= FacilitationLimits.votesPerPersonMax;
  return (
    <form
      className="round-form"
      aria-label={t('facilitation.voting.newRound')}
      onSubmit={(event) => {
        event.preventDefault();
        if (!valid) return;
        void commands
          .run({ type: 'voting.open', title: title.trim(), target, scope, votesPerPerson, anonymous })
          .then((answer) => {
            if (answer) setTitle('');
          });
      }}
    >
      <TextField
        label={t('facilitation.voting.roundTitle')}
        placeholder={t('facilitation.voting.roundTitlePlaceholder')}
        value={title}
        maxLength={FacilitationLimits.roundTitleMax}
        onChange={(event) => setTitle(event.target.value)}
      />
      <div className="round-form__row">
        <fieldset className="round-form__group">
          <legend>{t('facilitation.voting.target')}</legend>
          {VotingTargets.map((value) => (
            <label key={value} className="round-form__choice">
              <input
                type="radio"
                name={`${formId}-target`}
                checked={target === value}
                onChange={() => setTarget(value)}
              />
              {t(`facilitation.voting.targets.${value}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="round-form__group">
          <legend>{t('facilitation.voting.scope')}</legend>
          {VotingScopes.map((value) => (
            <label key={value} className="round-form__choice">
              <input type="radio" name={`${formId}-scope`} checked={scope === value} onChange={() => setScope(value)} />
              {t(`facilitation.voting.scopes.${value}`)}
            </label>
          ))}
        </fieldset>
      </div>
      <div className="round-form__row round-form__row--end">
        <label className="round-form__votes">
          <span>{t('facilitation.voting.votesPerPerson')}</span>
          <input
            className="field__input"
            type="number"
            min={FacilitationLimits.votesPerPersonMin}
            max={FacilitationLimits.votesPerPersonMax}
            value={votes}
            onChange={(event) => setVotes(event.target.value)}
          />
        </label>
        <label className="round-form__choice">
          <input type="checkbox" checked={anonymous} onChange={(event) => setAnonymous(event.target.checked)} />
          {t('facilitation.voting.anonymous')}
        </label>
        <Button type="submit" disabled={commands.busy || !valid}>
          {t('facilitation.voting.open')}
        </Button>
      </div>
    </form>
  );
}

interface RoundItemProps {
  round: VotingRound;
  teamNames: Record<string, string>;
  focus: ProjectorFocus;
  commands: CommandRunner;
}

function RoundItem({ round, teamNames, focus, commands }: RoundItemProps) {
  const { t } = useTranslation();
  const onProjector = focus.kind === 'voting' && focus.roundId === round.id;
  return (
    <li className={`round round--${round.status}`}>
      <div className="round__head">
        <div>
          <p className="round__title">{round.title}</p>
          <p className="muted round__meta">
            {t(`facilitation.voting.targets.${round.target}`)} · {t(`facilitation.voting.scopes.${round.scope}`)} ·{' '}
            {t('facilitation.voting.perPerson', { count: round.votesPerPerson })}
            {round.anonymous && ` · ${t('facilitation.voting.anonymousShort')}`}
          </p>
        </div>
        <span className={`chip chip--${round.status}`}>{t(`facilitation.voting.status.${round.status}`)}</span>
      </div>
      <div className="actions">
        {round.status === 'open' && (
          <Button
            size="sm"
            variant="secondary"
            disabled={commands.busy}
            onClick={() => void commands.run({ type: 'voting.close', roundId: round.id })}
          >
            {t('facilitation.voting.close')}
          </Button>
        )}
        {round.status === 'closed' && (
          <Button
            size="sm"
            disabled={commands.busy}
            onClick={() => void commands.run({ type: 'voting.reveal', roundId: round.id })}
          >
            {t('facilitation.voting.reveal')}
          </Button>
        )}
        {round.status === 'revealed' && (
          <Button
            size="sm"
            variant="secondary"
            disabled={commands.busy || onProjector}
            aria-pressed={onProjector}
            onClick={() => void commands.run({ type: 'projector.focus', focus: { kind: 'voting', roundId: round.id } })}
          >
            {onProjector ? t('facilitation.voting.onProjector') : t('facilitation.voting.toProjector')}
          </Button>
        )}
      </div>
      {round.status === 'revealed' && <VotingResults round={round} teamNames={teamNames} />}
    </li>
  );
}
