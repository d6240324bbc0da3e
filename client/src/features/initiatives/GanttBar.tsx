import {
  fractionOfRange,
  resizeSpanEnd,
  shiftSpan,
  updateStep,
  type DateSpan,
  type Step,
} from '@horizon/shared/initiatives';
import type { YearRange } from '@horizon/shared/timemap';
import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { tryWrite } from '../timemap/issueMessages';
import { formatDate } from './format';

interface GanttBarProps {
  doc: Y.Doc;
  initiativeId: string;
  step: Step;
  range: YearRange;
  canWrite: boolean;
  hintId: string;
}

interface Drag {
  pointerId: number;
  startX: number;
  mode: 'move' | 'end';
  pxPerMonth: number;
}

function percent(iso: string, range: YearRange): number {
  return Math.min(100, Math.max(0, fractionOfRange(iso, range) * 100));
}

/**
 * One step on the roadmap. Dragging moves it (or, by its right edge, its end) in whole months; the bar previews the
 * new dates while the pointer moves and writes once on release, so peers see one change, not a hundred.
 */
export function GanttBar({ doc, initiativeId, step, range, canWrite, hintId }: GanttBarProps) {
  const { t, i18n } = useTranslation();
  const drag = useRef<Drag | null>(null);
  const [preview, setPreview] = useState<DateSpan | null>(null);
  const span = preview ?? { start: step.start, end: step.end };
  const milestone = step.start === step.end;

  const commit = (next: DateSpan) => {
    if (next.start === step.start && next.end === step.end) return;
    tryWrite(() => updateStep(doc, initiativeId, step.id, next, { range }));
  };
  const nextSpan = (mode: Drag['mode'], months: number): DateSpan =>
    mode === 'move' ? shiftSpan(step, months, range) : resizeSpanEnd(step, months, range);

  const onPointerDown = (event: PointerEvent<HTMLElement>) => {
    if (!canWrite || event.button !== 0) return;
    const track = event.currentTarget.parentElement;
    if (!track) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    const months = (range.endYear - range.startYear + 1) * 12;
    const onHandle = (event.target as HTMLElement).dataset.handle === 'end';
    drag.current = {
      pointerId: event.pointerId,
      startX: event.clientX,
      mode: onHandle ? 'end' : 'move',
      pxPerMonth: track.getBoundingClientRect().width / months,
    };
  };
  const onPointerMove = (event: PointerEvent<HTMLElement>) => {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return;
    const months = Math.round((event.clientX - current.startX) / current.pxPerMonth);
    setPreview(nextSpan(current.mode, months));
  };
  const onPointerUp = (event: PointerEvent<HTMLElement>) => {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return;
    drag.current = null;
    const months = Math.round((event.clientX - current.startX) / current.pxPerMonth);
    setPreview(null);
    commit(nextSpan(current.mode, months));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!canWrite || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return;
    event.preventDefault();
    commit(nextSpan(event.shiftKey ? 'end' : 'move', event.key === 'ArrowRight' ? 1 : -1));
  };

  const left = percent(span.start, range);
  // The end is inclusive: the bar reaches the end of its last day.
  const right = percent(span.end, range) + 100 / ((range.endYear - range.startYear + 1) * 365.25);
  const start = formatDate(span.start, i18n.language);
  const end = formatDate(span.end, i18n.language);
  const label = milestone
    ? t('initiatives.roadmap.milestone', { title: step.title, date: start })
    : t('initiatives.roadmap.bar', { title: step.title, start, end });

  return (
    <button
      type="button"
      className={[
        'gantt__bar',
        `gantt__bar--${step.status}`,
        milestone && 'gantt__bar--milestone',
        preview && 'gantt__bar--dragging',
        canWrite && 'gantt__bar--movable',
      ]
        .filter(Boolean)
        .join(' ')}
      style={{ left: `${left}%`, width: milestone ? undefined : `${Math.max(0.4, right - left)}%` }}
      aria-label={label}
      aria-describedby={canWrite ? hintId : undefined}
      title={label}
      data-step-id={step.id}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => {
        drag.current = null;
        setPreview(null);
      }}
      onKeyDown={onKeyDown}
    >
      {!milestone && <span className="gantt__bar-text">{step.title}</span>}
      {canWrite && !milestone && <span className="gantt__handle" data-handle="end" aria-hidden="true" />}
    </button>
  );
}
