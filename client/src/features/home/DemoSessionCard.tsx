import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createDemoSession, errorMessageKey } from '../../app/api';
import { saveCredentials } from '../../app/credentials';
import { navigate } from '../../app/router';
import { paths } from '../../app/routes';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Notice } from '../../ui/Notice';

/** One click to a full session with realistic content: the fastest way to see what Horizon does. */
export function DemoSessionCard() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const open = async () => {
    setBusy(true);
    setError(null);
    try {
      const created = await createDemoSession();
      saveCredentials(created.sessionId, { token: created.facilitatorToken, role: 'facilitator' });
      const firstTeam = created.teams[0];
      navigate(firstTeam ? paths.team(created.sessionId, firstTeam.teamId, 'board') : paths.lobby(created.sessionId));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <Card title={t('home.demoTitle')} lead={t('home.demoLead')}>
      {error !== null && <Notice tone="error">{t(errorMessageKey(error))}</Notice>}
      <Button variant="secondary" onClick={() => void open()} disabled={busy}>
        {busy ? t('home.demoOpening') : t('home.demoOpen')}
      </Button>
    </Card>
  );
}
