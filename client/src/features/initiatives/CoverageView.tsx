import { sectionCoverage, type Initiative } from '@horizon/shared/initiatives';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { useDocSnapshot } from '../timemap/useDocSnapshot';
import { readBoardTargets } from './boardTargets';

/** Which sections of the image of the future are served by initiatives, and which are not yet. */
export function CoverageView({ doc, initiatives }: { doc: Y.Doc; initiatives: Initiative[] }) {
  const { t } = useTranslation();
  const board = useDocSnapshot(doc, readBoardTargets);
  const noteSection = new Map(board.notes.map((note) => [note.id, note.sectionId]));
  const coverage = sectionCoverage(
    board.sections.map((section) => section.id),
    (noteId) => noteSection.get(noteId) ?? null,
    initiatives,
  );
  const titleOf = (id: string) => initiatives.find((initiative) => initiative.id === id)?.title ?? '';
  const uncovered = coverage.filter((entry) => entry.initiativeIds.length === 0).length;

  if (board.sections.length === 0) return <p className="muted">{t('initiatives.noBoard')}</p>;
  return (
    <div className="ini-coverage">
      <p className="muted">{t('initiatives.coverage.lead')}</p>
      <p
        className={uncovered ? 'ini-coverage__summary ini-coverage__summary--gap' : 'ini-coverage__summary'}
        role="status"
      >
        {uncovered
          ? t('initiatives.coverage.uncoveredCount', { count: uncovered })
          : t('initiatives.coverage.allCovered')}
      </p>
      <ul className="ini-coverage__list">
        {coverage.map((entry) => {
          const title = board.sections.find((section) => section.id === entry.sectionId)?.title ?? '';
          const served = entry.initiativeIds.length > 0;
          return (
            <li
              key={entry.sectionId}
              className={served ? 'ini-coverage__item' : 'ini-coverage__item ini-coverage__item--gap'}
            >
              <strong>{title}</strong>
              <span>
                {served
                  ? t('initiatives.coverage.served', { list: entry.initiativeIds.map(titleOf).join(', ') })
                  : t('initiatives.coverage.uncovered')}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
