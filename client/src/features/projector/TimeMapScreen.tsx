import { readTimeMap, type TimeMapCard } from '@horizon/shared/timemap';
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { useDocSnapshot } from '../timemap/useDocSnapshot';
import { MIN_CARD_TEXT_PX, pageYears, YEAR_PAGE_MS } from './timeMapPages';

/**
 * A team's time map for the hall. The workspace's map gives every year from the start to the horizon a column sized
 * for a desk: eleven columns of 14 px cards on a projector, unreadable past the first rows. Here only the years that
 * hold cards get a column, at most a few at a time (pages that turn by themselves, see `timeMapPages.ts`), so the
 * cards stay in type for the back row; the lanes stay in the team's order, and a lane with nothing in the page's
 * years gives its height to those that have something.
 */
export function TimeMapScreen({ doc, horizonYear }: { doc: Y.Doc; horizonYear: number }) {
  const { t } = useTranslation();
  const { lanes, cards } = useDocSnapshot(doc, readTimeMap);
  const pages = pageYears([...new Set(cards.map((card) => card.year))].sort((a, b) => a - b));
  const [turns, setTurns] = useState(0);
  const paged = pages.length > 1;
  const bodyRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const pageIndex = pages.length > 0 ? turns % pages.length : 0;
  const pageKey = pages[pageIndex]?.join() ?? '';

  useEffect(() => {
    if (!paged) return;
    const timer = setInterval(() => setTurns((n) => n + 1), YEAR_PAGE_MS);
    return () => clearInterval(timer);
  }, [paged]);

  // A page whose lanes hold many cards can be taller than the screen at the width-given size: shrink its type, never
  // below the back-row minimum, until it fits. Runs before paint, and again only when the page, the cards or the
  // screen change.
  useLayoutEffect(() => {
    const body = bodyRef.current;
    const table = tableRef.current;
    if (!body || !table) return;
    const fit = () => {
      table.style.removeProperty('font-size');
      let size = parseFloat(getComputedStyle(table).fontSize);
      while (table.offsetHeight > body.clientHeight && size > MIN_CARD_TEXT_PX) {
        size = Math.max(MIN_CARD_TEXT_PX, size - 2);
        table.style.fontSize = `${size}px`;
      }
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(body);
    return () => observer.disconnect();
  }, [pageKey, lanes, cards]);

  if (pages.length === 0) {
    return (
      <div className="projector__center">
        <p className="projector__lead">{t('projector.timemap.empty')}</p>
      </div>
    );
  }
  // Cards added or moved by the team can shrink the page count under the current page: `turns` wraps, never blanks.
  const years = pages[pageIndex]!;
  const cell = (laneId: string, year: number): TimeMapCard[] =>
    cards.filter((card) => card.laneId === laneId && card.year === year);
  const shownLanes = lanes.filter((lane) => years.some((year) => cell(lane.id, year).length > 0));
  const style = { '--tm-years': years.length } as CSSProperties;
  return (
    <div className="projector__timemap">
      <div className="projector__timemap-head">
        <p className="projector__note">{t('projector.timemap.note', { horizon: horizonYear })}</p>
        {paged && (
          <p className="projector__pages" data-testid="timemap-page">
            {t('projector.timemap.page', {
              from: years[0],
              to: years[years.length - 1],
              page: pageIndex + 1,
              pages: pages.length,
            })}
          </p>
        )}
      </div>
      <div ref={bodyRef} className="projector__timemap-body">
        <table ref={tableRef} className="pj-timemap" style={style}>
          <thead>
            <tr>
              <td />
              {years.map((year) => (
                <th key={year} scope="col">
                  {year}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shownLanes.map((lane) => (
              <tr key={lane.id}>
                <th scope="row">{lane.title}</th>
                {years.map((year) => (
                  <td key={year}>
                    {cell(lane.id, year).map((card) => (
                      <p key={card.id} className="pj-timemap__card">
                        {card.quarter > 0 && (
                          <span className="pj-timemap__quarter">
                            {t('projector.timemap.quarter', { n: card.quarter })}
                          </span>
                        )}
                        {card.text}
                      </p>
                    ))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
