import { createInitiative, validateInitiativeFields } from '@horizon/shared/initiatives';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { tryWrite } from '../timemap/issueMessages';
import type { InitiativeEnv } from './initiativeEnv';

/** Names a new initiative and opens its passport: the title is all it takes to start. */
export function NewInitiativeForm({
  env,
  createdBy,
  onCreated,
  onCancel,
}: {
  env: InitiativeEnv;
  createdBy: string;
  onCreated: (id: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    let created = '';
    const issues = validateInitiativeFields({ title });
    const refused =
      issues.length > 0 ? issues : tryWrite(() => (created = createInitiative(env.doc, { title, createdBy })));
    if (refused[0]) {
      setError(env.message(refused[0]));
      return;
    }
    onCreated(created);
  };

  return (
    <form className="ini-create" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={id} className="field__label">
          {t('initiatives.newTitle')}
        </label>
        <input
          id={id}
          className="field__input"
          value={title}
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setTitle(event.target.value)}
          onKeyDown={(event) => event.key === 'Escape' && onCancel()}
        />
        {error && (
          <p id={`${id}-error`} className="field__error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="ini-create__actions">
        <Button type="submit">{t('initiatives.create')}</Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('initiatives.cancel')}
        </Button>
      </div>
    </form>
  );
}
