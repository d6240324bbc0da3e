import {
  InitiativeStatuses,
  parseLocaleNumber,
  removeInitiative,
  updateInitiative,
  type Initiative,
  type InitiativeFields,
  type InitiativeStatus,
  type TextField,
} from '@horizon/shared/initiatives';
import type { ValidationIssue } from '@horizon/shared/timemap';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresenceUser } from '../../collab/presence';
import type { RoomConnection } from '../../collab/RoomConnection';
import { Button } from '../../ui/Button';
import { PassportButton } from '../export/PassportButton';
import { tryWrite } from '../timemap/issueMessages';
import { CommitField } from './CommitField';
import { DescriptionEditor } from './DescriptionEditor';
import { formatNumber } from './format';
import { IndicatorsEditor } from './IndicatorsEditor';
import type { InitiativeEnv } from './initiativeEnv';
import { InitiativeFeedback } from '../mentoring/InitiativeFeedback';
import { LinksEditor } from './LinksEditor';
import { MembersEditor } from './MembersEditor';
import { StepsEditor } from './StepsEditor';

interface InitiativeFormProps {
  env: InitiativeEnv;
  initiative: Initiative;
  connection: RoomConnection;
  me: PresenceUser;
  onBack: () => void;
}

/** The regional project passport, co-edited: every field writes on its own, so two people fill it in together. */
export function InitiativeForm({ env, initiative, connection, me, onBack }: InitiativeFormProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const { doc, canWrite, message } = env;
  const patch = (fields: Partial<InitiativeFields>) => tryWrite(() => updateInitiative(doc, initiative.id, fields));

  const text = (field: TextField, options: { multiline?: boolean; people?: boolean } = {}) => (
    <CommitField
      label={t(`initiatives.fields.${field}`)}
      value={initiative[field]}
      readOnly={!canWrite}
      multiline={options.multiline}
      suggestions={options.people ? env.peopleListId : undefined}
      message={message}
      onCommit={(draft) => patch({ [field]: draft })}
    />
  );

  const commitBudget = (draft: string): readonly ValidationIssue[] => {
    const value = parseLocaleNumber(draft);
    if (value === 'invalid') return [{ field: 'budget', code: 'invalidNumber' }];
    return patch({ budget: value });
  };

  const remove = () => {
    if (!window.confirm(t('initiatives.confirmDelete', { title: initiative.title }))) return;
    removeInitiative(doc, initiative.id);
    onBack();
  };

  return (
    <article className="ini-form" aria-labelledby={headingId}>
      <div className="ini-form__top">
        <Button variant="ghost" size="sm" onClick={onBack}>
          ← {t('initiatives.back')}
        </Button>
        <span className="muted">{t('initiatives.passport')}</span>
        <PassportButton room={connection.room} initiativeId={initiative.id} title={initiative.title} />
      </div>
      <h2 id={headingId} className="ini-form__title">
        {initiative.title}
      </h2>

      <section className="ini-form__section">
        <div className="ini-form__grid ini-form__grid--title">
          {text('title')}
          <label className="field ini-field">
            <span className="field__label">{t('initiatives.fields.status')}</span>
            <select
              className="field__input"
              value={initiative.status}
              disabled={!canWrite}
              onChange={(event) => patch({ status: event.target.value as InitiativeStatus })}
            >
              {InitiativeStatuses.map((status) => (
                <option key={status} value={status}>
                  {t(`initiatives.status.${status}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="ini-form__grid">
          {text('problem', { multiline: true })}
          {text('goal', { multiline: true })}
        </div>
      </section>

      <InitiativeFeedback initiativeId={initiative.id} />

      <section className="ini-form__section" aria-labelledby={`${headingId}-people`}>
        <h3 id={`${headingId}-people`}>{t('initiatives.people')}</h3>
        <div className="ini-form__grid ini-form__grid--3">
          {text('owner', { people: true })}
          {text('mentor', { people: true })}
          {text('curator', { people: true })}
        </div>
        <MembersEditor env={env} initiative={initiative} />
      </section>

      <IndicatorsEditor env={env} initiative={initiative} />
      <StepsEditor env={env} initiative={initiative} />

      <section className="ini-form__section" aria-labelledby={`${headingId}-resources`}>
        <h3 id={`${headingId}-resources`}>{t('initiatives.resourcesAndRisks')}</h3>
        <div className="ini-form__grid">
          {text('resources', { multiline: true })}
          {text('risks', { multiline: true })}
          <CommitField
            label={t('initiatives.fields.budget')}
            value={initiative.budget === null ? '' : formatNumber(initiative.budget, env.language)}
            readOnly={!canWrite}
            inputMode="decimal"
            message={message}
            onCommit={commitBudget}
          />
        </div>
      </section>

      <LinksEditor env={env} initiative={initiative} />

      <section className="ini-form__section" aria-labelledby={`${headingId}-description`}>
        <h3 id={`${headingId}-description`}>{t('initiatives.fields.description')}</h3>
        <DescriptionEditor
          doc={doc}
          initiativeId={initiative.id}
          connection={connection}
          me={me}
          editable={canWrite}
          labelledBy={`${headingId}-description`}
        />
      </section>

      {canWrite && (
        <div className="ini-form__danger">
          <Button variant="danger" size="sm" onClick={remove}>
            {t('initiatives.deleteInitiative')}
          </Button>
        </div>
      )}
    </article>
  );
}
