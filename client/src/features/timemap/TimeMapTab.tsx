import { readTimeMap, yearRangeOf } from '@horizon/shared/timemap';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceTabProps } from '../workspace/types';
import { CardPanel } from './CardPanel';
import { TimeMapGrid } from './TimeMapGrid';
import { TimeMapToolbar } from './TimeMapToolbar';
import { useDocSnapshot } from './useDocSnapshot';
import './controls.css';
import './timemap.css';

/** The Time map tab: lanes across the years to the horizon, cards placed on them, links between cards. */
export function TimeMapTab({ connection, view, me, canWrite }: WorkspaceTabProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const doc = connection.doc;
  const { createdAt, horizonYear } = view;
  const range = useMemo(() => yearRangeOf({ createdAt, horizonYear }), [createdAt, horizonYear]);
  const map = useDocSnapshot(doc, readTimeMap);
  const [hiddenLanes, setHiddenLanes] = useState<ReadonlySet<string>>(() => new Set());
  const [quarters, setQuarters] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = map.cards.find((card) => card.id === selectedId) ?? null;
  const lanes = map.lanes.filter((lane) => !hiddenLanes.has(lane.id));

  const toggleLane = (laneId: string) =>
    setHiddenLanes((hidden) => {
      const next = new Set(hidden);
      if (!next.delete(laneId)) next.add(laneId);
      return next;
    });

  return (
    <section className="timemap" aria-labelledby={headingId}>
      <header className="timemap__head">
        <div>
          <h2 id={headingId} className="timemap__title">
            {t('timemap.title')}
          </h2>
          <p className="muted">{t('timemap.lead', { start: range.startYear, end: range.endYear })}</p>
        </div>
        <TimeMapToolbar
          doc={doc}
          lanes={map.lanes}
          hiddenLanes={hiddenLanes}
          onToggleLane={toggleLane}
          quarters={quarters}
          onQuartersChange={setQuarters}
          canWrite={canWrite}
        />
      </header>
      {map.cards.length === 0 && canWrite && <p className="timemap__empty">{t('timemap.empty')}</p>}
      <div className={selected ? 'timemap__body timemap__body--with-panel' : 'timemap__body'}>
        <TimeMapGrid
          doc={doc}
          awareness={connection.provider.awareness}
          map={map}
          lanes={lanes}
          range={range}
          quarters={quarters}
          canWrite={canWrite}
          me={me}
          selectedId={selected?.id ?? null}
          onSelect={setSelectedId}
        />
        {selected && (
          <CardPanel
            key={selected.id}
            doc={doc}
            map={map}
            card={selected}
            range={range}
            canWrite={canWrite}
            onClose={() => setSelectedId(null)}
          />
        )}
      </div>
    </section>
  );
}
