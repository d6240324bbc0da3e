import type { VotingRound } from '@horizon/shared/facilitation';
import { useTranslation } from 'react-i18next';
import { VotingResults } from '../facilitation/VotingResults';

const SHOWN = 8;

/** A round on the big screen: ranked bars once revealed; before that only that it is running or closed. */
export function VotingScreen({
  rounds,
  roundId,
  teamNames,
}: {
  rounds: VotingRound[];
  roundId: string | undefined;
  teamNames: Record<string, string>;
}) {
  const { t } = useTranslation();
  const round = rounds.find((candidate) => candidate.id === roundId) ?? rounds[0];
  if (!round) {
    return (
      <div className="projector__center">
        <p className="projector__headline">{t('projector.voting.none')}</p>
      </div>
    );
  }
  return (
    <div className="projector__voting">
      <h1 className="projector__headline">{round.title}</h1>
      {round.status === 'revealed' ? (
        <VotingResults round={round} teamNames={teamNames} limit={SHOWN} size="huge" />
      ) : (
        <p className="projector__lead">
          {round.status === 'open' ? t('projector.voting.open') : t('projector.voting.closed')}
        </p>
      )}
    </div>
  );
}
