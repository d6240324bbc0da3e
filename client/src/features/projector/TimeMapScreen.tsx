import { readTimeMap, type TimeMapCard } from '@horizon/shared/timemap';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { useDocSnapshot } from '../timemap/useDocSnapshot';

/**
 * A team's time map for the hall. The workspace's map gives every year from the start to the horizon a column sized
 * for a desk: eleven columns of 14 px cards on a projector, unreadable past the first rows. Here only the years that
 * hold cards get a column, so the cards can be in type for the back row; the lanes stay in the team's order.
 */
export function TimeMapScreen({ doc, horizonYear }: { doc: Y.Doc; horizonYear: number }) {
  const { t } = useTranslation();
  const { lanes, cards } = useDocSnapshot(doc, readTimeMap);
  const years = [...new Set(cards.map((card) => card.year))].sort((a, b) => a - b);
  if (years.length === 0) {
    return (
      <div className="projector__center">
        <p className="projector__lead">{t('projector.timemap.empty')}</p>
      </div>
    );
  }
  const cell = (laneId: string, year: number): TimeMapCard[] =>
    cards.filter((card) => card.laneId === laneId && card.year === year);
  const style = { '--tm-years': years.length } as CSSProperties;
  return (
    <div className="projector__timemap">
      <p className="projector__note">{t('projector.timemap.note', { horizon: horizonYear })}</p>
      <table className="pj-timemap" style={style}>
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
          {lanes.map((lane) => (
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
  );
}
