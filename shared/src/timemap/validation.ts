/**
 * Validation shared by the forms and the mutators. A check returns issues (a field and a machine-readable code the
 * client turns into a sentence); a mutator throws `SchemaValidationError` with them, so invalid data never reaches a
 * room even when a screen forgot to check.
 */

/** The years a session plans over: from the year it took place to its horizon, both included. */
export interface YearRange {
  readonly startYear: number;
  readonly endYear: number;
}

export const IssueCodes = [
  'required',
  'tooLong',
  'yearOutOfRange',
  'invalidDate',
  'endBeforeStart',
  'invalidNumber',
  'invalidChoice',
  'notFound',
  'selfLink',
] as const;
export type IssueCode = (typeof IssueCodes)[number];

export interface ValidationIssue {
  /** The input field the issue is about, e.g. `title`, `end`, `year`. */
  readonly field: string;
  readonly code: IssueCode;
}

export class SchemaValidationError extends Error {
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[]) {
    super(`invalid input: ${issues.map((issue) => `${issue.field} ${issue.code}`).join(', ')}`);
    this.name = 'SchemaValidationError';
    this.issues = issues;
  }
}

/** Throws when there is anything to complain about. */
export function assertValid(issues: readonly ValidationIssue[]): void {
  if (issues.length > 0) throw new SchemaValidationError(issues);
}

/** Longest free text in a single-line field; long texts (problem, risks) get `LONG_TEXT_MAX`. */
export const SHORT_TEXT_MAX = 200;
export const LONG_TEXT_MAX = 4000;

export function isYearInRange(year: unknown, range: YearRange): boolean {
  return typeof year === 'number' && Number.isInteger(year) && year >= range.startYear && year <= range.endYear;
}

/** `required` for blank text, `tooLong` past `max`; nothing for fine text. */
export function checkText(field: string, value: unknown, { required, max }: { required: boolean; max: number }) {
  const issues: ValidationIssue[] = [];
  if (typeof value !== 'string') {
    if (required || value !== undefined) issues.push({ field, code: 'required' });
    return issues;
  }
  if (required && value.trim().length === 0) issues.push({ field, code: 'required' });
  if (value.length > max) issues.push({ field, code: 'tooLong' });
  return issues;
}

/** The session's planning range from its creation date and horizon (the server derives `startYear` the same way). */
export function yearRangeOf(session: { createdAt: string; horizonYear: number }): YearRange {
  const created = new Date(session.createdAt).getUTCFullYear();
  const startYear = Number.isFinite(created) ? Math.min(created, session.horizonYear) : session.horizonYear;
  return { startYear, endYear: session.horizonYear };
}

/** Every year of the range, in order. */
export function yearsOf(range: YearRange): number[] {
  const years: number[] = [];
  for (let year = range.startYear; year <= range.endYear; year++) years.push(year);
  return years;
}
