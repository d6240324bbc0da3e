import {
  updateCard,
  yearsOf,
  type Lane,
  type Quarter,
  type TimeMap,
  type TimeMapCard,
  type YearRange,
} from '@horizon/shared/timemap';
import { useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { PresenceUser } from '../../collab/presence';
import { CursorLayer } from './CursorLayer';
import { tryWrite } from './issueMessages';
import { LaneHeader } from './LaneHeader';
import { LinkLayer } from './LinkLayer';
import { NewCardInput } from './NewCardInput';
import { TimeMapCardView } from './TimeMapCardView';
import { useCardDrag, type DropTarget } from './useCardDrag';
import { useTimeMapCursor } from './useTimeMapCursors';

interface TimeMapGridProps {
  doc: Y.Doc;
  awareness: Awareness;
  map: TimeMap;
  /** The lanes to show, in order (the filter already applied). */
  lanes: readonly Lane[];
  range: YearRange;
  quarters: boolean;
  canWrite: boolean;
  me: PresenceUser;
  selectedId: string | null;
  onSelect: (cardId: string | null) => void;
}

/** Lanes × years as an ARIA table: row headers are lanes, column headers years, each cell a drop target. */
export function TimeMapGrid(props: TimeMapGridProps) {
  const { t } = useTranslation();
  const { doc, map, lanes, range, quarters, canWrite, selectedId, onSelect } = props;
  const gridRef = useRef<HTMLDivElement>(null);
  const [adding, setAdding] = useState<{ laneId: string; year: number } | null>(null);
  const focusAfterMove = useRef<string | null>(null);
  const years = yearsOf(range);
  const laneById = new Map(map.lanes.map((lane) => [lane.id, lane]));
  const context = { range };

  const moveCard = (card: TimeMapCard, target: DropTarget) => {
    const quarter: Quarter = target.quarter ?? card.quarter;
    if (card.laneId === target.laneId && card.year === target.year && card.quarter === quarter) return;
    tryWrite(() => updateCard(doc, card.id, { laneId: target.laneId, year: target.year, quarter }, context));
  };
  const drag = useCardDrag({
    quarters,
    onDrop: (cardId, target) => {
      const card = map.cards.find((candidate) => candidate.id === cardId);
      if (card) moveCard(card, target);
    },
    onClick: (cardId) => onSelect(cardId === selectedId ? null : cardId),
  });
  const cursor = useTimeMapCursor(props.awareness);

  // A card moved by keyboard is re-created in its new cell; give it focus back.
  useLayoutEffect(() => {
    const id = focusAfterMove.current;
    if (!id) return;
    focusAfterMove.current = null;
    gridRef.current?.querySelector<HTMLElement>(`[data-card-id="${id}"]`)?.focus();
  });

  const moveByKeyboard = (card: TimeMapCard, key: string) => {
    const laneIndex = lanes.findIndex((lane) => lane.id === card.laneId);
    const target = { laneId: card.laneId, year: card.year };
    if (key === 'ArrowLeft') target.year = Math.max(range.startYear, card.year - 1);
    if (key === 'ArrowRight') target.year = Math.min(range.endYear, card.year + 1);
    if (key === 'ArrowUp') target.laneId = lanes[Math.max(0, laneIndex - 1)]?.id ?? card.laneId;
    if (key === 'ArrowDown') target.laneId = lanes[Math.min(lanes.length - 1, laneIndex + 1)]?.id ?? card.laneId;
    focusAfterMove.current = card.id;
    moveCard(card, target);
  };

  const style = { '--timemap-years': years.length } as CSSProperties;
  return (
    <div className="timemap__scroller">
      <div
        ref={gridRef}
        className={quarters ? 'timemap__grid timemap__grid--quarters' : 'timemap__grid'}
        style={style}
        role="table"
        aria-label={t('timemap.grid')}
        onPointerMove={cursor.onPointerMove}
        onPointerLeave={cursor.onPointerLeave}
      >
        <div role="row" className="timemap__row">
          <div role="columnheader" className="timemap__corner">
            <span className="visually-hidden">{t('timemap.lane')}</span>
          </div>
          {years.map((year) => (
            <div key={year} role="columnheader" className="timemap__year">
              {year}
              {quarters && (
                <span className="timemap__quarter-ticks" aria-hidden="true">
                  {[1, 2, 3, 4].map((quarter) => (
                    <span key={quarter}>{t('timemap.quarterShort', { quarter })}</span>
                  ))}
                </span>
              )}
            </div>
          ))}
        </div>
        {lanes.map((lane, laneIndex) => (
          <div key={lane.id} role="row" className="timemap__row">
            <LaneHeader
              doc={doc}
              lane={lane}
              isFirst={laneIndex === 0}
              isLast={laneIndex === lanes.length - 1}
              allLanes={map.lanes}
              isEmpty={!map.cards.some((card) => card.laneId === lane.id)}
              canWrite={canWrite}
            />
            {years.map((year) => {
              const cards = map.cards.filter((card) => card.laneId === lane.id && card.year === year);
              const isAdding = adding?.laneId === lane.id && adding.year === year;
              const isTarget = drag.target?.laneId === lane.id && drag.target.year === year;
              return (
                <div
                  key={year}
                  role="cell"
                  className={isTarget ? 'timemap__cell timemap__cell--target' : 'timemap__cell'}
                  data-cell={`${lane.id}:${year}`}
                  data-lane-id={lane.id}
                  data-year={year}
                >
                  {cards.map((card) => (
                    <TimeMapCardView
                      key={card.id}
                      card={card}
                      laneTitle={laneById.get(card.laneId)?.title ?? ''}
                      quarters={quarters}
                      selected={card.id === selectedId}
                      canWrite={canWrite}
                      dragOffset={drag.cardId === card.id ? drag.offset : null}
                      onPointerDown={(event) => drag.onPointerDown(event, card.id)}
                      onSelect={() => onSelect(card.id === selectedId ? null : card.id)}
                      onMoveKey={(key) => moveByKeyboard(card, key)}
                    />
                  ))}
                  {canWrite &&
                    (isAdding ? (
                      <NewCardInput
                        doc={doc}
                        laneId={lane.id}
                        laneTitle={lane.title}
                        year={year}
                        range={range}
                        createdBy={props.me.participantId}
                        onDone={() => setAdding(null)}
                      />
                    ) : (
                      <button
                        type="button"
                        className="timemap__add"
                        aria-label={t('timemap.addCardIn', { lane: lane.title, year })}
                        onClick={() => setAdding({ laneId: lane.id, year })}
                      >
                        +
                      </button>
                    ))}
                </div>
              );
            })}
          </div>
        ))}
        <LinkLayer gridRef={gridRef} map={map} layoutKey={`${lanes.length}:${quarters}:${selectedId}`} />
        <CursorLayer gridRef={gridRef} peers={cursor.peers} />
      </div>
    </div>
  );
}
