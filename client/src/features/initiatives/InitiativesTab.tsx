import { readInitiatives } from '@horizon/shared/initiatives';
import { yearRangeOf } from '@horizon/shared/timemap';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeers } from '../../collab/hooks';
import { Button } from '../../ui/Button';
import { issueMessage } from '../timemap/issueMessages';
import { useDocSnapshot } from '../timemap/useDocSnapshot';
import type { WorkspaceTabProps } from '../workspace/types';
import { CoverageView } from './CoverageView';
import { InitiativeCards } from './InitiativeCards';
import { InitiativeForm } from './InitiativeForm';
import type { InitiativeEnv } from './initiativeEnv';
import { InitiativeTable } from './InitiativeTable';
import { NewInitiativeForm } from './NewInitiativeForm';
import { RoadmapGantt } from './RoadmapGantt';
import '../timemap/controls.css';
import './initiatives.css';

const VIEWS = ['cards', 'table', 'roadmap', 'coverage'] as const;
type View = (typeof VIEWS)[number];

/** The Initiatives tab: the team's project passports as cards, a table or a roadmap, and the coverage of its vision. */
export function InitiativesTab({ connection, view, me, canWrite, teamId }: WorkspaceTabProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const peopleListId = useId();
  const doc = connection.doc;
  const { createdAt, horizonYear } = view;
  const range = useMemo(() => yearRangeOf({ createdAt, horizonYear }), [createdAt, horizonYear]);
  const initiatives = useDocSnapshot(doc, readInitiatives);
  const peers = usePeers(connection);
  const [mode, setMode] = useState<View>('cards');
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  // Names to offer for owners, mentors and members: the team's people first, then everyone else known.
  const people = useMemo(() => {
    const known = new Map<string, string>();
    const participants = [...(view.participants ?? [])].sort(
      (a, b) => Number(b.teamId === teamId) - Number(a.teamId === teamId),
    );
    for (const person of [...peers.map((peer) => peer.user), ...participants]) {
      if (!known.has(person.name)) known.set(person.name, person.participantId);
    }
    return [...known].map(([name, participantId]) => ({ name, participantId }));
  }, [peers, view.participants, teamId]);

  const env: InitiativeEnv = {
    doc,
    range,
    canWrite,
    language: i18n.language,
    peopleListId,
    people,
    message: (issue) => issueMessage(t, issue, range),
  };
  const open = initiatives.find((initiative) => initiative.id === openId);

  return (
    <section className="ini" aria-labelledby={headingId}>
      <datalist id={peopleListId}>
        {people.map((person) => (
          <option key={person.name} value={person.name} />
        ))}
      </datalist>
      {open ? (
        <InitiativeForm env={env} initiative={open} connection={connection} me={me} onBack={() => setOpenId(null)} />
      ) : (
        <>
          <header className="ini__head">
            <div>
              <h2 id={headingId} className="ini__title">
                {t('initiatives.title')}
              </h2>
              <p className="muted">{t('initiatives.lead', { end: range.endYear })}</p>
            </div>
            <div className="ini__tools">
              <div className="hz-segmented" role="group" aria-label={t('initiatives.views')}>
                {VIEWS.map((candidate) => (
                  <button
                    key={candidate}
                    type="button"
                    aria-pressed={mode === candidate}
                    onClick={() => setMode(candidate)}
                  >
                    {t(`initiatives.view.${candidate}`)}
                  </button>
                ))}
              </div>
              {canWrite && !creating && (
                <Button onClick={() => setCreating(true)}>+ {t('initiatives.newInitiative')}</Button>
              )}
            </div>
          </header>
          {creating && (
            <NewInitiativeForm
              env={env}
              createdBy={me.participantId}
              onCancel={() => setCreating(false)}
              onCreated={(id) => {
                setCreating(false);
                setOpenId(id);
              }}
            />
          )}
          {initiatives.length === 0 && mode !== 'coverage' ? (
            <p className="ini__empty">{t('initiatives.empty')}</p>
          ) : (
            <>
              {mode === 'cards' && <InitiativeCards initiatives={initiatives} onOpen={setOpenId} />}
              {mode === 'table' && <InitiativeTable env={env} initiatives={initiatives} onOpen={setOpenId} />}
              {mode === 'roadmap' && (
                <RoadmapGantt
                  doc={doc}
                  initiatives={initiatives}
                  range={range}
                  canWrite={canWrite}
                  onOpen={setOpenId}
                />
              )}
              {mode === 'coverage' && <CoverageView doc={doc} initiatives={initiatives} />}
            </>
          )}
        </>
      )}
    </section>
  );
}
