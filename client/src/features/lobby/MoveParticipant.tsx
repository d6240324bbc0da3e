import type { ParticipantInfo, TeamInfo } from '@horizon/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessageKey } from '../../app/api';

interface MoveParticipantProps {
  participant: ParticipantInfo;
  teams: TeamInfo[];
  onMove: (participantId: string, teamId: string) => Promise<void>;
}

/**
 * A team picker for one participant: choosing another team moves them at once (their screen follows). While the
 * request runs the picker shows the chosen team and is disabled; a refusal puts it back and says why.
 */
export function MoveParticipant({ participant, teams, onMove }: MoveParticipantProps) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const move = async (teamId: string) => {
    setPending(teamId);
    setError(null);
    try {
      await onMove(participant.participantId, teamId);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(null);
    }
  };
  return (
    <span className="move">
      <select
        className="move__select"
        aria-label={t('lobby.teamOf', { name: participant.name })}
        value={pending ?? participant.teamId ?? ''}
        disabled={pending !== null}
        onChange={(event) => void move(event.target.value)}
      >
        {!participant.teamId && <option value="">{t('lobby.noTeam')}</option>}
        {teams.map((team) => (
          <option key={team.teamId} value={team.teamId}>
            {team.name}
          </option>
        ))}
      </select>
      {error !== null && (
        <span className="move__error" role="alert">
          {t(errorMessageKey(error))}
        </span>
      )}
    </span>
  );
}
