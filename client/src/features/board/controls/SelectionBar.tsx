import { NOTE_COLORS, REACTIONS, type NoteSnapshot } from '@horizon/shared/board';
import { useRef, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { REACTION_ICONS } from '../canvas/NoteCard';
import type { BoardController, BoardUiState } from '../model/BoardController';
import { NOTE_FILL } from './noteColors';
import { useSelectionAnchor } from './useSelectionAnchor';

type SelectionKind = 'notes' | 'section' | 'link';

function selectionKind(ui: BoardUiState, notes: number): SelectionKind | null {
  if (ui.selectedLink) return 'link';
  if (ui.selectedSection) return 'section';
  return notes > 0 ? 'notes' : null;
}

/**
 * Actions on what is selected: colour, reactions, edit, duplicate, delete. Shown only while something is, floating
 * beside the selection (see `toolbarPlacement.ts`) so it never hides the notes it acts on.
 */
export function SelectionBar({ controller }: { controller: BoardController }) {
  const { t } = useTranslation();
  const ui = useSyncExternalStore(controller.subscribe, controller.getUi);
  const version = useSyncExternalStore(controller.store.subscribe, controller.store.getVersion);
  void version;
  const barRef = useRef<HTMLDivElement>(null);
  const { canWrite, store } = controller;
  const notes = canWrite ? [...ui.selectedNotes].flatMap((id) => store.notes.get(id) ?? []) : [];
  const kind = canWrite ? selectionKind(ui, notes.length) : null;
  useSelectionAnchor(barRef, controller, kind);
  if (kind === null) return null;

  return (
    // One element for every kind of selection, so the anchoring effect keeps its hold on it.
    <div
      ref={barRef}
      className="board__selection"
      role="toolbar"
      aria-label={t('board.selectionToolbar')}
      data-board-ui
    >
      {kind === 'notes' ? (
        <NoteActions controller={controller} notes={notes} editing={ui.editing} />
      ) : (
        <button type="button" className="btn btn--danger btn--sm" onClick={() => controller.deleteSelection()}>
          {kind === 'link' ? t('board.deleteLink') : t('board.deleteSelectedSection')}
        </button>
      )}
    </div>
  );
}

interface NoteActionsProps {
  controller: BoardController;
  notes: NoteSnapshot[];
  /** The note being typed in, whose Edit button would do nothing. */
  editing: string | null;
}

function NoteActions({ controller, notes, editing }: NoteActionsProps): ReactNode {
  const { t } = useTranslation();
  const { me } = controller;
  const single = notes.length === 1 ? notes[0]! : null;
  return (
    <>
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
      {single && editing !== single.id && (
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
    </>
  );
}
