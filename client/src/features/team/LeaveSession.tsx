import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { forgetCredentials } from '../../app/credentials';
import { navigate } from '../../app/router';
import { paths } from '../../app/routes';
import { Button } from '../../ui/Button';

/**
 * "Leave": this browser forgets the session and goes home; the person can join again with the code. Asked twice,
 * because on a shared laptop it is the only way back in for someone without the code at hand.
 */
export function LeaveSession({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const panelId = useId();
  const leave = () => {
    forgetCredentials(sessionId);
    navigate(paths.home());
  };
  return (
    <div className="leave">
      <Button
        variant="secondary"
        size="sm"
        aria-expanded={asking}
        aria-controls={panelId}
        onClick={() => setAsking((value) => !value)}
      >
        {t('team.leave')}
      </Button>
      {asking && (
        <div id={panelId} className="leave__panel" role="group" aria-label={t('team.leaveTitle')}>
          <p>{t('team.leaveText')}</p>
          <div className="actions">
            <Button variant="danger" size="sm" onClick={leave}>
              {t('team.leaveConfirm')}
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setAsking(false)} autoFocus>
              {t('team.leaveCancel')}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
