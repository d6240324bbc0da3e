/**
 * Checks for initiative input, shared by the form (which shows the issues beside the fields) and the mutators
 * (which throw on them). Each check takes the complete value that would be stored, so a patch is merged first.
 */
import {
  checkText,
  isYearInRange,
  LONG_TEXT_MAX,
  SHORT_TEXT_MAX,
  type ValidationIssue,
  type YearRange,
} from '../timemap/validation.js';
import { isDateInRange, isIsoDate } from './dates.js';
import {
  InitiativeStatuses,
  LinkKinds,
  StepStatuses,
  TEXT_FIELDS,
  type Indicator,
  type InitiativeFields,
  type LinkTarget,
  type Step,
} from './schema.js';

/** The largest budget a form accepts (roubles): beyond it a typo is likelier than a plan. */
export const BUDGET_MAX = 1e13;

const SHORT_FIELDS = new Set(['title', 'owner', 'mentor', 'curator']);

/** Checks the given fields of an initiative; absent fields are not checked. */
export function validateInitiativeFields(fields: Partial<InitiativeFields>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const field of TEXT_FIELDS) {
    if (!(field in fields)) continue;
    issues.push(
      ...checkText(field, fields[field], {
        required: field === 'title',
        max: SHORT_FIELDS.has(field) ? SHORT_TEXT_MAX : LONG_TEXT_MAX,
      }),
    );
  }
  if ('budget' in fields && fields.budget !== null) {
    const budget = fields.budget;
    if (typeof budget !== 'number' || !Number.isFinite(budget) || budget < 0 || budget > BUDGET_MAX) {
      issues.push({ field: 'budget', code: 'invalidNumber' });
    }
  }
  if ('status' in fields && !(InitiativeStatuses as readonly unknown[]).includes(fields.status)) {
    issues.push({ field: 'status', code: 'invalidChoice' });
  }
  return issues;
}

export type StepInput = Omit<Step, 'id'>;

/** A step's dates must be real dates inside the session's years, the end on or after the start. */
export function validateStep(step: StepInput, range: YearRange): ValidationIssue[] {
  const issues = [
    ...checkText('title', step.title, { required: true, max: SHORT_TEXT_MAX }),
    ...checkText('responsible', step.responsible, { required: false, max: SHORT_TEXT_MAX }),
  ];
  for (const field of ['start', 'end'] as const) {
    const value = step[field];
    if (!isIsoDate(value)) issues.push({ field, code: value ? 'invalidDate' : 'required' });
    else if (!isDateInRange(value, range)) issues.push({ field, code: 'yearOutOfRange' });
  }
  if (isIsoDate(step.start) && isIsoDate(step.end) && step.end < step.start) {
    issues.push({ field: 'end', code: 'endBeforeStart' });
  }
  if (!(StepStatuses as readonly unknown[]).includes(step.status))
    issues.push({ field: 'status', code: 'invalidChoice' });
  return issues;
}

export type IndicatorInput = Omit<Indicator, 'id'>;

export function validateIndicator(indicator: IndicatorInput, range: YearRange): ValidationIssue[] {
  const issues = [
    ...checkText('name', indicator.name, { required: true, max: SHORT_TEXT_MAX }),
    ...checkText('unit', indicator.unit, { required: false, max: 40 }),
  ];
  for (const field of ['baseline', 'target'] as const) {
    const value = indicator[field];
    if (value !== null && (typeof value !== 'number' || !Number.isFinite(value))) {
      issues.push({ field, code: 'invalidNumber' });
    }
  }
  if (!isYearInRange(indicator.year, range)) issues.push({ field: 'year', code: 'yearOutOfRange' });
  return issues;
}

export function validateMemberName(name: unknown): ValidationIssue[] {
  return checkText('name', name, { required: true, max: SHORT_TEXT_MAX });
}

export function validateLinkTarget(target: LinkTarget): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!(LinkKinds as readonly unknown[]).includes(target.kind)) issues.push({ field: 'kind', code: 'invalidChoice' });
  if (typeof target.id !== 'string' || target.id.length === 0 || target.id.length > 64) {
    issues.push({ field: 'id', code: 'required' });
  }
  return issues;
}

/** Reads a number a person typed, in either decimal style ("1 234,5" or "1234.5"); '' is "no value". */
export function parseLocaleNumber(text: string): number | null | 'invalid' {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (compact === '') return null;
  if (!/^[-+]?\d*\.?\d+$/.test(compact)) return 'invalid';
  const value = Number(compact);
  return Number.isFinite(value) ? value : 'invalid';
}
