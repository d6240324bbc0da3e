import { useTranslation } from 'react-i18next';
import { initialsOf, type Peer } from '../../collab/presence';
import { Avatar } from '../../ui/Avatar';

/** Avatars shown before the rest fold into "+N"; the list still names everyone for screen readers. */
const SHOWN = 5;

/**
 * Who is here, as a stack of avatars. It is a real list («В сети», one item per person) whose names are written for
 * screen readers and shown to sighted people as a tooltip when they point at an avatar, with the tab they are on.
 */
export function PresenceStack({ peers }: { peers: readonly Peer[] }) {
  const { t } = useTranslation();
  const hidden = Math.max(0, peers.length - SHOWN);
  return (
    <div className="presence">
      <ul className="presence__stack" aria-label={t('team.online')}>
        {peers.map((peer, index) => (
          <li
            key={peer.user.participantId}
            className={index < SHOWN ? 'presence__person' : 'presence__person presence__person--folded'}
          >
            <Avatar
              initials={initialsOf(peer.user.name)}
              color={peer.user.color}
              size="sm"
              highlighted={peer.isLocal}
            />
            <span className="presence__tip">
              {peer.user.name}
              {peer.isLocal && ` (${t('team.you')})`}
              {peer.user.role !== 'participant' && `, ${t(`roles.${peer.user.role}`)}`}
              {peer.view && <span className="presence__where"> · {t(`workspace.tabs.${peer.view.tab}`)}</span>}
            </span>
          </li>
        ))}
      </ul>
      {hidden > 0 && (
        <span className="presence__more" aria-hidden="true">
          +{hidden}
        </span>
      )}
      <span className="presence__count">{t('team.onlineCount', { count: peers.length })}</span>
    </div>
  );
}
