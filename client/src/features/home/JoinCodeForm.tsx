import { ApiLimits, normalizeJoinCode } from '@horizon/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/router';
import { paths } from '../../app/routes';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { TextField } from '../../ui/TextField';

export function JoinCodeForm() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const normalized = normalizeJoinCode(code);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (normalized) navigate(paths.join(normalized));
  };

  return (
    <Card title={t('home.joinTitle')} lead={t('home.joinLead')} className="home__join">
      <form className="form" onSubmit={onSubmit}>
        <TextField
          label={t('home.code')}
          value={code}
          maxLength={ApiLimits.codeMax}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          className="home__code"
          onChange={(event) => setCode(event.target.value)}
        />
        <Button type="submit" size="lg" disabled={!normalized}>
          {t('home.join')}
        </Button>
      </form>
    </Card>
  );
}
