/**
 * Writes to initiatives (layout in `schema.ts`): the initiative itself, its people and its links. Each mutator
 * validates first and throws `SchemaValidationError`, then writes only the fields it was given, in one transaction.
 */
import * as Y from 'yjs';
import { newId } from '../ids.js';
import { assertValid, SchemaValidationError } from '../timemap/validation.js';
import { validateInitiativeFields, validateLinkTarget, validateMemberName } from './initiativeValidation.js';
import {
  DESCRIPTION_KEY,
  initiativeEntry,
  initiativesMap,
  listOf,
  readInitiatives,
  type InitiativeFields,
  type LinkTarget,
} from './schema.js';

export interface CreateInitiativeInput extends Partial<InitiativeFields> {
  title: string;
  createdBy: string;
}

export function createInitiative(doc: Y.Doc, input: CreateInitiativeInput, origin?: unknown): string {
  const { createdBy, ...fields } = input;
  assertValid(validateInitiativeFields(fields));
  const id = newId();
  const last = readInitiatives(doc).at(-1);
  doc.transact(() => {
    const entry = new Y.Map<unknown>();
    initiativesMap(doc).set(id, entry);
    entry.set('title', fields.title.trim());
    for (const key of ['problem', 'goal', 'owner', 'mentor', 'curator', 'resources', 'risks'] as const) {
      entry.set(key, fields[key]?.trim() ?? '');
    }
    entry.set('budget', fields.budget ?? null);
    entry.set('status', fields.status ?? 'idea');
    entry.set('position', (last?.position ?? 0) + 1);
    entry.set('createdAt', new Date().toISOString());
    entry.set('createdBy', createdBy);
    entry.set('members', new Y.Array());
    entry.set('indicators', new Y.Array());
    entry.set('steps', new Y.Array());
    entry.set('links', new Y.Map());
    // Created here, once: an editor that created its own fragment would race another editor doing the same.
    entry.set(DESCRIPTION_KEY, new Y.XmlFragment());
  }, origin);
  return id;
}

/** Writes the given fields only; a concurrent edit of another field survives. */
export function updateInitiative(doc: Y.Doc, id: string, patch: Partial<InitiativeFields>, origin?: unknown): void {
  assertValid(validateInitiativeFields(patch));
  const entry = requireInitiative(doc, id);
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      entry.set(key, typeof value === 'string' ? value.trim() : value);
    }
  }, origin);
}

export function removeInitiative(doc: Y.Doc, id: string, origin?: unknown): void {
  requireInitiative(doc, id);
  doc.transact(() => initiativesMap(doc).delete(id), origin);
}

export function addMember(
  doc: Y.Doc,
  initiativeId: string,
  member: { name: string; participantId?: string },
  origin?: unknown,
): string {
  assertValid(validateMemberName(member.name));
  const members = requireList(doc, initiativeId, 'members');
  const existing = members
    .toArray()
    .find((item) =>
      member.participantId
        ? item.get('participantId') === member.participantId
        : item.get('name') === member.name.trim() && !item.get('participantId'),
    );
  if (existing) return String(existing.get('id'));
  const id = newId();
  doc.transact(() => {
    const item = new Y.Map<unknown>();
    item.set('id', id);
    item.set('name', member.name.trim());
    item.set('participantId', member.participantId ?? '');
    members.push([item]);
  }, origin);
  return id;
}

export function removeMember(doc: Y.Doc, initiativeId: string, memberId: string, origin?: unknown): void {
  removeFromList(doc, initiativeId, 'members', memberId, origin);
}

/** Links the initiative to a board section or note it serves. Linking twice is one link. */
export function linkInitiative(doc: Y.Doc, initiativeId: string, target: LinkTarget, origin?: unknown): void {
  assertValid(validateLinkTarget(target));
  const links = requireLinks(doc, initiativeId);
  const key = `${target.kind}:${target.id}`;
  if (links.has(key)) return;
  doc.transact(() => {
    const link = new Y.Map<unknown>();
    link.set('kind', target.kind);
    link.set('id', target.id);
    links.set(key, link);
  }, origin);
}

export function unlinkInitiative(doc: Y.Doc, initiativeId: string, target: LinkTarget, origin?: unknown): void {
  const links = requireLinks(doc, initiativeId);
  doc.transact(() => links.delete(`${target.kind}:${target.id}`), origin);
}

export function requireInitiative(doc: Y.Doc, id: string): Y.Map<unknown> {
  const entry = initiativeEntry(doc, id);
  if (!entry) throw new SchemaValidationError([{ field: 'initiativeId', code: 'notFound' }]);
  return entry;
}

export function requireList(doc: Y.Doc, initiativeId: string, key: 'members' | 'indicators' | 'steps') {
  const list = listOf(requireInitiative(doc, initiativeId), key);
  if (!list) throw new SchemaValidationError([{ field: key, code: 'notFound' }]);
  return list;
}

function requireLinks(doc: Y.Doc, initiativeId: string): Y.Map<Y.Map<unknown>> {
  const links = requireInitiative(doc, initiativeId).get('links');
  if (!(links instanceof Y.Map)) throw new SchemaValidationError([{ field: 'links', code: 'notFound' }]);
  return links as Y.Map<Y.Map<unknown>>;
}

export function findListItem(list: Y.Array<Y.Map<unknown>>, itemId: string): { index: number; item: Y.Map<unknown> } {
  const index = list.toArray().findIndex((item) => item instanceof Y.Map && item.get('id') === itemId);
  if (index < 0) throw new SchemaValidationError([{ field: 'id', code: 'notFound' }]);
  return { index, item: list.get(index) };
}

export function removeFromList(
  doc: Y.Doc,
  initiativeId: string,
  key: 'members' | 'indicators' | 'steps',
  itemId: string,
  origin?: unknown,
): void {
  const list = requireList(doc, initiativeId, key);
  const { index } = findListItem(list, itemId);
  doc.transact(() => list.delete(index, 1), origin);
}
