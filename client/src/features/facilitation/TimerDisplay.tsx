import { useTranslation } from 'react-i18next';
import { useServerNow } from './serverClock';
import { remainingMs, type TimerState } from '@horizon/shared/facilitation';
import { formatClock } from './sessionState';

interface TimerDisplayProps {
  timer: TimerState;
  /** Server clock minus this device's clock (`useServerOffset`). */
  offset: number;
  size?: 'md' | 'lg' | 'huge';
  className?: string;
}

/**
 * The session timer as everyone sees it: counted against the server's clock, so every screen shows the same second.
 * At zero it turns red and says so in words, for people who cannot tell colours apart.
 */
export function TimerDisplay({ timer, offset, size = 'md', className }: TimerDisplayProps) {
  const { t } = useTranslation();
  const now = useServerNow(offset, timer.status === 'running');
  const remaining = timer.status === 'idle' ? null : remainingMs(timer, now);
  const over = remaining !== null && remaining <= 0 && timer.status === 'running';
  const classes = ['timer', `timer--${size}`, `timer--${timer.status}`, over && 'timer--over', className]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes} data-testid="session-timer">
      <span className="timer__clock" role="timer" aria-label={t('facilitation.timer.label')}>
        {remaining === null ? '—:——' : formatClock(remaining)}
      </span>
      {over ? (
        <span className="timer__note timer__note--over" role="status">
          {t('facilitation.timer.over')}
        </span>
      ) : (
        timer.status === 'paused' && <span className="timer__note">{t('facilitation.timer.paused')}</span>
      )}
    </div>
  );
}
