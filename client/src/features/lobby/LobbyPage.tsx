import type { SessionView } from '@horizon/shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessageKey, moveParticipant } from '../../app/api';
import { useCredentials } from '../../app/credentials';
import { Link } from '../../app/router';
import { paths } from '../../app/routes';
import { usePageTitle } from '../../app/usePageTitle';
import { useSessionView } from '../../app/useSessionView';
import { Card } from '../../ui/Card';
import { Notice } from '../../ui/Notice';
import { Spinner } from '../../ui/Spinner';
import { ExportButton } from '../export/ExportDialog';
import { JoinCodePanel } from './JoinCodePanel';
import { ParticipantList } from './ParticipantList';
import { useJoinOrigin } from './useJoinOrigin';
import './lobby.css';

/** How often the facilitator's lobby asks who has joined. */
const POLL_MS = 3000;

export function LobbyPage({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const credentials = useCredentials(sessionId);
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
  return <Lobby view={view} codes={view.codes} pollError={state.error} token={credentials.token} />;
}

function Lobby({
  view,
  codes,
  pollError,
  token,
}: {
  view: SessionView;
  codes: NonNullable<SessionView['codes']>;
  pollError: unknown;
  token: string;
}) {
  const { t, i18n } = useTranslation();
  const { origin, unreachable } = useJoinOrigin();
  // Moves made here show at once; the next poll brings the same answer from the server.
  const [moved, setMoved] = useState<Record<string, string>>({});
  const participants = useMemo(
    () => (view.participants ?? []).map((p) => (moved[p.participantId] ? { ...p, teamId: moved[p.participantId] } : p)),
    [view.participants, moved],
  );
  const onMove = async (participantId: string, teamId: string) => {
    await moveParticipant(view.sessionId, participantId, teamId, token);
    setMoved((current) => ({ ...current, [participantId]: teamId }));
  };
  const created = new Intl.DateTimeFormat(i18n.resolvedLanguage ?? i18n.language, {
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(view.createdAt));
  return (
    <div className="page">
      <header className="page__header">
        <p className="page__eyebrow">{t('lobby.title')}</p>
        <h1>{view.title}</h1>
        <p className="page__lead">
          {t('lobby.horizon', { year: view.horizonYear })} · {t('lobby.created', { date: created })}
        </p>
        <p>
          <Link to={paths.control(view.sessionId)} className="btn btn--primary">
            {t('facilitation.control.open')} <span aria-hidden="true">→</span>
          </Link>
        </p>
        <ExportButton view={view} size="md" />
      </header>
      {pollError !== undefined && <Notice tone="error">{t(errorMessageKey(pollError))}</Notice>}
      {unreachable && <Notice title={t('lobby.loopbackTitle')}>{t('lobby.loopbackText')}</Notice>}
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
          <ParticipantList participants={participants} teams={view.teams} onMove={onMove} />
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
