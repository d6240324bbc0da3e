import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { imageOfFutureTemplate } from '../templates/index.js';
import { seedTeamDoc } from '../yjs/teamDoc.js';
import {
  addCard,
  addLane,
  addLink,
  moveLane,
  readLanes,
  readTimeMap,
  removeCard,
  removeLane,
  renameLane,
  SchemaValidationError,
  seedTimeMap,
  updateCard,
  yearRangeOf,
} from './index.js';

const range = { startYear: 2026, endYear: 2036 };
const context = { range };

function seeded(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => seedTimeMap(doc, imageOfFutureTemplate, 'ru'));
  return doc;
}

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

describe('time map lanes', () => {
  it('a new team room starts with the template lanes, in order, in the session language', () => {
    const doc = new Y.Doc();
    seedTeamDoc(doc, { sessionId: 'sessabcd', teamId: 'teamabcd', template: imageOfFutureTemplate, lang: 'ru' });
    expect(readLanes(doc).map((lane) => lane.title)).toEqual([
      'Тренды',
      'Технологии',
      'Угрозы',
      'Возможности',
      'Инициативы',
    ]);
    const english = new Y.Doc();
    english.transact(() => seedTimeMap(english, imageOfFutureTemplate, 'en'));
    expect(readLanes(english)[0]?.title).toBe('Trends');
  });

  it('adds, renames and reorders lanes', () => {
    const doc = seeded();
    const id = addLane(doc, '  Ресурсы ');
    renameLane(doc, id, 'Ресурсы региона');
    moveLane(doc, id, 0);
    expect(
      readLanes(doc)
        .map((lane) => lane.title)
        .slice(0, 2),
    ).toEqual(['Ресурсы региона', 'Тренды']);
    moveLane(doc, id, 2);
    expect(
      readLanes(doc)
        .map((lane) => lane.title)
        .slice(0, 3),
    ).toEqual(['Тренды', 'Технологии', 'Ресурсы региона']);
  });

  it('refuses an empty lane title', () => {
    const doc = seeded();
    expect(issuesOf(() => addLane(doc, '   '))).toEqual(['title:required']);
    expect(readLanes(doc)).toHaveLength(5);
  });

  it('two people moving different lanes at once both get their move', () => {
    const a = seeded();
    const b = new Y.Doc();
    sync(a, b);
    const [trends, , , , initiatives] = readLanes(a);
    moveLane(a, trends!.id, 5);
    moveLane(b, initiatives!.id, 0);
    sync(a, b);
    sync(b, a);
    const order = readLanes(a).map((lane) => lane.title);
    expect(order).toEqual(readLanes(b).map((lane) => lane.title));
    expect(order[0]).toBe('Инициативы');
    expect(order.at(-1)).toBe('Тренды');
  });

  it('removing a lane removes its cards and their links', () => {
    const doc = seeded();
    const [trends, opportunities] = readLanes(doc);
    const a = addCard(doc, { laneId: trends!.id, year: 2027, text: 'ИИ', createdBy: 'p1' }, context);
    const b = addCard(
      doc,
      { laneId: opportunities!.id, year: 2030, text: 'Цифровые сервисы', createdBy: 'p1' },
      context,
    );
    addLink(doc, a, b);
    removeLane(doc, trends!.id);
    const map = readTimeMap(doc);
    expect(map.cards.map((card) => card.id)).toEqual([b]);
    expect(map.links).toEqual([]);
  });
});

describe('time map cards', () => {
  it('places a card in a lane at a year and quarter, and moves it between lanes and years', () => {
    const doc = seeded();
    const [trends, technologies] = readLanes(doc);
    const id = addCard(
      doc,
      { laneId: trends!.id, year: 2028, quarter: 2, text: 'Удалённая работа', createdBy: 'p1' },
      context,
    );
    expect(readTimeMap(doc).cards).toEqual([
      { id, laneId: trends!.id, year: 2028, quarter: 2, text: 'Удалённая работа', createdBy: 'p1' },
    ]);
    updateCard(doc, id, { laneId: technologies!.id, year: 2031, quarter: 0 }, context);
    expect(readTimeMap(doc).cards[0]).toMatchObject({ laneId: technologies!.id, year: 2031, quarter: 0 });
  });

  it('refuses a year outside the session, an unknown lane and empty text, and writes nothing', () => {
    const doc = seeded();
    const laneId = readLanes(doc)[0]!.id;
    const before = Y.encodeStateVector(doc);
    expect(issuesOf(() => addCard(doc, { laneId, year: 2040, text: 'x', createdBy: 'p' }, context))).toEqual([
      'year:yearOutOfRange',
    ]);
    expect(issuesOf(() => addCard(doc, { laneId: 'nolane', year: 2030, text: ' ', createdBy: 'p' }, context))).toEqual([
      'text:required',
      'laneId:notFound',
    ]);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    const id = addCard(doc, { laneId, year: 2030, text: 'ok', createdBy: 'p' }, context);
    expect(issuesOf(() => updateCard(doc, id, { year: 2025 }, context))).toEqual(['year:yearOutOfRange']);
    expect(readTimeMap(doc).cards[0]?.year).toBe(2030);
    removeCard(doc, id);
    expect(readTimeMap(doc).cards).toEqual([]);
  });

  it('concurrent move and text edit of one card both survive', () => {
    const a = seeded();
    const laneId = readLanes(a)[0]!.id;
    const id = addCard(a, { laneId, year: 2027, text: 'старый текст', createdBy: 'p1' }, context);
    const b = new Y.Doc();
    sync(a, b);
    updateCard(a, id, { year: 2033 }, context);
    updateCard(b, id, { text: 'новый текст' }, context);
    sync(a, b);
    sync(b, a);
    expect(readTimeMap(a).cards[0]).toMatchObject({ year: 2033, text: 'новый текст' });
    expect(readTimeMap(b)).toEqual(readTimeMap(a));
  });

  it('links cards once, never to themselves, and drops links to removed cards', () => {
    const doc = seeded();
    const laneId = readLanes(doc)[0]!.id;
    const a = addCard(doc, { laneId, year: 2027, text: 'a', createdBy: 'p' }, context);
    const b = addCard(doc, { laneId, year: 2029, text: 'b', createdBy: 'p' }, context);
    const link = addLink(doc, a, b);
    expect(addLink(doc, a, b)).toBe(link);
    expect(issuesOf(() => addLink(doc, a, a))).toEqual(['to:selfLink']);
    expect(readTimeMap(doc).links).toEqual([{ id: link, from: a, to: b }]);
    removeCard(doc, b);
    expect(readTimeMap(doc).links).toEqual([]);
  });

  it('a card added to a lane someone else removed meanwhile stays visible in the first lane', () => {
    const a = seeded();
    const b = new Y.Doc();
    sync(a, b);
    const [trends, technologies] = readLanes(a);
    removeLane(a, technologies!.id);
    const id = addCard(b, { laneId: technologies!.id, year: 2030, text: 'осиротевшая', createdBy: 'p' }, context);
    sync(a, b);
    sync(b, a);
    expect(readTimeMap(a).cards.find((card) => card.id === id)?.laneId).toBe(trends!.id);
  });
});

describe('year range', () => {
  it('runs from the year the session was created to its horizon', () => {
    expect(yearRangeOf({ createdAt: '2026-03-15T09:00:00.000Z', horizonYear: 2036 })).toEqual(range);
  });
});
