/** Writes to the time map (layout in `schema.ts`). Each mutator validates, then writes in one transaction. */
import * as Y from 'yjs';
import { newId } from '../ids.js';
import { cardsMap, lanesMap, linksMap, readLanes, type Quarter } from './schema.js';
import { validateCard, validateLaneTitle, type CardInput } from './timeMapValidation.js';
import { assertValid, SchemaValidationError, type YearRange } from './validation.js';

export interface WriteContext {
  range: YearRange;
  /** The transaction origin (see `Origin`); local edits may leave it unset. */
  origin?: unknown;
}

export function addLane(doc: Y.Doc, title: string, origin?: unknown): string {
  assertValid(validateLaneTitle(title));
  const id = newId();
  const last = readLanes(doc).at(-1);
  doc.transact(() => {
    const lane = new Y.Map<unknown>();
    lane.set('title', title.trim());
    lane.set('position', (last?.position ?? 0) + 1);
    lane.set('key', '');
    lanesMap(doc).set(id, lane);
  }, origin);
  return id;
}

export function renameLane(doc: Y.Doc, laneId: string, title: string, origin?: unknown): void {
  assertValid(validateLaneTitle(title));
  const lane = requireEntry(lanesMap(doc), laneId, 'laneId');
  doc.transact(() => lane.set('title', title.trim()), origin);
}

/**
 * Moves a lane to `toIndex` of the current order by giving it a position between its new neighbours, so a move
 * writes one number and two people moving different lanes at once both get their way.
 */
export function moveLane(doc: Y.Doc, laneId: string, toIndex: number, origin?: unknown): void {
  const lane = requireEntry(lanesMap(doc), laneId, 'laneId');
  const others = readLanes(doc).filter((candidate) => candidate.id !== laneId);
  const index = Math.max(0, Math.min(others.length, Math.trunc(toIndex)));
  const before = others[index - 1];
  const after = others[index];
  let position: number;
  if (before && after) position = (before.position + after.position) / 2;
  else if (before) position = before.position + 1;
  else if (after) position = after.position - 1;
  else position = 1;
  doc.transact(() => lane.set('position', position), origin);
}

/** Removes a lane with its cards and their links. */
export function removeLane(doc: Y.Doc, laneId: string, origin?: unknown): void {
  requireEntry(lanesMap(doc), laneId, 'laneId');
  doc.transact(() => {
    const cardIds: string[] = [];
    cardsMap(doc).forEach((card, id) => {
      if (card.get('laneId') === laneId) cardIds.push(id);
    });
    for (const id of cardIds) removeCardInTransaction(doc, id);
    lanesMap(doc).delete(laneId);
  }, origin);
}

export function addCard(doc: Y.Doc, input: CardInput & { createdBy: string }, context: WriteContext): string {
  assertValid(validateCard(input, context.range, laneIdsOf(doc)));
  const id = newId();
  doc.transact(() => {
    const card = new Y.Map<unknown>();
    card.set('laneId', input.laneId);
    card.set('year', input.year);
    card.set('quarter', input.quarter ?? 0);
    card.set('text', input.text.trim());
    card.set('createdBy', input.createdBy);
    cardsMap(doc).set(id, card);
  }, context.origin);
  return id;
}

export interface CardPatch {
  laneId?: string;
  year?: number;
  quarter?: Quarter;
  text?: string;
}

/** Changes some fields of a card; only the given fields are written, so others' concurrent edits survive. */
export function updateCard(doc: Y.Doc, cardId: string, patch: CardPatch, context: WriteContext): void {
  const card = requireEntry(cardsMap(doc), cardId, 'cardId');
  const merged: CardInput = {
    laneId: patch.laneId ?? String(card.get('laneId')),
    year: patch.year ?? Number(card.get('year')),
    quarter: patch.quarter ?? (Number(card.get('quarter') ?? 0) as Quarter),
    text: patch.text ?? String(card.get('text') ?? ''),
  };
  // A lane that was removed under an untouched card must not block editing its text.
  const laneIds = laneIdsOf(doc);
  if (patch.laneId === undefined) laneIds.add(merged.laneId);
  assertValid(validateCard(merged, context.range, laneIds));
  doc.transact(() => {
    if (patch.laneId !== undefined) card.set('laneId', patch.laneId);
    if (patch.year !== undefined) card.set('year', patch.year);
    if (patch.quarter !== undefined) card.set('quarter', patch.quarter);
    if (patch.text !== undefined) card.set('text', patch.text.trim());
  }, context.origin);
}

export function removeCard(doc: Y.Doc, cardId: string, origin?: unknown): void {
  requireEntry(cardsMap(doc), cardId, 'cardId');
  doc.transact(() => removeCardInTransaction(doc, cardId), origin);
}

/** Links two cards (from → to); linking the same pair again returns the existing link. */
export function addLink(doc: Y.Doc, from: string, to: string, origin?: unknown): string {
  if (from === to) throw new SchemaValidationError([{ field: 'to', code: 'selfLink' }]);
  requireEntry(cardsMap(doc), from, 'from');
  requireEntry(cardsMap(doc), to, 'to');
  let existing: string | undefined;
  linksMap(doc).forEach((link, id) => {
    if (link.get('from') === from && link.get('to') === to) existing = id;
  });
  if (existing) return existing;
  const id = newId();
  doc.transact(() => {
    const link = new Y.Map<unknown>();
    link.set('from', from);
    link.set('to', to);
    linksMap(doc).set(id, link);
  }, origin);
  return id;
}

export function removeLink(doc: Y.Doc, linkId: string, origin?: unknown): void {
  doc.transact(() => linksMap(doc).delete(linkId), origin);
}

function removeCardInTransaction(doc: Y.Doc, cardId: string): void {
  const links = linksMap(doc);
  const linkIds: string[] = [];
  links.forEach((link, id) => {
    if (link.get('from') === cardId || link.get('to') === cardId) linkIds.push(id);
  });
  for (const id of linkIds) links.delete(id);
  cardsMap(doc).delete(cardId);
}

function laneIdsOf(doc: Y.Doc): Set<string> {
  return new Set([...lanesMap(doc).keys()]);
}

function requireEntry(map: Y.Map<Y.Map<unknown>>, id: string, field: string): Y.Map<unknown> {
  const entry = map.get(id);
  if (!entry) throw new SchemaValidationError([{ field, code: 'notFound' }]);
  return entry;
}
