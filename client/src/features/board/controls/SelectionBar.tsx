import { NOTE_COLORS, REACTIONS } from '@horizon/shared/board';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { REACTION_ICONS } from '../canvas/NoteCard';
import type { BoardController } from '../model/BoardController';
import { NOTE_FILL } from './noteColors';

/** Actions on what is selected: colour, reactions, edit, duplicate, delete. Shown only while something is. */
export function SelectionBar({ controller }: { controller: BoardController }) {
  const { t } = useTranslation();
  const ui = useSyncExternalStore(controller.subscribe, controller.getUi);
  const version = useSyncExternalStore(controller.store.subscribe, controller.store.getVersion);
  void version;
  const { canWrite, store, me } = controller;
  if (!canWrite) return null;
  const notes = [...ui.selectedNotes].flatMap((id) => store.notes.get(id) ?? []);
  const single = notes.length === 1 ? notes[0]! : null;

  if (ui.selectedLink || ui.selectedSection) {
    return (
      <div className="board__selection" role="toolbar" aria-label={t('board.selectionToolbar')} data-board-ui>
        <button type="button" className="btn btn--danger btn--sm" onClick={() => controller.deleteSelection()}>
          {ui.selectedLink ? t('board.deleteLink') : t('board.deleteSelectedSection')}
        </button>
      </div>
    );
  }
  if (notes.length === 0) return null;

  return (
    <div className="board__selection" role="toolbar" aria-label={t('board.selectionToolbar')} data-board-ui>
      <span className="board__selection-count">{t('board.selectedCount', { count: notes.length })}</span>
      <div className="board__swatches" role="group" aria-label={t('board.color')}>
        {NOTE_COLORS.map((color) => (
          <button
            key={color}
            type="button"
            className="board__swatch"
            style={{ background: NOTE_FILL[color] }}
            aria-label={t(`board.colors.${color}`)}
            aria-pressed={notes.every((note) => note.color === color)}
            onClick={() => controller.colorSelection(color)}
          />
        ))}
      </div>
      {single && (
        <div className="board__group" role="group" aria-label={t('board.react')}>
          {REACTIONS.map((reaction) => (
            <button
              key={reaction}
              type="button"
              className="btn btn--ghost btn--sm board__icon"
              aria-label={t(`board.reactions.${reaction}`)}
              title={t(`board.reactions.${reaction}`)}
              aria-pressed={single.reactions[reaction]?.includes(me.participantId) ?? false}
              onClick={() => controller.react(single.id, reaction)}
            >
              {REACTION_ICONS[reaction]}
            </button>
          ))}
        </div>
      )}
      {single && ui.editing !== single.id && (
        <button type="button" className="btn btn--secondary btn--sm" onClick={() => controller.startEditing(single.id)}>
          {t('board.edit')}
        </button>
      )}
      <button type="button" className="btn btn--secondary btn--sm" onClick={() => controller.duplicateSelection()}>
        {t('board.duplicate')}
      </button>
      <button type="button" className="btn btn--danger btn--sm" onClick={() => controller.deleteSelection()}>
        {t('board.delete')}
      </button>
    </div>
  );
}
