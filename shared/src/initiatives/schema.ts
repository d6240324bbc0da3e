/**
 * Project initiatives of a team document: each one a regional «паспорт проекта» with its steps, target indicators,
 * people, links to the image of the future it serves, and a co-edited rich-text description.
 *
 * Layout (root key of the team doc `team:<sessionId>:<teamId>`):
 *   initiatives: Y.Map<initiativeId, Y.Map>
 *     title, problem, goal, resources, risks: string
 *     owner:       string   — руководитель (a name)
 *     mentor:      string   — наставник
 *     curator:     string   — куратор
 *     budget:      number | null — roubles
 *     status:      'idea' | 'design' | 'active' | 'done'
 *     position:    number   — display order, ascending; ties broken by id
 *     createdAt:   string   — ISO 8601
 *     createdBy:   string   — participantId
 *     members:     Y.Array<Y.Map> { id, name, participantId ('' for a free name) }
 *     indicators:  Y.Array<Y.Map> { id, name, unit, baseline: number | null, target: number | null, year }
 *     steps:       Y.Array<Y.Map> { id, title, start, end (ISO dates), responsible, status }
 *     links:       Y.Map<'<kind>:<id>', Y.Map> { kind: 'section' | 'note', id } — keyed, so a double link is one
 *     description: Y.XmlFragment — Tiptap's `fragment` (Collaboration), created with the initiative so two editors
 *                  never create two fragments
 *
 * Every entry is a Y.Map, so two people editing different fields of one initiative or one step both keep their
 * edits. Lists are Y.Arrays of Y.Maps: order matters for steps and indicators, and an item edit is a field write.
 */
import * as Y from 'yjs';

export const INITIATIVES_KEY = 'initiatives';
export const DESCRIPTION_KEY = 'description';

export const InitiativeStatuses = ['idea', 'design', 'active', 'done'] as const;
export type InitiativeStatus = (typeof InitiativeStatuses)[number];

export const StepStatuses = ['planned', 'active', 'done'] as const;
export type StepStatus = (typeof StepStatuses)[number];

export const LinkKinds = ['section', 'note'] as const;
export type LinkKind = (typeof LinkKinds)[number];

/** The plain fields of an initiative (what the form and the table edit). */
export interface InitiativeFields {
  title: string;
  problem: string;
  goal: string;
  owner: string;
  mentor: string;
  curator: string;
  resources: string;
  risks: string;
  budget: number | null;
  status: InitiativeStatus;
}

export const TEXT_FIELDS = ['title', 'problem', 'goal', 'owner', 'mentor', 'curator', 'resources', 'risks'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export interface Member {
  id: string;
  name: string;
  participantId: string;
}

export interface Indicator {
  id: string;
  name: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  year: number;
}

export interface Step {
  id: string;
  title: string;
  start: string;
  end: string;
  responsible: string;
  status: StepStatus;
}

export interface LinkTarget {
  kind: LinkKind;
  id: string;
}

export interface Initiative extends InitiativeFields {
  id: string;
  position: number;
  createdAt: string;
  createdBy: string;
  members: Member[];
  indicators: Indicator[];
  steps: Step[];
  links: LinkTarget[];
}

export function initiativesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(INITIATIVES_KEY);
}

export function initiativeEntry(doc: Y.Doc, id: string): Y.Map<unknown> | undefined {
  return initiativesMap(doc).get(id);
}

/** The initiative's rich-text description, for Tiptap's Collaboration `fragment` option. */
export function initiativeDescription(doc: Y.Doc, id: string): Y.XmlFragment | null {
  const value = initiativeEntry(doc, id)?.get(DESCRIPTION_KEY);
  return value instanceof Y.XmlFragment ? value : null;
}

export function listOf(entry: Y.Map<unknown>, key: 'members' | 'indicators' | 'steps'): Y.Array<Y.Map<unknown>> | null {
  const value = entry.get(key);
  return value instanceof Y.Array ? (value as Y.Array<Y.Map<unknown>>) : null;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function numOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function oneOf<T extends string>(choices: readonly T[], value: unknown, fallback: T): T {
  return (choices as readonly unknown[]).includes(value) ? (value as T) : fallback;
}

function readList<T>(
  entry: Y.Map<unknown>,
  key: 'members' | 'indicators' | 'steps',
  read: (item: Y.Map<unknown>) => T,
) {
  const list = listOf(entry, key);
  if (!list) return [];
  return list
    .toArray()
    .filter((item): item is Y.Map<unknown> => item instanceof Y.Map)
    .map(read);
}

export function readInitiativeEntry(id: string, entry: Y.Map<unknown>): Initiative {
  const links: LinkTarget[] = [];
  const linkMap = entry.get('links');
  if (linkMap instanceof Y.Map) {
    (linkMap as Y.Map<unknown>).forEach((link) => {
      if (!(link instanceof Y.Map)) return;
      const kind = link.get('kind');
      const targetId = link.get('id');
      if ((LinkKinds as readonly unknown[]).includes(kind) && typeof targetId === 'string') {
        links.push({ kind: kind as LinkKind, id: targetId });
      }
    });
  }
  return {
    id,
    title: str(entry.get('title')),
    problem: str(entry.get('problem')),
    goal: str(entry.get('goal')),
    owner: str(entry.get('owner')),
    mentor: str(entry.get('mentor')),
    curator: str(entry.get('curator')),
    resources: str(entry.get('resources')),
    risks: str(entry.get('risks')),
    budget: numOrNull(entry.get('budget')),
    status: oneOf(InitiativeStatuses, entry.get('status'), 'idea'),
    position: Number(entry.get('position') ?? 0),
    createdAt: str(entry.get('createdAt')),
    createdBy: str(entry.get('createdBy')),
    members: readList(entry, 'members', (item) => ({
      id: str(item.get('id')),
      name: str(item.get('name')),
      participantId: str(item.get('participantId')),
    })),
    indicators: readList(entry, 'indicators', (item) => ({
      id: str(item.get('id')),
      name: str(item.get('name')),
      unit: str(item.get('unit')),
      baseline: numOrNull(item.get('baseline')),
      target: numOrNull(item.get('target')),
      year: Number(item.get('year') ?? 0),
    })),
    steps: readList(entry, 'steps', (item) => ({
      id: str(item.get('id')),
      title: str(item.get('title')),
      start: str(item.get('start')),
      end: str(item.get('end')),
      responsible: str(item.get('responsible')),
      status: oneOf(StepStatuses, item.get('status'), 'planned'),
    })),
    links,
  };
}

/** Every initiative as plain values, in display order. */
export function readInitiatives(doc: Y.Doc): Initiative[] {
  const all: Initiative[] = [];
  initiativesMap(doc).forEach((entry, id) => all.push(readInitiativeEntry(id, entry)));
  return all.sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
}

export function readInitiative(doc: Y.Doc, id: string): Initiative | null {
  const entry = initiativeEntry(doc, id);
  return entry ? readInitiativeEntry(id, entry) : null;
}
