import { SchemaValidationError, type ValidationIssue, type YearRange } from '@horizon/shared/timemap';
import type { TFunction } from 'i18next';

/** A sentence for a validation issue; the codes are shared, so the time map's messages serve initiatives too. */
export function issueMessage(t: TFunction, issue: ValidationIssue, range: YearRange): string {
  return t(`timemap.errors.${issue.code}`, { start: range.startYear, end: range.endYear });
}

/** The issues of a refused write, or rethrows anything that is not a validation refusal. */
export function issuesOfError(error: unknown): readonly ValidationIssue[] {
  if (error instanceof SchemaValidationError) return error.issues;
  throw error;
}

/** Runs a write; returns the issues it was refused for (empty when it went through). */
export function tryWrite(write: () => void): readonly ValidationIssue[] {
  try {
    write();
    return [];
  } catch (error) {
    return issuesOfError(error);
  }
}

/** Issues grouped by field, one message per field (the first is the one to fix first). */
export function messagesByField(
  t: TFunction,
  issues: readonly ValidationIssue[],
  range: YearRange,
): Partial<Record<string, string>> {
  const out: Partial<Record<string, string>> = {};
  for (const issue of issues) out[issue.field] ??= issueMessage(t, issue, range);
  return out;
}
