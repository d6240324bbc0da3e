import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { NoteCommentsAction } from '../../mentoring/NoteCommentsAction';
import type { BoardController } from '../model/BoardController';
import { ZOOM } from '../model/camera';
import { useUndoState } from './useUndoState';

/** The board's main actions: add, link, undo/redo, and the view (zoom, fit). */
export function BoardToolbar({ controller }: { controller: BoardController }) {
  const { t } = useTranslation();
  const { canWrite, camera } = controller;
  const { canUndo, canRedo } = useUndoState(controller.undo);
  const zoom = useSyncExternalStore(camera.subscribe, () => camera.get().zoom);
  const ui = useSyncExternalStore(controller.subscribe, controller.getUi);

  return (
    <div className="board__toolbar" role="toolbar" aria-label={t('board.toolbar')}>
      {canWrite && (
        <div className="board__group">
          <button type="button" className="btn btn--primary btn--sm" onClick={() => controller.createNote()}>
            <span aria-hidden="true">+</span> {t('board.addNote')}
          </button>
          <button
            type="button"
            className="btn btn--secondary btn--sm"
            onClick={() => controller.createSection(t('board.newSectionTitle'))}
          >
            {t('board.addSection')}
          </button>
          <button
            type="button"
            className="btn btn--secondary btn--sm"
            disabled={ui.selectedNotes.size < 2}
            title={t('board.linkHint')}
            onClick={() => controller.linkSelection()}
          >
            {t('board.link')}
          </button>
        </div>
      )}
      {canWrite && (
        <div className="board__group">
          <button
            type="button"
            className="btn btn--ghost btn--sm board__icon"
            aria-label={t('board.undo')}
            title={t('board.undo')}
            disabled={!canUndo}
            onClick={() => controller.undo.undo()}
          >
            ↶
          </button>
          <button
            type="button"
            className="btn btn--ghost btn--sm board__icon"
            aria-label={t('board.redo')}
            title={t('board.redo')}
            disabled={!canRedo}
            onClick={() => controller.undo.redo()}
          >
            ↷
          </button>
        </div>
      )}
      <NoteCommentsAction
        noteId={ui.selectedNotes.size === 1 ? [...ui.selectedNotes][0]! : null}
        noteText={controller.store.notes.get([...ui.selectedNotes][0] ?? '')?.text ?? ''}
      />
      <div className="board__group board__group--end">
        <button
          type="button"
          className="btn btn--ghost btn--sm board__icon"
          aria-label={t('board.zoomOut')}
          title={t('board.zoomOut')}
          onClick={() => camera.zoomCentered(1 / ZOOM.step)}
        >
          −
        </button>
        <output className="board__zoom" aria-label={t('board.zoomLevel')}>
          {Math.round(zoom * 100)}%
        </output>
        <button
          type="button"
          className="btn btn--ghost btn--sm board__icon"
          aria-label={t('board.zoomIn')}
          title={t('board.zoomIn')}
          onClick={() => camera.zoomCentered(ZOOM.step)}
        >
          +
        </button>
        <button type="button" className="btn btn--secondary btn--sm" onClick={() => controller.fitToContent()}>
          {t('board.fit')}
        </button>
      </div>
    </div>
  );
}
