import { FeedbackLimits } from '@horizon/shared/feedback';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';

interface CommentBoxProps {
  label: string;
  placeholder: string;
  submitLabel: string;
  busy: boolean;
  /** Resolves true when the server took the text: the box empties then, and keeps the text otherwise. */
  onSubmit: (text: string) => Promise<boolean>;
}

/** A text box with a send button; Ctrl+Enter sends too. */
export function CommentBox({ label, placeholder, submitLabel, busy, onSubmit }: CommentBoxProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const empty = text.trim().length === 0;

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (empty || busy) return;
    if (await onSubmit(text)) setText('');
  };

  return (
    <form className="fb-box" onSubmit={(event) => void submit(event)}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <textarea
        id={id}
        className="field__input fb-box__input"
        rows={2}
        maxLength={FeedbackLimits.textMax}
        placeholder={placeholder}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit();
        }}
      />
      <Button type="submit" size="sm" disabled={empty || busy}>
        {busy ? t('mentoring.comments.sending') : submitLabel}
      </Button>
    </form>
  );
}
