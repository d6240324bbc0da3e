import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { initialsOf, type Peer } from '../../collab/presence';
import { Avatar } from '../../ui/Avatar';

export function PresenceList({ peers }: { peers: readonly Peer[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="card presence" aria-labelledby={headingId}>
      <div className="presence__head">
        <h2 id={headingId} className="card__title">
          {t('team.online')}
        </h2>
        <span className="muted">{t('team.onlineCount', { count: peers.length })}</span>
      </div>
      <ul className="people" aria-labelledby={headingId}>
        {peers.map((peer) => (
          <li key={peer.user.participantId} className="people__item">
            <Avatar initials={initialsOf(peer.user.name)} color={peer.user.color} highlighted={peer.isLocal} />
            <span className="people__text">
              <span className="people__name">
                {peer.user.name}
                {peer.isLocal && <span className="people__you"> ({t('team.you')})</span>}
              </span>
              {peer.user.role !== 'participant' && <span className="people__meta">{t(`roles.${peer.user.role}`)}</span>}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
