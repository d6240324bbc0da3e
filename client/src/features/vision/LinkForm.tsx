import { isSafeHref } from '@horizon/shared/vision';
import type { Editor } from '@tiptap/react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets or removes the link on the selected text. Only http, https and mailto addresses are accepted. */
export function LinkForm({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [href, setHref] = useState(() => String(editor.getAttributes('link').href ?? ''));
  const [error, setError] = useState(false);

  const apply = () => {
    const value = href.trim();
    if (value === '') {
      editor.chain().focus().extendMarkRange('link').unsetLink().run();
      onDone();
      return;
    }
    // A bare address gets https://, the way people type them; anything with another scheme is refused.
    const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
    if (!isSafeHref(withScheme)) {
      setError(true);
      return;
    }
    editor.chain().focus().extendMarkRange('link').setLink({ href: withScheme }).run();
    onDone();
  };

  return (
    <form
      className="vision__panel"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <label htmlFor={id} className="vision__panel-label">
        {t('vision.linkAddress')}
      </label>
      <input
        id={id}
        className="field__input vision__panel-input"
        value={href}
        autoFocus
        inputMode="url"
        placeholder="https://"
        aria-invalid={error}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => {
          setHref(event.target.value);
          setError(false);
        }}
      />
      <button type="submit" className="btn btn--primary btn--sm">
        {t('vision.applyLink')}
      </button>
      <button type="button" className="btn btn--ghost btn--sm" onClick={onDone}>
        {t('vision.cancel')}
      </button>
      {error && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {t('vision.unsafeLink')}
        </p>
      )}
    </form>
  );
}
