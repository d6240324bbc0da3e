import type { TimeMap } from '@horizon/shared/timemap';
import { useLayoutEffect, useState, type RefObject } from 'react';

interface Arrow {
  id: string;
  d: string;
}

/**
 * Links between cards drawn as arrows over the grid. Card positions come from the DOM after layout, and again when
 * the grid resizes (a window resize, a lane filter, the quarter switch), so arrows follow whatever the layout did.
 */
export function LinkLayer({
  gridRef,
  map,
  layoutKey,
}: {
  gridRef: RefObject<HTMLDivElement | null>;
  map: TimeMap;
  layoutKey: string;
}) {
  const [arrows, setArrows] = useState<Arrow[]>([]);
  const [size, setSize] = useState({ w: 0, h: 0 });

  useLayoutEffect(() => {
    const grid = gridRef.current;
    if (!grid) return;
    const measure = () => {
      const origin = grid.getBoundingClientRect();
      const rectOf = (id: string) =>
        grid.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(id)}"]`)?.getBoundingClientRect() ?? null;
      const next: Arrow[] = [];
      for (const link of map.links) {
        const from = rectOf(link.from);
        const to = rectOf(link.to);
        if (!from || !to) continue; // a card in a hidden lane
        const forward = to.left >= from.right;
        const x1 = (forward ? from.right : from.left + from.width / 2) - origin.left;
        const y1 = (forward ? from.top + from.height / 2 : to.top > from.bottom ? from.bottom : from.top) - origin.top;
        const x2 = (forward ? to.left : to.left + to.width / 2) - origin.left;
        const y2 = (forward ? to.top + to.height / 2 : to.top > from.bottom ? to.top : to.bottom) - origin.top;
        const bend = forward ? Math.max(24, (x2 - x1) / 2) : 0;
        const d = forward
          ? `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`
          : `M${x1},${y1} C${x1},${(y1 + y2) / 2} ${x2},${(y1 + y2) / 2} ${x2},${y2}`;
        next.push({ id: link.id, d });
      }
      setArrows(next);
      setSize({ w: grid.scrollWidth, h: grid.scrollHeight });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(grid);
    return () => observer.disconnect();
  }, [gridRef, map, layoutKey]);

  if (arrows.length === 0) return null;
  return (
    <svg className="tm-links" width={size.w} height={size.h} aria-hidden="true">
      <defs>
        <marker id="tm-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
          <path d="M0,0 L10,5 L0,10 z" fill="currentColor" />
        </marker>
      </defs>
      {arrows.map((arrow) => (
        <path key={arrow.id} d={arrow.d} fill="none" stroke="currentColor" strokeWidth="2" markerEnd="url(#tm-arrow)" />
      ))}
    </svg>
  );
}
