import { noteText, notesMap, replaceNoteText } from '@horizon/shared/board';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import type { BoardController } from '../model/BoardController';
import { transformIndex } from './caret';

/**
 * The note's text as a plain textarea bound to its Y.Text: local input is written as the smallest diff, remote
 * edits are merged into the textarea with the caret carried along, so two people can type in one note at once.
 */
export function NoteTextEditor({ controller, id }: { controller: BoardController; id: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLTextAreaElement>(null);
  const { doc, origin, undo } = controller;

  useEffect(() => {
    const textarea = ref.current;
    const note = notesMap(doc).get(id);
    const text = note instanceof Y.Map ? noteText(note) : null;
    if (!textarea || !text) return;
    textarea.value = text.toString();
    textarea.focus({ preventScroll: true });
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
    const onChange = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      // Our own keystrokes are already in the textarea; everything else (peers, undo) is merged in.
      if (transaction.origin === origin) return;
      const start = transformIndex(textarea.selectionStart, event.delta);
      const end = transformIndex(textarea.selectionEnd, event.delta);
      textarea.value = text.toString();
      textarea.setSelectionRange(start, end);
    };
    text.observe(onChange);
    return () => text.unobserve(onChange);
  }, [doc, id, origin]);

  return (
    <textarea
      ref={ref}
      className="note__editor"
      aria-label={t('board.noteText')}
      maxLength={2000}
      onInput={(event) => replaceNoteText(doc, id, event.currentTarget.value, origin)}
      onBlur={() => {
        if (controller.getUi().editing === id) controller.stopEditing();
      }}
      onKeyDown={(event) => {
        const mod = event.ctrlKey || event.metaKey;
        if (event.key === 'Escape' || (mod && event.key === 'Enter')) {
          event.preventDefault();
          controller.stopEditing();
          event.currentTarget.closest<HTMLElement>('.board__viewport')?.focus({ preventScroll: true });
        } else if (mod && (event.key === 'z' || event.key === 'Z' || event.key === 'я')) {
          // The textarea's own undo would fight the shared text; ours undoes only this person's edits.
          event.preventDefault();
          if (event.shiftKey) undo.redo();
          else undo.undo();
        } else if (mod && (event.key === 'y' || event.key === 'н')) {
          event.preventDefault();
          undo.redo();
        }
      }}
    />
  );
}
