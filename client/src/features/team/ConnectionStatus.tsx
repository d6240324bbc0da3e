import { CloseCode } from '@horizon/shared';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router';
import { paths } from '../../app/routes';
import type { ConnectionState } from '../../collab/connectionState';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';

const EXPLAINED_CODES = new Set<number>([
  CloseCode.malformed,
  CloseCode.unauthorized,
  CloseCode.forbidden,
  CloseCode.notFound,
  CloseCode.tooLarge,
  CloseCode.tooFast,
]);

/** Refusals a retry cannot fix: the person needs a new sign-in or another room. */
const NEEDS_NEW_SIGN_IN = new Set<number>([CloseCode.unauthorized, CloseCode.forbidden, CloseCode.notFound]);

interface ConnectionStatusProps {
  state: ConnectionState;
  /** Edits are kept in this browser while the connection is down. */
  savesLocally: boolean;
  /** The page itself was opened from this browser's cache. */
  offlineView?: boolean;
  onRetry: () => void;
}

export function ConnectionStatus({ state, savesLocally, offlineView, onRetry }: ConnectionStatusProps) {
  const { t } = useTranslation();
  if (state.kind === 'refused') {
    const explanation = EXPLAINED_CODES.has(state.code)
      ? t(`connection.refusedCode.${state.code}`)
      : t('connection.refusedCode.other', { code: state.code });
    return (
      <div className="connection connection--refused">
        <Notice tone="error" title={t('connection.refused')}>
          <p>{explanation}</p>
          {state.reason && <p className="muted">{t('errors.details', { message: state.reason })}</p>}
          {NEEDS_NEW_SIGN_IN.has(state.code) ? (
            <Link to={paths.home()}>{t('app.home')}</Link>
          ) : (
            <Button variant="secondary" size="sm" onClick={onRetry}>
              {t('connection.retry')}
            </Button>
          )}
        </Notice>
      </div>
    );
  }
  const away = state.kind === 'offline' || state.kind === 'reconnecting' || (offlineView && state.kind !== 'connected');
  return (
    <p className={`connection connection--${state.kind}`} role="status" aria-label={t('connection.label')}>
      <span className="connection__dot" aria-hidden="true" />
      <span>{t(`connection.${state.kind}`)}</span>
      {away && savesLocally && <span className="connection__note">{t('connection.savedLocally')}</span>}
    </p>
  );
}
