/**
 * Writes to an initiative's steps and target indicators. An update validates the item as it would be after the
 * patch (so an end date is checked against the stored start), then writes only the patched fields.
 */
import * as Y from 'yjs';
import { newId } from '../ids.js';
import { assertValid, type YearRange } from '../timemap/validation.js';
import { validateIndicator, validateStep, type IndicatorInput, type StepInput } from './initiativeValidation.js';
import { findListItem, removeFromList, requireInitiative, requireList } from './mutators.js';
import { readInitiativeEntry, type Indicator, type Step } from './schema.js';

export interface ListWriteContext {
  range: YearRange;
  origin?: unknown;
}

function newItem(id: string, fields: object): Y.Map<unknown> {
  const item = new Y.Map<unknown>();
  item.set('id', id);
  for (const [key, value] of Object.entries(fields)) item.set(key, typeof value === 'string' ? value.trim() : value);
  return item;
}

export function addStep(doc: Y.Doc, initiativeId: string, step: StepInput, context: ListWriteContext): string {
  assertValid(validateStep(step, context.range));
  const steps = requireList(doc, initiativeId, 'steps');
  const id = newId();
  doc.transact(() => steps.push([newItem(id, step)]), context.origin);
  return id;
}

export function updateStep(
  doc: Y.Doc,
  initiativeId: string,
  stepId: string,
  patch: Partial<StepInput>,
  context: ListWriteContext,
): void {
  const current = readInitiativeEntry(initiativeId, requireInitiative(doc, initiativeId)).steps.find(
    (step) => step.id === stepId,
  );
  const { item } = findListItem(requireList(doc, initiativeId, 'steps'), stepId);
  const { id: _id, ...stored } = current as Step;
  assertValid(validateStep({ ...stored, ...patch }, context.range));
  doc.transact(() => writePatch(item, patch), context.origin);
}

export function removeStep(doc: Y.Doc, initiativeId: string, stepId: string, origin?: unknown): void {
  removeFromList(doc, initiativeId, 'steps', stepId, origin);
}

export function addIndicator(
  doc: Y.Doc,
  initiativeId: string,
  indicator: IndicatorInput,
  context: ListWriteContext,
): string {
  assertValid(validateIndicator(indicator, context.range));
  const indicators = requireList(doc, initiativeId, 'indicators');
  const id = newId();
  doc.transact(() => indicators.push([newItem(id, indicator)]), context.origin);
  return id;
}

export function updateIndicator(
  doc: Y.Doc,
  initiativeId: string,
  indicatorId: string,
  patch: Partial<IndicatorInput>,
  context: ListWriteContext,
): void {
  const current = readInitiativeEntry(initiativeId, requireInitiative(doc, initiativeId)).indicators.find(
    (indicator) => indicator.id === indicatorId,
  );
  const { item } = findListItem(requireList(doc, initiativeId, 'indicators'), indicatorId);
  const { id: _id, ...stored } = current as Indicator;
  assertValid(validateIndicator({ ...stored, ...patch }, context.range));
  doc.transact(() => writePatch(item, patch), context.origin);
}

export function removeIndicator(doc: Y.Doc, initiativeId: string, indicatorId: string, origin?: unknown): void {
  removeFromList(doc, initiativeId, 'indicators', indicatorId, origin);
}

function writePatch(item: Y.Map<unknown>, patch: object): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined && key !== 'id') item.set(key, typeof value === 'string' ? value.trim() : value);
  }
}
