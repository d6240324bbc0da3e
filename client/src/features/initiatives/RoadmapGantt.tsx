import { fractionOfRange, isDateInRange, localToday, type Initiative } from '@horizon/shared/initiatives';
import { yearsOf, type YearRange } from '@horizon/shared/timemap';
import { useId, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { deadlineOf } from './deadline';
import { formatNumber } from './format';
import { GanttBar } from './GanttBar';

interface RoadmapGanttProps {
  doc: Y.Doc;
  initiatives: Initiative[];
  range: YearRange;
  canWrite: boolean;
  /** Narrower labels and rows, for several teams side by side. */
  compact?: boolean;
  onOpen?: (id: string) => void;
}

/**
 * The roadmap to the horizon: a swimlane per initiative (its span, its indicator targets as milestones), a bar per
 * step, year columns and a today line. Laid out in percentages of the range, so it fits any width it is given.
 */
export function RoadmapGantt({ doc, initiatives, range, canWrite, compact, onOpen }: RoadmapGanttProps) {
  const { t, i18n } = useTranslation();
  const hintId = useId();
  const years = yearsOf(range);
  const today = localToday();
  const todayAt = isDateInRange(today, range) ? fractionOfRange(today, range) * 100 : null;
  const style = { '--gantt-years': years.length } as CSSProperties;

  const track = (children: ReactNode, extraClass = '') => (
    <div className={`gantt__track ${extraClass}`}>
      {todayAt !== null && <span className="gantt__today" style={{ left: `${todayAt}%` }} aria-hidden="true" />}
      {children}
    </div>
  );

  return (
    <div
      className={compact ? 'gantt gantt--compact' : 'gantt'}
      role="group"
      aria-label={t('initiatives.roadmap.label', { end: range.endYear })}
    >
      {canWrite && (
        <p id={hintId} className="gantt__hint muted">
          {t('initiatives.roadmap.hint')}
        </p>
      )}
      <div className="gantt__scroller">
        <div className="gantt__grid" style={style}>
          <div className="gantt__row gantt__row--axis" aria-hidden="true">
            <div className="gantt__label" />
            <div className="gantt__axis">
              {years.map((year) => (
                <span key={year}>{year}</span>
              ))}
              {todayAt !== null && (
                <span className="gantt__today-label" style={{ left: `${todayAt}%` }}>
                  {t('initiatives.roadmap.today')}
                </span>
              )}
            </div>
          </div>
          {initiatives.map((initiative) => {
            const starts = initiative.steps.map((step) => step.start).sort();
            const first = starts[0];
            const last = deadlineOf(initiative);
            return (
              <div key={initiative.id} className="gantt__lane" role="group" aria-label={initiative.title}>
                <div className="gantt__row gantt__row--initiative">
                  <div className="gantt__label">
                    {onOpen ? (
                      <button
                        type="button"
                        className="gantt__open"
                        aria-label={t('initiatives.open', { title: initiative.title })}
                        onClick={() => onOpen(initiative.id)}
                      >
                        {initiative.title}
                      </button>
                    ) : (
                      <strong>{initiative.title}</strong>
                    )}
                    <span className="gantt__people">
                      {[initiative.owner, initiative.mentor].filter(Boolean).join(' · ') ||
                        t(`initiatives.status.${initiative.status}`)}
                    </span>
                  </div>
                  {track(
                    <>
                      {first && last && (
                        <span
                          className="gantt__span"
                          style={{
                            left: `${fractionOfRange(first, range) * 100}%`,
                            width: `${(fractionOfRange(last, range) - fractionOfRange(first, range)) * 100}%`,
                          }}
                          aria-hidden="true"
                        />
                      )}
                      {initiative.indicators.map((indicator) => {
                        const label = t('initiatives.roadmap.indicatorMark', {
                          name: indicator.name,
                          target: `${formatNumber(indicator.target, i18n.language)}${indicator.unit ? ` ${indicator.unit}` : ''}`,
                          year: indicator.year,
                        });
                        return (
                          <span
                            key={indicator.id}
                            className="gantt__target"
                            role="img"
                            aria-label={label}
                            title={label}
                            style={{ left: `${fractionOfRange(`${indicator.year}-12-31`, range) * 100}%` }}
                          />
                        );
                      })}
                      {initiative.steps.length === 0 && (
                        <span className="gantt__none muted">{t('initiatives.roadmap.noSteps')}</span>
                      )}
                    </>,
                    'gantt__track--summary',
                  )}
                </div>
                {initiative.steps.map((step) => (
                  <div key={step.id} className="gantt__row">
                    <div className="gantt__label gantt__label--step">{step.title}</div>
                    {track(
                      <GanttBar
                        doc={doc}
                        initiativeId={initiative.id}
                        step={step}
                        range={range}
                        canWrite={canWrite}
                        hintId={hintId}
                      />,
                    )}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
