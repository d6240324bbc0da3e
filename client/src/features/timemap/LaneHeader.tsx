import { moveLane, removeLane, renameLane, type Lane } from '@horizon/shared/timemap';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { tryWrite } from './issueMessages';

interface LaneHeaderProps {
  doc: Y.Doc;
  lane: Lane;
  /** Every lane in order, hidden ones included: a move is an index in the team's order, not in this filter. */
  allLanes: readonly Lane[];
  isFirst: boolean;
  isLast: boolean;
  isEmpty: boolean;
  canWrite: boolean;
}

/** A lane's row header: its title (renamed in place), move up / down, and removal when the lane is empty. */
export function LaneHeader({ doc, lane, allLanes, isFirst, isLast, isEmpty, canWrite }: LaneHeaderProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  const index = allLanes.findIndex((candidate) => candidate.id === lane.id);
  const commit = () => {
    if (draft === null) return;
    if (draft.trim() === lane.title || tryWrite(() => renameLane(doc, lane.id, draft)).length === 0) setDraft(null);
  };

  return (
    <div role="rowheader" className="timemap__lane">
      {draft !== null ? (
        <input
          className="field__input hz-input-sm"
          aria-label={t('timemap.laneTitle', { lane: lane.title })}
          value={draft}
          autoFocus
          aria-invalid={draft.trim() === '' ? true : undefined}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit();
            if (event.key === 'Escape') setDraft(null);
          }}
        />
      ) : (
        <span className="timemap__lane-title">{lane.title}</span>
      )}
      {canWrite && draft === null && (
        <span className="timemap__lane-tools">
          <button
            type="button"
            className="hz-icon-btn"
            aria-label={t('timemap.renameLane', { lane: lane.title })}
            title={t('timemap.renameLane', { lane: lane.title })}
            onClick={() => setDraft(lane.title)}
          >
            ✎
          </button>
          <button
            type="button"
            className="hz-icon-btn"
            aria-label={t('timemap.moveLaneUp', { lane: lane.title })}
            title={t('timemap.moveLaneUp', { lane: lane.title })}
            disabled={isFirst || index <= 0}
            onClick={() => moveLane(doc, lane.id, index - 1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="hz-icon-btn"
            aria-label={t('timemap.moveLaneDown', { lane: lane.title })}
            title={t('timemap.moveLaneDown', { lane: lane.title })}
            disabled={isLast || index >= allLanes.length - 1}
            onClick={() => moveLane(doc, lane.id, index + 1)}
          >
            ↓
          </button>
          {isEmpty && (
            <button
              type="button"
              className="hz-icon-btn hz-icon-btn--danger"
              aria-label={t('timemap.removeLane', { lane: lane.title })}
              title={t('timemap.removeLane', { lane: lane.title })}
              onClick={() => removeLane(doc, lane.id)}
            >
              ×
            </button>
          )}
        </span>
      )}
    </div>
  );
}
