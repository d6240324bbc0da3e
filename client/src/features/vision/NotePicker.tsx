import { listNotes } from '@horizon/shared/board';
import { mentionLabel, NOTE_MENTION } from '@horizon/shared/vision';
import type { Editor } from '@tiptap/react';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';

const SHOWN = 30;

/** Finds a board note by its words and inserts a mention of it at the caret. */
export function NotePicker({ editor, doc, onDone }: { editor: Editor; doc: Y.Doc; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  // Read once when the picker opens: a list that reorders while someone types elsewhere is hard to click.
  const notes = useMemo(() => listNotes(doc).filter((note) => note.text.trim().length > 0), [doc]);
  const needle = query.trim().toLocaleLowerCase();
  const found = notes.filter((note) => note.text.toLocaleLowerCase().includes(needle)).slice(0, SHOWN);

  const insert = (noteId: string, text: string) => {
    editor
      .chain()
      .focus()
      .insertContent([
        { type: NOTE_MENTION, attrs: { noteId, label: mentionLabel(text) } },
        { type: 'text', text: ' ' },
      ])
      .run();
    onDone();
  };

  return (
    <div className="vision__panel vision__panel--picker">
      <label htmlFor={id} className="vision__panel-label">
        {t('vision.findNote')}
      </label>
      <input
        id={id}
        className="field__input vision__panel-input"
        value={query}
        autoFocus
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onDone();
          if (event.key === 'Enter' && found[0]) {
            event.preventDefault();
            insert(found[0].id, found[0].text);
          }
        }}
      />
      {found.length === 0 ? (
        <p className="muted">{notes.length === 0 ? t('vision.noNotes') : t('vision.noMatch')}</p>
      ) : (
        <ul className="vision__notes" aria-label={t('vision.notesList')}>
          {found.map((note) => (
            <li key={note.id}>
              <button type="button" className="vision__note" onClick={() => insert(note.id, note.text)}>
                <span className={`vision__note-dot vision__note-dot--${note.color}`} aria-hidden="true" />
                {mentionLabel(note.text)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
