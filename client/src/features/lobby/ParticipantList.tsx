import type { ParticipantInfo, TeamInfo } from '@horizon/shared';
import { useTranslation } from 'react-i18next';
import { colorFor, initialsOf } from '../../collab/presence';
import { Avatar } from '../../ui/Avatar';
import { Card } from '../../ui/Card';

export function ParticipantList({ participants, teams }: { participants: ParticipantInfo[]; teams: TeamInfo[] }) {
  const { t } = useTranslation();
  const joined = participants.filter((participant) => participant.role !== 'facilitator');
  const teamName = new Map(teams.map((team) => [team.teamId, team.name]));
  return (
    <Card title={t('lobby.joined')}>
      <p className="muted" aria-live="polite">
        {t('lobby.joinedCount', { count: joined.length })}
      </p>
      {joined.length === 0 ? (
        <p className="muted">{t('lobby.nobody')}</p>
      ) : (
        <ul className="people" aria-label={t('lobby.joined')}>
          {joined.map((participant) => (
            <li key={participant.participantId} className="people__item">
              <Avatar initials={initialsOf(participant.name)} color={colorFor(participant.participantId)} />
              <span className="people__text">
                <span className="people__name">{participant.name}</span>
                <span className="people__meta">
                  {participant.role === 'participant'
                    ? (participant.teamId && teamName.get(participant.teamId)) || t('lobby.noTeam')
                    : t(`roles.${participant.role}`)}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
