import { addMember, removeMember, type Initiative } from '@horizon/shared/initiatives';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { tryWrite } from '../timemap/issueMessages';
import type { InitiativeEnv } from './initiativeEnv';

/** The project team: people from the session (offered by name) or any free name. */
export function MembersEditor({ env, initiative }: { env: InitiativeEnv; initiative: Initiative }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const known = env.people.find((person) => person.name === name.trim());
    const issues = tryWrite(() => addMember(env.doc, initiative.id, { name, participantId: known?.participantId }));
    setError(issues[0] ? env.message(issues[0]) : null);
    if (issues.length === 0) setName('');
  };

  return (
    <div className="ini-members">
      <h4 className="ini-subhead">{t('initiatives.members')}</h4>
      {initiative.members.length === 0 ? (
        <p className="muted">{t('initiatives.noMembers')}</p>
      ) : (
        <ul className="ini-members__list" aria-label={t('initiatives.members')}>
          {initiative.members.map((member) => (
            <li key={member.id} className="ini-member">
              {member.name}
              {env.canWrite && (
                <button
                  type="button"
                  className="hz-icon-btn"
                  aria-label={t('initiatives.removeMember', { name: member.name })}
                  onClick={() => removeMember(env.doc, initiative.id, member.id)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {env.canWrite && (
        <form className="ini-inline-form" onSubmit={submit}>
          <input
            className="field__input hz-input-sm"
            aria-label={t('initiatives.memberName')}
            placeholder={t('initiatives.memberName')}
            list={env.peopleListId}
            value={name}
            aria-invalid={error ? true : undefined}
            onChange={(event) => setName(event.target.value)}
          />
          <Button type="submit" variant="secondary" size="sm">
            {t('initiatives.addMember')}
          </Button>
          {error && (
            <p className="field__error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
