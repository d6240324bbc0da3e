import type { ParticipantInfo, TeamInfo } from '@horizon/shared';
import { TEAM_COLORS } from '@horizon/shared';
import { useTranslation } from 'react-i18next';
import { colorFor, initialsOf } from '../../collab/presence';
import { Avatar } from '../../ui/Avatar';
import { Card } from '../../ui/Card';
import { MoveParticipant } from './MoveParticipant';

interface ParticipantListProps {
  participants: ParticipantInfo[];
  teams: TeamInfo[];
  /** Moves a participant; resolves when the server agreed. */
  onMove: (participantId: string, teamId: string) => Promise<void>;
}

/** Who has joined, grouped by team (then mentors and projectors), with a team picker on each participant. */
export function ParticipantList({ participants, teams, onMove }: ParticipantListProps) {
  const { t } = useTranslation();
  const joined = participants.filter((participant) => participant.role !== 'facilitator');
  const knownTeams = new Set(teams.map((team) => team.teamId));
  const groups = [
    ...teams.map((team, index) => ({
      key: team.teamId,
      title: team.name,
      color: TEAM_COLORS[index % TEAM_COLORS.length]!,
      people: joined.filter((p) => p.role === 'participant' && p.teamId === team.teamId),
    })),
    {
      key: 'no-team',
      title: t('lobby.noTeam'),
      color: 'var(--color-border)',
      people: joined.filter((p) => p.role === 'participant' && !(p.teamId && knownTeams.has(p.teamId))),
    },
    {
      key: 'others',
      title: t('lobby.mentorsAndProjectors'),
      color: 'var(--color-border)',
      people: joined.filter((p) => p.role !== 'participant'),
    },
  ].filter((group) => group.people.length > 0 || knownTeams.has(group.key));

  return (
    <Card title={t('lobby.joined')}>
      <p className="muted" aria-live="polite">
        {t('lobby.joinedCount', { count: joined.length })}
      </p>
      {joined.length === 0 && <p className="muted">{t('lobby.nobody')}</p>}
      <ul className="lobby__groups" aria-label={t('lobby.joined')}>
        {groups.map((group) => (
          <li key={group.key} className="lobby__group" style={{ borderLeftColor: group.color }}>
            <h3 className="lobby__group-title">
              {group.title} <span className="muted">· {group.people.length}</span>
            </h3>
            {group.people.length > 0 && (
              <ul className="people" aria-label={group.title}>
                {group.people.map((participant) => (
                  <li key={participant.participantId} className="people__item">
                    <Avatar
                      initials={initialsOf(participant.name)}
                      color={colorFor(participant.participantId)}
                      size="sm"
                    />
                    <span className="people__text">
                      <span className="people__name">{participant.name}</span>
                      {participant.role !== 'participant' && (
                        <span className="people__meta">{t(`roles.${participant.role}`)}</span>
                      )}
                    </span>
                    {participant.role === 'participant' && teams.length > 1 && (
                      <MoveParticipant participant={participant} teams={teams} onMove={onMove} />
                    )}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
