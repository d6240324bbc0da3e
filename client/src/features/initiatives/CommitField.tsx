import type { ValidationIssue } from '@horizon/shared/timemap';
import { useId, useState, type ReactNode } from 'react';

interface CommitFieldProps {
  label: ReactNode;
  /** The stored value, as text. */
  value: string;
  /** Writes the draft; returns the issues it was refused for (empty when stored). */
  onCommit: (draft: string) => readonly ValidationIssue[];
  /** Turns the first issue into a sentence. */
  message: (issue: ValidationIssue) => string;
  type?: 'text' | 'date' | 'number';
  multiline?: boolean;
  readOnly?: boolean;
  hideLabel?: boolean;
  /** Names offered while typing (a `<datalist>`), e.g. the session's participants. */
  suggestions?: string;
  inputMode?: 'decimal' | 'numeric' | 'text';
  className?: string;
  min?: string;
  max?: string;
}

/**
 * A field of a shared document: it shows the stored value until someone starts editing, keeps the person's draft
 * while they type (others' edits do not yank the text under their cursor), and writes on leaving the field or Enter.
 * A refused draft stays in the field with the reason beside it, so nothing typed is lost and nothing invalid is
 * stored.
 */
export function CommitField(props: CommitFieldProps) {
  const id = useId();
  const { label, value, onCommit, message, type = 'text', multiline, readOnly, hideLabel } = props;
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const errorId = `${id}-error`;

  const commit = () => {
    if (draft === null) return;
    if (draft === value) {
      setDraft(null);
      setError(null);
      return;
    }
    const first = onCommit(draft)[0];
    if (first) {
      setError(message(first));
      return;
    }
    setDraft(null);
    setError(null);
  };

  const common = {
    id,
    className: ['field__input', props.className].filter(Boolean).join(' '),
    value: draft ?? value,
    readOnly,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    onBlur: commit,
  } as const;

  return (
    <div className="field ini-field">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field__label'}>
        {label}
      </label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(event) => setDraft(event.target.value)} />
      ) : (
        <input
          {...common}
          type={type}
          list={props.suggestions}
          inputMode={props.inputMode}
          min={props.min}
          max={props.max}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit();
            if (event.key === 'Escape') {
              setDraft(null);
              setError(null);
            }
          }}
        />
      )}
      {error && (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
