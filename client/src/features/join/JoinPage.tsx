import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError, errorMessageKey, lookupCode, type CodeLookup } from '../../app/api';
import { loadCredentials } from '../../app/credentials';
import { Link, navigate } from '../../app/router';
import { paths } from '../../app/routes';
import { usePageTitle } from '../../app/usePageTitle';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Notice } from '../../ui/Notice';
import { Spinner } from '../../ui/Spinner';
import { JoinForm } from './JoinForm';
import { landingPath } from './landingPath';
import './join.css';

type LookupState =
  { status: 'loading' } | { status: 'ready'; lookup: CodeLookup } | { status: 'error'; error: unknown };

export function JoinPage({ code }: { code: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<LookupState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    lookupCode(code, controller.signal).then(
      (lookup) => setState({ status: 'ready', lookup }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [code, attempt]);

  usePageTitle(state.status === 'ready' ? state.lookup.title : t('join.title'));

  if (state.status === 'loading') {
    return (
      <div className="page page--narrow">
        <Spinner label={t('join.lookingUp')} />
      </div>
    );
  }
  if (state.status === 'error') {
    const badCode = state.error instanceof ApiRequestError && state.error.status === 404;
    return (
      <div className="page page--narrow">
        <h1>{badCode ? t('join.badCodeTitle') : t('join.title')}</h1>
        <Notice tone="error">
          <p>{badCode ? t('join.badCodeText', { code }) : t(errorMessageKey(state.error))}</p>
          <div className="actions">
            {!badCode && (
              <Button
                variant="secondary"
                onClick={() => {
                  setState({ status: 'loading' });
                  setAttempt((n) => n + 1);
                }}
              >
                {t('connection.retry')}
              </Button>
            )}
            <Link to={paths.home()}>{t('join.tryAnother')}</Link>
          </div>
        </Notice>
      </div>
    );
  }
  const { lookup } = state;
  return <JoinReady code={code} lookup={lookup} />;
}

function JoinReady({ code, lookup }: { code: string; lookup: CodeLookup }) {
  const { t } = useTranslation();
  const [existing] = useState(() => loadCredentials(lookup.sessionId));
  return (
    <div className="page page--narrow">
      <header className="page__header">
        <p className="page__eyebrow">{t('join.title')}</p>
        <h1>{lookup.title}</h1>
        <p className="page__lead">
          {t('join.horizon', { year: lookup.horizonYear })} · {t('join.asRole', { role: t(`roles.${lookup.role}`) })}
        </p>
      </header>
      {existing && (
        <Card title={t('join.alreadyTitle')} className="join__existing">
          <p>{existing.name ? t('join.alreadyText', { name: existing.name }) : t('join.alreadyTextNoName')}</p>
          <div className="actions">
            <Button onClick={() => navigate(landingPath(lookup.sessionId, existing, lookup.teams))}>
              {t('join.continue')}
            </Button>
            <span className="muted">{t('join.joinAgain')}</span>
          </div>
        </Card>
      )}
      <JoinForm code={code} lookup={lookup} />
    </div>
  );
}
