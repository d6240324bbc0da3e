import { useLayoutEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeerCursor } from './useTimeMapCursors';

interface Placed {
  clientId: number;
  name: string;
  color: string;
  x: number;
  y: number;
}

/** Other people's pointers over the grid, placed in the same cell they point at on their own screen. */
export function CursorLayer({ gridRef, peers }: { gridRef: RefObject<HTMLDivElement | null>; peers: PeerCursor[] }) {
  const { t } = useTranslation();
  const [placed, setPlaced] = useState<Placed[]>([]);

  // Positions come from the laid-out cells, so they are measured after layout rather than computed in render.
  useLayoutEffect(() => {
    const grid = gridRef.current;
    if (!grid) return;
    const origin = grid.getBoundingClientRect();
    const next: Placed[] = [];
    for (const { clientId, user, position } of peers) {
      const cell = grid.querySelector<HTMLElement>(
        `[data-cell="${CSS.escape(`${position.laneId}:${position.year}`)}"]`,
      );
      if (!cell) continue;
      const rect = cell.getBoundingClientRect();
      next.push({
        clientId,
        name: user.name,
        color: user.color,
        x: rect.left - origin.left + position.fx * rect.width,
        y: rect.top - origin.top + position.fy * rect.height,
      });
    }
    setPlaced(next);
  }, [gridRef, peers]);

  return (
    <div className="tm-cursors" aria-hidden="true">
      {placed.map((cursor) => (
        <div
          key={cursor.clientId}
          className="tm-cursor"
          style={{ transform: `translate(${cursor.x}px, ${cursor.y}px)`, color: cursor.color }}
          title={t('timemap.cursorOf', { name: cursor.name })}
        >
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M1 1 L14 7 L8 8.5 L6 15 Z" fill="currentColor" stroke="#fff" strokeWidth="1.2" />
          </svg>
          <span className="tm-cursor__label" style={{ background: cursor.color }}>
            {cursor.name}
          </span>
        </div>
      ))}
    </div>
  );
}
