import { useEffect, useRef, useState, type PointerEvent } from 'react';

export interface DropTarget {
  laneId: string;
  year: number;
  /** Set only when quarters are shown: the quarter column the card was dropped in. */
  quarter?: 1 | 2 | 3 | 4;
}

interface DragState {
  cardId: string;
  pointerId: number;
  startX: number;
  startY: number;
  moved: boolean;
}

/** Pixels a pointer must travel before a press becomes a drag (a tap on a phone wobbles a little). */
const DRAG_THRESHOLD = 5;

/** The cell (and quarter) under a viewport point, read from the cells' data attributes. */
function dropTargetAt(x: number, y: number, quarters: boolean): DropTarget | null {
  const cell = document.elementFromPoint(x, y)?.closest<HTMLElement>('[data-cell]');
  const laneId = cell?.dataset.laneId;
  const year = Number(cell?.dataset.year);
  if (!cell || !laneId || !Number.isInteger(year)) return null;
  if (!quarters) return { laneId, year };
  const rect = cell.getBoundingClientRect();
  const quarter = Math.min(4, Math.max(1, Math.floor(((x - rect.left) / rect.width) * 4) + 1)) as 1 | 2 | 3 | 4;
  return { laneId, year, quarter };
}

/**
 * Pointer-driven card dragging (mouse, pen and touch alike; HTML5 drag and drop does not fire on touch screens).
 * Listeners sit on the window while a press lasts, and the dragged card ignores the pointer, so the cell under the
 * finger is found with `elementFromPoint`.
 */
export function useCardDrag({
  quarters,
  onDrop,
  onClick,
}: {
  quarters: boolean;
  onDrop: (cardId: string, target: DropTarget) => void;
  onClick: (cardId: string) => void;
}) {
  const press = useRef<DragState | null>(null);
  const [view, setView] = useState<{ cardId: string; offset: { x: number; y: number }; target: DropTarget | null }>();
  const callbacks = useRef({ onDrop, onClick, quarters });
  useEffect(() => {
    callbacks.current = { onDrop, onClick, quarters };
  });

  useEffect(() => {
    const onMove = (event: globalThis.PointerEvent) => {
      const state = press.current;
      if (!state || event.pointerId !== state.pointerId) return;
      const x = event.clientX - state.startX;
      const y = event.clientY - state.startY;
      if (!state.moved && Math.hypot(x, y) < DRAG_THRESHOLD) return;
      state.moved = true;
      const target = dropTargetAt(event.clientX, event.clientY, callbacks.current.quarters);
      setView({ cardId: state.cardId, offset: { x, y }, target });
    };
    const onUp = (event: globalThis.PointerEvent) => {
      const state = press.current;
      if (!state || event.pointerId !== state.pointerId) return;
      press.current = null;
      setView(undefined);
      if (!state.moved) {
        callbacks.current.onClick(state.cardId);
        return;
      }
      const target = dropTargetAt(event.clientX, event.clientY, callbacks.current.quarters);
      if (target) callbacks.current.onDrop(state.cardId, target);
    };
    const onCancel = () => {
      press.current = null;
      setView(undefined);
    };
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
    window.addEventListener('pointercancel', onCancel);
    return () => {
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      window.removeEventListener('pointercancel', onCancel);
    };
  }, []);

  return {
    cardId: view?.cardId ?? null,
    offset: view?.offset ?? null,
    target: view?.target ?? null,
    onPointerDown(event: PointerEvent<HTMLElement>, cardId: string) {
      if (event.button !== 0) return;
      press.current = {
        cardId,
        pointerId: event.pointerId,
        startX: event.clientX,
        startY: event.clientY,
        moved: false,
      };
    },
  };
}
