import { addCard, type YearRange } from '@horizon/shared/timemap';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { issueMessage, tryWrite } from './issueMessages';

interface NewCardInputProps {
  doc: Y.Doc;
  laneId: string;
  laneTitle: string;
  year: number;
  range: YearRange;
  createdBy: string;
  onDone: () => void;
}

/** Typing a new card straight into its cell: Enter places it, Escape (or leaving it empty) cancels. */
export function NewCardInput({ doc, laneId, laneTitle, year, range, createdBy, onDone }: NewCardInputProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const save = () => {
    if (text.trim() === '') {
      onDone();
      return;
    }
    const issues = tryWrite(() => addCard(doc, { laneId, year, text, createdBy }, { range }));
    if (issues[0]) setError(issueMessage(t, issues[0], range));
    else onDone();
  };

  return (
    <div className="tm-new-card">
      <textarea
        className="tm-new-card__input"
        aria-label={t('timemap.newCardText', { lane: laneTitle, year })}
        value={text}
        rows={2}
        autoFocus
        aria-invalid={error ? true : undefined}
        onChange={(event) => setText(event.target.value)}
        onBlur={(event) => {
          // Focus leaving the window (another app, a dialog) is not "done": keep an empty card open to type into.
          if (event.relatedTarget === null && text.trim() === '') return;
          save();
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            save();
          }
          if (event.key === 'Escape') onDone();
        }}
      />
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
