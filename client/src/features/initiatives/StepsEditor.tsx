import {
  addMonths,
  addStep,
  dateOfDayNumber,
  dayNumber,
  isDateInRange,
  localToday,
  rangeBounds,
  removeStep,
  StepStatuses,
  updateStep,
  validateStep,
  type Initiative,
  type StepInput,
  type StepStatus,
} from '@horizon/shared/initiatives';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { messagesByField, tryWrite } from '../timemap/issueMessages';
import { CommitField } from './CommitField';
import type { InitiativeEnv } from './initiativeEnv';

/** A new step starts next month and lasts a quarter: a sensible default a team adjusts rather than types. */
function defaultSpan(env: InitiativeEnv): { start: string; end: string } {
  const { first } = rangeBounds(env.range);
  const nextMonth = `${addMonths(localToday(), 1).slice(0, 8)}01`;
  const start = isDateInRange(nextMonth, env.range) ? nextMonth : first;
  const end = dateOfDayNumber(dayNumber(addMonths(start, 3)) - 1);
  return { start, end: isDateInRange(end, env.range) ? end : start };
}

/** The initiative's steps: each edited in place, and a form for the next one that explains what it refuses. */
export function StepsEditor({ env, initiative }: { env: InitiativeEnv; initiative: Initiative }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { doc, range, canWrite, message } = env;
  const { first, last } = rangeBounds(range);
  const context = { range };

  return (
    <section className="ini-form__section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('initiatives.steps')}</h3>
      {initiative.steps.length === 0 && <p className="muted">{t('initiatives.noSteps')}</p>}
      <ol className="ini-rows" aria-labelledby={headingId}>
        {initiative.steps.map((step) => {
          const label = (field: keyof StepInput) =>
            t('initiatives.stepField', { field: t(`initiatives.step.${field}`), name: step.title });
          const write = (patch: Partial<StepInput>) =>
            tryWrite(() => updateStep(doc, initiative.id, step.id, patch, context));
          return (
            <li key={step.id} className="ini-row ini-row--step">
              <CommitField
                label={label('title')}
                hideLabel
                value={step.title}
                readOnly={!canWrite}
                message={message}
                onCommit={(title) => write({ title })}
              />
              <CommitField
                label={label('start')}
                hideLabel
                type="date"
                min={first}
                max={last}
                value={step.start}
                readOnly={!canWrite}
                message={message}
                onCommit={(start) => write({ start })}
              />
              <CommitField
                label={label('end')}
                hideLabel
                type="date"
                min={first}
                max={last}
                value={step.end}
                readOnly={!canWrite}
                message={message}
                onCommit={(end) => write({ end })}
              />
              <CommitField
                label={label('responsible')}
                hideLabel
                value={step.responsible}
                readOnly={!canWrite}
                suggestions={env.peopleListId}
                message={message}
                onCommit={(responsible) => write({ responsible })}
              />
              <select
                className="field__input"
                aria-label={label('status')}
                value={step.status}
                disabled={!canWrite}
                onChange={(event) => write({ status: event.target.value as StepStatus })}
              >
                {StepStatuses.map((status) => (
                  <option key={status} value={status}>
                    {t(`initiatives.stepStatus.${status}`)}
                  </option>
                ))}
              </select>
              {canWrite && (
                <button
                  type="button"
                  className="hz-icon-btn hz-icon-btn--danger"
                  aria-label={t('initiatives.removeStep', { name: step.title })}
                  onClick={() => removeStep(doc, initiative.id, step.id)}
                >
                  ×
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {canWrite && <NewStepForm env={env} initiativeId={initiative.id} />}
    </section>
  );
}

function NewStepForm({ env, initiativeId }: { env: InitiativeEnv; initiativeId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<StepInput>(() => ({
    title: '',
    ...defaultSpan(env),
    responsible: '',
    status: 'planned',
  }));
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const { first, last } = rangeBounds(env.range);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Checked here first, so every problem shows at once beside its field; the mutator checks again.
    const issues = validateStep(draft, env.range);
    const refused =
      issues.length > 0 ? issues : tryWrite(() => addStep(env.doc, initiativeId, draft, { range: env.range }));
    if (refused.length > 0) {
      setErrors(messagesByField(t, refused, env.range));
      return;
    }
    setErrors({});
    setDraft((previous) => ({ ...previous, title: '', responsible: '' }));
  };

  const field = (name: 'title' | 'start' | 'end' | 'responsible', type: 'text' | 'date' = 'text') => (
    <div className="field ini-field">
      <label className="field__label" htmlFor={`${id}-${name}`}>
        {t(`initiatives.step.${name}`)}
      </label>
      <input
        id={`${id}-${name}`}
        className="field__input"
        type={type}
        min={type === 'date' ? first : undefined}
        max={type === 'date' ? last : undefined}
        list={name === 'responsible' ? env.peopleListId : undefined}
        value={draft[name]}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${id}-${name}-error` : undefined}
        onChange={(event) => setDraft((previous) => ({ ...previous, [name]: event.target.value }))}
      />
      {errors[name] && (
        <p id={`${id}-${name}-error`} className="field__error" role="alert">
          {errors[name]}
        </p>
      )}
    </div>
  );

  return (
    <form className="ini-new" aria-label={t('initiatives.newStep')} onSubmit={submit} noValidate>
      {field('title')}
      {field('start', 'date')}
      {field('end', 'date')}
      {field('responsible')}
      <Button type="submit" variant="secondary">
        {t('initiatives.addStep')}
      </Button>
    </form>
  );
}
