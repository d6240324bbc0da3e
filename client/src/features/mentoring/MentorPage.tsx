import type { SessionView } from '@horizon/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SessionGate } from '../../app/SessionGate';
import { useRoom } from '../../collab/hooks';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { MentoredTeamsEditor } from './MentoredTeamsEditor';
import { MentorTeamColumn } from './MentorTeamColumn';
import './mentoring.css';

/** `/s/<sid>/mentor`: the teams a mentor mentors, side by side, and the choice of those teams. */
export function MentorPage({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  return (
    <SessionGate sessionId={sessionId} title={t('mentoring.page.title')}>
      {(view, token) =>
        view.you.role === 'mentor' ? (
          <MentorDesk view={view} token={token} />
        ) : (
          <div className="page page--narrow">
            <h1>{t('mentoring.page.title')}</h1>
            <Notice tone="error">{t('mentoring.page.mentorOnly')}</Notice>
          </div>
        )
      }
    </SessionGate>
  );
}

function MentorDesk({ view, token }: { view: SessionView; token: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [picking, setPicking] = useState(false);
  const session = useRoom(view.rooms.session, token);
  const mentorOf = view.you.mentorOf ?? [];
  const teams = view.teams.filter((team) => mentorOf.includes(team.teamId));

  return (
    <div className="page fb-desk" aria-labelledby={headingId}>
      <header className="fb-desk__head">
        <div>
          <p className="page__context">{view.title}</p>
          <h1 id={headingId}>{t('mentoring.page.title')}</h1>
          <p className="muted">{t('mentoring.page.lead')}</p>
        </div>
        {!picking && (
          <Button variant="secondary" size="sm" onClick={() => setPicking(true)}>
            {t('mentoring.pick.open')}
          </Button>
        )}
      </header>
      {picking && (
        <MentoredTeamsEditor
          sessionId={view.sessionId}
          token={token}
          teams={view.teams}
          chosen={mentorOf}
          onDone={() => setPicking(false)}
        />
      )}
      {teams.length === 0 ? (
        <p className="fb-desk__empty">{t('mentoring.page.noTeams')}</p>
      ) : (
        <div className="fb-desk__grid">
          {teams.map((team) => (
            <MentorTeamColumn
              key={team.teamId}
              view={view}
              team={team}
              token={token}
              sessionDoc={session?.doc ?? null}
            />
          ))}
        </div>
      )}
    </div>
  );
}
