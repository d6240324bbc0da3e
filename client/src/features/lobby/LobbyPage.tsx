import type { SessionView } from '@horizon/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessageKey } from '../../app/api';
import { loadCredentials } from '../../app/credentials';
import { Link } from '../../app/router';
import { paths } from '../../app/routes';
import { usePageTitle } from '../../app/usePageTitle';
import { useSessionView } from '../../app/useSessionView';
import { Card } from '../../ui/Card';
import { Notice } from '../../ui/Notice';
import { Spinner } from '../../ui/Spinner';
import { JoinCodePanel } from './JoinCodePanel';
import { ParticipantList } from './ParticipantList';
import './lobby.css';

/** How often the facilitator's lobby asks who has joined. */
const POLL_MS = 3000;

export function LobbyPage({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const [credentials] = useState(() => loadCredentials(sessionId));
  const state = useSessionView(sessionId, credentials?.token ?? null, POLL_MS);
  usePageTitle(state.status === 'ready' ? state.view.title : t('lobby.title'));

  if (!credentials) {
    return (
      <div className="page page--narrow">
        <h1>{t('lobby.title')}</h1>
        <Notice tone="error" title={t('team.noCredentialsTitle')}>
          <p>{t('lobby.noCredentials')}</p>
          <Link to={paths.home()}>{t('app.home')}</Link>
        </Notice>
      </div>
    );
  }
  if (state.status === 'loading') return <Spinner label={t('app.loading')} />;
  if (state.status === 'error') {
    return (
      <div className="page page--narrow">
        <h1>{t('lobby.title')}</h1>
        <Notice tone="error">
          <p>{t(errorMessageKey(state.error))}</p>
          <Link to={paths.home()}>{t('app.home')}</Link>
        </Notice>
      </div>
    );
  }
  const { view } = state;
  if (view.you.role !== 'facilitator' || !view.codes) {
    return (
      <div className="page page--narrow">
        <h1>{view.title}</h1>
        <Notice tone="error">
          <p>{t('lobby.facilitatorOnly')}</p>
          <Link to={paths.home()}>{t('app.home')}</Link>
        </Notice>
      </div>
    );
  }
  return <Lobby view={view} codes={view.codes} pollError={state.error} />;
}

function Lobby({
  view,
  codes,
  pollError,
}: {
  view: SessionView;
  codes: NonNullable<SessionView['codes']>;
  pollError: unknown;
}) {
  const { t } = useTranslation();
  const origin = window.location.origin;
  return (
    <div className="page">
      <header className="page__header">
        <p className="page__eyebrow">{t('lobby.title')}</p>
        <h1>{view.title}</h1>
        <p className="page__lead">{t('lobby.horizon', { year: view.horizonYear })}</p>
      </header>
      {pollError !== undefined && <Notice tone="error">{t(errorMessageKey(pollError))}</Notice>}
      <div className="lobby__grid">
        <JoinCodePanel code={codes.participant} link={origin + paths.join(codes.participant)} />
        <div className="lobby__side">
          <Card title={t('lobby.teams')}>
            <ul className="lobby__teams">
              {view.teams.map((team) => (
                <li key={team.teamId}>
                  <Link
                    to={paths.team(view.sessionId, team.teamId)}
                    className="lobby__team-link"
                    aria-label={t('lobby.openTeam', { name: team.name })}
                  >
                    <span>{team.name}</span>
                    <span aria-hidden="true">→</span>
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
          <ParticipantList participants={view.participants ?? []} teams={view.teams} />
          <Card title={t('lobby.otherLinks')}>
            <dl className="lobby__links">
              <LinkRow label={t('lobby.mentorLink')} code={codes.mentor} origin={origin} testId="mentor-code" />
              <LinkRow
                label={t('lobby.projectorLink')}
                code={codes.projector}
                origin={origin}
                testId="projector-code"
              />
            </dl>
          </Card>
        </div>
      </div>
    </div>
  );
}

function LinkRow({ label, code, origin, testId }: { label: string; code: string; origin: string; testId: string }) {
  const { t } = useTranslation();
  const href = origin + paths.join(code);
  return (
    <div className="lobby__link-row">
      <dt>{label}</dt>
      <dd>
        <a href={href} target="_blank" rel="noreferrer" className="lobby__url">
          {href}
        </a>
        <span className="muted">
          {' · '}
          {t('lobby.codeLabel')}
          <code className="lobby__small-code" data-testid={testId}>
            {code}
          </code>
        </span>
      </dd>
    </div>
  );
}
