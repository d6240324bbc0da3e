import { centerOf, type LinkSnapshot, type NoteSnapshot, type Rect } from '@horizon/shared/board';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';

/** The point where the segment from the centre of `rect` towards `toward` leaves the rectangle. */
function edgePoint(rect: Rect, toward: { x: number; y: number }) {
  const c = centerOf(rect);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const scale = Math.min(rect.w / 2 / Math.abs(dx || 1e-9), rect.h / 2 / Math.abs(dy || 1e-9));
  return { x: c.x + dx * Math.min(scale, 1), y: c.y + dy * Math.min(scale, 1) };
}

interface LinksLayerProps {
  links: readonly LinkSnapshot[];
  notes: ReadonlyMap<string, NoteSnapshot>;
  selectedLink: string | null;
  /** Ids of the notes mounted now: a link is drawn when either end is. */
  mounted: ReadonlySet<string>;
}

/** Arrows between notes, in world coordinates, under the notes. Each has a wide invisible stroke to click. */
export const LinksLayer = memo(function LinksLayer({ links, notes, selectedLink, mounted }: LinksLayerProps) {
  const { t } = useTranslation();
  return (
    <svg className="links" aria-hidden="false" role="group" aria-label={t('board.links')}>
      <defs>
        <marker id="board-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto">
          <path d="M0,0 L10,5 L0,10 z" className="links__head" />
        </marker>
      </defs>
      {links.map((link) => {
        const from = notes.get(link.from);
        const to = notes.get(link.to);
        if (!from || !to || (!mounted.has(from.id) && !mounted.has(to.id))) return null;
        const a = edgePoint(from, centerOf(to));
        const b = edgePoint(to, centerOf(from));
        const d = `M${a.x},${a.y} L${b.x},${b.y}`;
        const selected = link.id === selectedLink;
        return (
          <g
            key={link.id}
            data-link-id={link.id}
            className={selected ? 'links__link links__link--selected' : 'links__link'}
          >
            <path d={d} className="links__hit" />
            <path d={d} className="links__line" markerEnd="url(#board-arrow)" />
            <title>{t('board.linkLabel', { from: from.text.slice(0, 30), to: to.text.slice(0, 30) })}</title>
          </g>
        );
      })}
    </svg>
  );
});
