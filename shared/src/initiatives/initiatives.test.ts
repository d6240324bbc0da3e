import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SchemaValidationError } from '../timemap/validation.js';
import {
  addIndicator,
  addMember,
  addStep,
  createInitiative,
  initiativeDescription,
  linkInitiative,
  parseLocaleNumber,
  readInitiative,
  readInitiatives,
  removeInitiative,
  removeStep,
  sectionCoverage,
  unlinkInitiative,
  updateIndicator,
  updateInitiative,
  updateStep,
  validateStep,
} from './index.js';

const range = { startYear: 2026, endYear: 2036 };
const context = { range };
const step = {
  title: 'Пилот',
  start: '2027-03-01',
  end: '2027-06-30',
  responsible: 'Анна',
  status: 'planned' as const,
};

function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof SchemaValidationError) return error.issues.map((issue) => `${issue.field}:${issue.code}`);
    throw error;
  }
  return [];
}

describe('initiatives', () => {
  it('creates a passport with people, indicators, steps and an empty description, readable by a peer', () => {
    const doc = new Y.Doc();
    const id = createInitiative(doc, { title: ' Молодёжный хаб ', owner: 'Анна', mentor: 'Олег', createdBy: 'p1' });
    addMember(doc, id, { name: 'Борис', participantId: 'p2' });
    addMember(doc, id, { name: 'Борис', participantId: 'p2' });
    addIndicator(doc, id, { name: 'Доля молодёжи', unit: '%', baseline: 18, target: 25, year: 2030 }, context);
    addStep(doc, id, step, context);
    const peer = new Y.Doc();
    sync(doc, peer);
    const read = readInitiative(peer, id);
    expect(read).toMatchObject({
      title: 'Молодёжный хаб',
      owner: 'Анна',
      mentor: 'Олег',
      status: 'idea',
      members: [{ name: 'Борис', participantId: 'p2' }],
      indicators: [{ name: 'Доля молодёжи', unit: '%', baseline: 18, target: 25, year: 2030 }],
      steps: [{ ...step }],
    });
    expect(initiativeDescription(peer, id)).toBeInstanceOf(Y.XmlFragment);
  });

  it('refuses an empty title and a bad status, writing nothing', () => {
    const doc = new Y.Doc();
    expect(issuesOf(() => createInitiative(doc, { title: '  ', createdBy: 'p' }))).toEqual(['title:required']);
    expect(readInitiatives(doc)).toEqual([]);
    const id = createInitiative(doc, { title: 'Хаб', createdBy: 'p' });
    expect(issuesOf(() => updateInitiative(doc, id, { title: '' }))).toEqual(['title:required']);
    expect(issuesOf(() => updateInitiative(doc, id, { status: 'maybe' as never }))).toEqual(['status:invalidChoice']);
    expect(issuesOf(() => updateInitiative(doc, id, { budget: -5 }))).toEqual(['budget:invalidNumber']);
    expect(readInitiative(doc, id)?.title).toBe('Хаб');
  });

  it('concurrent edits of different fields of one initiative both survive', () => {
    const a = new Y.Doc();
    const id = createInitiative(a, { title: 'Хаб', createdBy: 'p' });
    const b = new Y.Doc();
    sync(a, b);
    updateInitiative(a, id, { owner: 'Анна' });
    updateInitiative(b, id, { status: 'active', mentor: 'Олег' });
    sync(a, b);
    sync(b, a);
    expect(readInitiative(a, id)).toMatchObject({ owner: 'Анна', mentor: 'Олег', status: 'active' });
    expect(readInitiative(b, id)).toEqual(readInitiative(a, id));
  });

  it('removes an initiative', () => {
    const doc = new Y.Doc();
    const id = createInitiative(doc, { title: 'Хаб', createdBy: 'p' });
    removeInitiative(doc, id);
    expect(readInitiatives(doc)).toEqual([]);
  });
});

describe('steps', () => {
  it('refuses an end before its start and dates outside the session, with one issue per problem', () => {
    expect(validateStep({ ...step, start: '2028-05-01', end: '2028-01-01' }, range).map((i) => i.code)).toEqual([
      'endBeforeStart',
    ]);
    expect(validateStep({ ...step, start: '2025-12-31', end: '2037-01-01' }, range)).toEqual([
      { field: 'start', code: 'yearOutOfRange' },
      { field: 'end', code: 'yearOutOfRange' },
    ]);
    expect(validateStep({ ...step, title: '', start: '', end: '2027-02-30' }, range)).toEqual([
      { field: 'title', code: 'required' },
      { field: 'start', code: 'required' },
      { field: 'end', code: 'invalidDate' },
    ]);
  });

  it('checks an update against the stored dates, so moving only the end before the start is refused', () => {
    const doc = new Y.Doc();
    const id = createInitiative(doc, { title: 'Хаб', createdBy: 'p' });
    const stepId = addStep(doc, id, step, context);
    expect(issuesOf(() => updateStep(doc, id, stepId, { end: '2027-01-15' }, context))).toEqual(['end:endBeforeStart']);
    updateStep(doc, id, stepId, { start: '2027-05-01', end: '2027-09-30', status: 'active' }, context);
    expect(readInitiative(doc, id)?.steps[0]).toMatchObject({
      start: '2027-05-01',
      end: '2027-09-30',
      status: 'active',
    });
    removeStep(doc, id, stepId);
    expect(readInitiative(doc, id)?.steps).toEqual([]);
  });

  it('a step moved by one person and renamed by another keeps both changes', () => {
    const a = new Y.Doc();
    const id = createInitiative(a, { title: 'Хаб', createdBy: 'p' });
    const stepId = addStep(a, id, step, context);
    const b = new Y.Doc();
    sync(a, b);
    updateStep(a, id, stepId, { start: '2028-03-01', end: '2028-06-30' }, context);
    updateStep(b, id, stepId, { title: 'Пилот в Тольятти' }, context);
    sync(a, b);
    sync(b, a);
    expect(readInitiative(a, id)?.steps[0]).toMatchObject({
      title: 'Пилот в Тольятти',
      start: '2028-03-01',
      end: '2028-06-30',
    });
  });
});

describe('indicators', () => {
  it('refuses a target year outside the session and keeps the stored value', () => {
    const doc = new Y.Doc();
    const id = createInitiative(doc, { title: 'Хаб', createdBy: 'p' });
    const indicatorId = addIndicator(
      doc,
      id,
      { name: 'Рабочие места', unit: '', baseline: 0, target: 300, year: 2030 },
      context,
    );
    expect(issuesOf(() => updateIndicator(doc, id, indicatorId, { year: 2045 }, context))).toEqual([
      'year:yearOutOfRange',
    ]);
    expect(readInitiative(doc, id)?.indicators[0]?.year).toBe(2030);
  });

  it('reads numbers typed in Russian or English style', () => {
    expect(parseLocaleNumber('1 234,5')).toBe(1234.5);
    expect(parseLocaleNumber('1234.5')).toBe(1234.5);
    expect(parseLocaleNumber('')).toBeNull();
    expect(parseLocaleNumber('двадцать')).toBe('invalid');
  });
});

describe('coverage of the image of the future', () => {
  it('a section is served by an initiative linking it or a note inside it', () => {
    const doc = new Y.Doc();
    const hub = createInitiative(doc, { title: 'Хаб', createdBy: 'p' });
    const brand = createInitiative(doc, { title: 'Бренд', createdBy: 'p' });
    linkInitiative(doc, hub, { kind: 'section', id: 'people' });
    linkInitiative(doc, brand, { kind: 'note', id: 'note1' });
    linkInitiative(doc, brand, { kind: 'section', id: 'people' });
    const noteSection = (noteId: string) => (noteId === 'note1' ? 'city' : null);
    const coverage = sectionCoverage(['people', 'city', 'education'], noteSection, readInitiatives(doc));
    expect(coverage).toEqual([
      { sectionId: 'people', initiativeIds: [hub, brand] },
      { sectionId: 'city', initiativeIds: [brand] },
      { sectionId: 'education', initiativeIds: [] },
    ]);
    unlinkInitiative(doc, hub, { kind: 'section', id: 'people' });
    expect(readInitiative(doc, hub)?.links).toEqual([]);
  });
});
