import {
  addIndicator,
  parseLocaleNumber,
  removeIndicator,
  updateIndicator,
  validateIndicator,
  type Indicator,
  type IndicatorInput,
  type Initiative,
} from '@horizon/shared/initiatives';
import { yearsOf, type ValidationIssue } from '@horizon/shared/timemap';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { messagesByField, tryWrite } from '../timemap/issueMessages';
import { CommitField } from './CommitField';
import { formatNumber } from './format';
import type { InitiativeEnv } from './initiativeEnv';

type NumberField = 'baseline' | 'target';

/** Parses a typed number for a field; a typo becomes an issue of that field instead of a silent zero. */
function numberOrIssue(field: NumberField, text: string): number | null | ValidationIssue {
  const value = parseLocaleNumber(text);
  return value === 'invalid' ? { field, code: 'invalidNumber' } : value;
}

/** Target indicators: what the initiative changes, from which baseline, to which value, by which year. */
export function IndicatorsEditor({ env, initiative }: { env: InitiativeEnv; initiative: Initiative }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { doc, range, canWrite, message, language } = env;

  const row = (indicator: Indicator) => {
    const label = (field: keyof IndicatorInput) =>
      t('initiatives.indicatorField', { field: t(`initiatives.indicator.${field}`), name: indicator.name });
    const write = (patch: Partial<IndicatorInput>) =>
      tryWrite(() => updateIndicator(doc, initiative.id, indicator.id, patch, { range }));
    const writeNumber = (field: NumberField) => (text: string) => {
      const value = numberOrIssue(field, text);
      return typeof value === 'object' && value !== null ? [value] : write({ [field]: value });
    };
    return (
      <li key={indicator.id} className="ini-row ini-row--indicator">
        <CommitField
          label={label('name')}
          hideLabel
          value={indicator.name}
          readOnly={!canWrite}
          message={message}
          onCommit={(name) => write({ name })}
        />
        <CommitField
          label={label('unit')}
          hideLabel
          value={indicator.unit}
          readOnly={!canWrite}
          message={message}
          onCommit={(unit) => write({ unit })}
        />
        <CommitField
          label={label('baseline')}
          hideLabel
          inputMode="decimal"
          value={formatNumber(indicator.baseline, language)}
          readOnly={!canWrite}
          message={message}
          onCommit={writeNumber('baseline')}
        />
        <CommitField
          label={label('target')}
          hideLabel
          inputMode="decimal"
          value={formatNumber(indicator.target, language)}
          readOnly={!canWrite}
          message={message}
          onCommit={writeNumber('target')}
        />
        <select
          className="field__input"
          aria-label={label('year')}
          value={indicator.year}
          disabled={!canWrite}
          onChange={(event) => write({ year: Number(event.target.value) })}
        >
          {yearsOf(range).map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
        {canWrite && (
          <button
            type="button"
            className="hz-icon-btn hz-icon-btn--danger"
            aria-label={t('initiatives.removeIndicator', { name: indicator.name })}
            onClick={() => removeIndicator(doc, initiative.id, indicator.id)}
          >
            ×
          </button>
        )}
      </li>
    );
  };

  return (
    <section className="ini-form__section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('initiatives.indicators')}</h3>
      {initiative.indicators.length > 0 && (
        <div className="ini-row ini-row--indicator ini-row--head" aria-hidden="true">
          {(['name', 'unit', 'baseline', 'target', 'year'] as const).map((field) => (
            <span key={field}>{t(`initiatives.indicator.${field}`)}</span>
          ))}
        </div>
      )}
      <ul className="ini-rows" aria-labelledby={headingId}>
        {initiative.indicators.map(row)}
      </ul>
      {canWrite && <NewIndicatorForm env={env} initiativeId={initiative.id} />}
    </section>
  );
}

function NewIndicatorForm({ env, initiativeId }: { env: InitiativeEnv; initiativeId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const empty = { name: '', unit: '', baseline: '', target: '', year: String(env.range.endYear) };
  const [draft, setDraft] = useState(empty);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const baseline = numberOrIssue('baseline', draft.baseline);
    const target = numberOrIssue('target', draft.target);
    const parsed: IndicatorInput = {
      name: draft.name,
      unit: draft.unit,
      baseline: typeof baseline === 'number' ? baseline : null,
      target: typeof target === 'number' ? target : null,
      year: Number(draft.year),
    };
    const issues = [baseline, target].filter(
      (value): value is ValidationIssue => typeof value === 'object' && value !== null,
    );
    issues.push(...validateIndicator(parsed, env.range));
    const refused =
      issues.length > 0 ? issues : tryWrite(() => addIndicator(env.doc, initiativeId, parsed, { range: env.range }));
    setErrors(messagesByField(t, refused, env.range));
    if (refused.length === 0) setDraft(empty);
  };

  const field = (name: keyof typeof empty) => (
    <div className="field ini-field">
      <label className="field__label" htmlFor={`${id}-${name}`}>
        {t(`initiatives.indicator.${name}`)}
      </label>
      {name === 'year' ? (
        <select
          id={`${id}-${name}`}
          className="field__input"
          value={draft.year}
          onChange={(event) => setDraft((previous) => ({ ...previous, year: event.target.value }))}
        >
          {yearsOf(env.range).map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={`${id}-${name}`}
          className="field__input"
          inputMode={name === 'baseline' || name === 'target' ? 'decimal' : undefined}
          value={draft[name]}
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={errors[name] ? `${id}-${name}-error` : undefined}
          onChange={(event) => setDraft((previous) => ({ ...previous, [name]: event.target.value }))}
        />
      )}
      {errors[name] && (
        <p id={`${id}-${name}-error`} className="field__error" role="alert">
          {errors[name]}
        </p>
      )}
    </div>
  );

  return (
    <form
      className="ini-new ini-new--indicator"
      aria-label={t('initiatives.newIndicator')}
      onSubmit={submit}
      noValidate
    >
      {field('name')}
      {field('unit')}
      {field('baseline')}
      {field('target')}
      {field('year')}
      <Button type="submit" variant="secondary">
        {t('initiatives.addIndicator')}
      </Button>
    </form>
  );
}
