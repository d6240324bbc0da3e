import { useTranslation } from 'react-i18next';
import type { VotingRound } from '@horizon/shared/facilitation';

interface VotingResultsProps {
  round: VotingRound;
  teamNames: Record<string, string>;
  /** How many rows to show; the projector shows the top of the list in big type. */
  limit?: number;
  size?: 'md' | 'huge';
}

/** A revealed round, ranked: the most votes first, each with a bar relative to the winner. */
export function VotingResults({ round, teamNames, limit, size = 'md' }: VotingResultsProps) {
  const { t } = useTranslation();
  const results = (round.results ?? []).filter((result) => result.votes > 0).slice(0, limit);
  if (results.length === 0) return <p className="muted">{t('facilitation.voting.noVotes')}</p>;
  const top = Math.max(1, ...results.map((result) => result.votes));
  const showTeam = round.scope === 'all';
  return (
    <ol className={`results results--${size}`} aria-label={t('facilitation.voting.resultsOf', { title: round.title })}>
      {results.map((result, index) => (
        <li key={`${result.teamId}/${result.itemId}`} className="results__row">
          <span className="results__place" aria-hidden="true">
            {index + 1}
          </span>
          <div className="results__body">
            <p className="results__label">{result.label || t('facilitation.voting.untitled')}</p>
            {/* Its own line: inline after a long label it broke mid-name on the projector. */}
            {showTeam && teamNames[result.teamId] && <p className="results__team">{teamNames[result.teamId]}</p>}
            <div className="results__bar" aria-hidden="true">
              <span style={{ width: `${(result.votes / top) * 100}%` }} />
            </div>
            {!round.anonymous && result.voters && result.voters.length > 0 && (
              <p className="results__voters">{result.voters.join(', ')}</p>
            )}
          </div>
          <span className="results__votes">{t('facilitation.voting.votes', { count: result.votes })}</span>
        </li>
      ))}
    </ol>
  );
}
