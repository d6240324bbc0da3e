import type { TimeMapCard } from '@horizon/shared/timemap';
import type { CSSProperties, KeyboardEvent, PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface TimeMapCardViewProps {
  card: TimeMapCard;
  laneTitle: string;
  quarters: boolean;
  selected: boolean;
  canWrite: boolean;
  /** Where a drag in progress has carried the card, in pixels. */
  dragOffset: { x: number; y: number } | null;
  onPointerDown: (event: PointerEvent<HTMLElement>) => void;
  onSelect: () => void;
  onMoveKey: (key: string) => void;
}

const MOVE_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']);

export function TimeMapCardView(props: TimeMapCardViewProps) {
  const { t } = useTranslation();
  const { card, quarters, selected, canWrite, dragOffset } = props;
  const when = card.quarter ? t('timemap.yearQuarter', { year: card.year, quarter: card.quarter }) : String(card.year);
  const style: CSSProperties = {};
  // In quarter mode the cell is four columns: a card sits in its quarter's, a whole-year card spans them all.
  if (quarters) style.gridColumn = card.quarter ? `${card.quarter} / span 1` : '1 / -1';
  if (dragOffset) style.transform = `translate(${dragOffset.x}px, ${dragOffset.y}px)`;

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      props.onSelect();
    } else if (canWrite && event.altKey && MOVE_KEYS.has(event.key)) {
      event.preventDefault();
      props.onMoveKey(event.key);
    }
  };

  return (
    <div
      role="button"
      tabIndex={0}
      className={[
        'tm-card',
        selected && 'tm-card--selected',
        dragOffset && 'tm-card--dragging',
        canWrite && 'tm-card--movable',
      ]
        .filter(Boolean)
        .join(' ')}
      style={style}
      data-card-id={card.id}
      aria-pressed={selected}
      aria-label={t('timemap.cardLabel', { text: card.text, lane: props.laneTitle, when })}
      title={canWrite ? t('timemap.cardHint') : undefined}
      onPointerDown={canWrite ? props.onPointerDown : undefined}
      onClick={canWrite ? undefined : props.onSelect}
      onKeyDown={onKeyDown}
    >
      {card.quarter > 0 && !quarters && (
        <span className="tm-card__quarter">{t('timemap.quarterShort', { quarter: card.quarter })}</span>
      )}
      <span className="tm-card__text">{card.text}</span>
    </div>
  );
}
