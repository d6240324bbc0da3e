/** Checks for time-map input, used by the screens before writing and by the mutators, which refuse bad input. */
import { QUARTERS } from './schema.js';
import { checkText, isYearInRange, SHORT_TEXT_MAX, type ValidationIssue, type YearRange } from './validation.js';

export const LANE_TITLE_MAX = 80;
export const CARD_TEXT_MAX = SHORT_TEXT_MAX;

export interface CardInput {
  laneId: string;
  year: number;
  quarter?: number;
  text: string;
}

export function validateLaneTitle(title: unknown): ValidationIssue[] {
  return checkText('title', title, { required: true, max: LANE_TITLE_MAX });
}

export function validateCard(input: CardInput, range: YearRange, laneIds: ReadonlySet<string>): ValidationIssue[] {
  const issues = checkText('text', input.text, { required: true, max: CARD_TEXT_MAX });
  if (!laneIds.has(input.laneId)) issues.push({ field: 'laneId', code: 'notFound' });
  if (!isYearInRange(input.year, range)) issues.push({ field: 'year', code: 'yearOutOfRange' });
  if (input.quarter !== undefined && !(QUARTERS as readonly number[]).includes(input.quarter)) {
    issues.push({ field: 'quarter', code: 'invalidChoice' });
  }
  return issues;
}
