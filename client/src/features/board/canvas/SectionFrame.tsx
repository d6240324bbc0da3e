import { renameSection, type SectionSnapshot } from '@horizon/shared/board';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardController } from '../model/BoardController';

interface SectionFrameProps {
  section: SectionSnapshot;
  controller: BoardController;
  selected: boolean;
}

/** A titled frame. Dragging its title bar moves it with the notes it holds; the corner handle resizes it. */
export const SectionFrame = memo(function SectionFrame({ section, controller, selected }: SectionFrameProps) {
  const { t } = useTranslation();
  const [renaming, setRenaming] = useState(false);
  const { canWrite, doc, origin } = controller;
  const title = section.title || t('board.untitledSection');

  const finishRename = (value: string) => {
    setRenaming(false);
    const next = value.trim();
    if (next && next !== section.title) renameSection(doc, section.id, next, origin);
  };

  return (
    <section
      className={selected ? 'section section--selected' : 'section'}
      aria-label={t('board.sectionLabel', { title })}
      style={{
        transform: `translate(${section.x}px, ${section.y}px)`,
        width: section.w,
        height: section.h,
        background: section.color,
      }}
    >
      <header className="section__bar" data-section-title={section.id}>
        {renaming ? (
          <input
            className="section__title-input"
            aria-label={t('board.sectionTitle')}
            defaultValue={section.title}
            maxLength={120}
            autoFocus
            onBlur={(event) => finishRename(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') finishRename(event.currentTarget.value);
              if (event.key === 'Escape') setRenaming(false);
            }}
          />
        ) : (
          <h3
            className="section__title"
            onDoubleClick={(event) => {
              event.stopPropagation();
              if (canWrite) setRenaming(true);
            }}
          >
            {title}
          </h3>
        )}
        {canWrite && !renaming && (
          <span className="section__actions">
            <button
              type="button"
              className="section__action"
              aria-label={t('board.renameSection', { title })}
              title={t('board.renameSection', { title })}
              onClick={() => setRenaming(true)}
            >
              ✎
            </button>
            <button
              type="button"
              className="section__action"
              aria-label={t('board.deleteSection', { title })}
              title={t('board.deleteSection', { title })}
              onClick={() => {
                controller.selectSection(section.id);
                controller.deleteSelection();
              }}
            >
              ×
            </button>
          </span>
        )}
      </header>
      {selected && canWrite && <span className="section__resize" data-resize-section={section.id} aria-hidden="true" />}
    </section>
  );
});
