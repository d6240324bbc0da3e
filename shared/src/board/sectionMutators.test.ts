import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { imageOfFutureTemplate } from '../templates/index.js';
import { Origin } from '../yjs/origins.js';
import { seedTeamDoc } from '../yjs/teamDoc.js';
import { listLinks, listNotes, listSections } from './boardDoc.js';
import { intersects, sectionOfNote } from './geometry.js';
import { addLink, deleteLink } from './linkMutators.js';
import { addNote } from './noteMutators.js';
import {
  addSection,
  deleteSection,
  moveSection,
  renameSection,
  resizeSection,
  sectionNotes,
} from './sectionMutators.js';

const local = { who: 'local' };
const ANNA = { authorId: 'anna0001', authorName: 'Анна' };

describe('board sections', () => {
  it('a new team document holds the template’s sections in order, side by side without overlap', () => {
    const doc = new Y.Doc();
    seedTeamDoc(doc, { sessionId: 's1234', teamId: 't1234', template: imageOfFutureTemplate, lang: 'ru' });
    const sections = listSections(doc);
    expect(sections.map((section) => section.title)).toEqual([
      'Люди',
      'Экономика и работа',
      'Городская среда',
      'Образование',
      'Бренд региона',
    ]);
    for (const a of sections) for (const b of sections) if (a !== b) expect(intersects(a, b)).toBe(false);
  });

  it('seeds in English for an English session, inside the server’s one transaction', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin));
    seedTeamDoc(doc, { sessionId: 's1234', teamId: 't1234', template: imageOfFutureTemplate, lang: 'en' });
    expect(listSections(doc)[0]?.title).toBe('People');
    expect(origins).toEqual([Origin.server]);
  });

  it('moving a section carries the notes it held and leaves the others', () => {
    const doc = new Y.Doc();
    const section = addSection(doc, { title: 'Люди', x: 0, y: 0, w: 400, h: 400 }, local);
    const inside = addNote(doc, { x: 50, y: 50, ...ANNA }, local);
    const outside = addNote(doc, { x: 900, y: 50, ...ANNA }, local);
    const carried = sectionNotes(doc, section).map((note) => note.id);
    expect(carried).toEqual([inside]);
    moveSection(doc, section, { x: 1000, y: 500 }, carried, local);
    const notes = listNotes(doc);
    expect(notes.find((note) => note.id === inside)).toMatchObject({ x: 1050, y: 550 });
    expect(notes.find((note) => note.id === outside)).toMatchObject({ x: 900, y: 50 });
    expect(
      sectionOfNote(
        notes.find((note) => note.id === inside)!,
        listSections(doc),
      )?.id,
    ).toBe(section);
  });

  it('renames, resizes and removes a section; its notes stay on the board', () => {
    const doc = new Y.Doc();
    const section = addSection(doc, { title: 'Люди', x: 0, y: 0 }, local);
    addNote(doc, { x: 50, y: 50, ...ANNA }, local);
    renameSection(doc, section, 'Жители', local);
    resizeSection(doc, section, 10, 900, local);
    expect(listSections(doc)[0]).toMatchObject({ title: 'Жители', w: 200, h: 900 });
    deleteSection(doc, section, local);
    expect(listSections(doc)).toEqual([]);
    expect(listNotes(doc)).toHaveLength(1);
  });

  it('a colour that is not a hex colour never reaches the page', () => {
    const doc = new Y.Doc();
    addSection(doc, { title: 'x', color: 'red;background:url(//evil)' }, local);
    expect(listSections(doc)[0]?.color).toBe('#eef1f6');
  });
});

describe('board links', () => {
  it('links two notes once; no loops, no duplicates, and removes on request', () => {
    const doc = new Y.Doc();
    const a = addNote(doc, { x: 0, y: 0, ...ANNA }, local);
    const b = addNote(doc, { x: 300, y: 0, ...ANNA }, local);
    const id = addLink(doc, a, b, local);
    expect(id).not.toBeNull();
    expect(addLink(doc, a, b, local)).toBeNull();
    expect(addLink(doc, a, a, local)).toBeNull();
    expect(addLink(doc, a, 'missing', local)).toBeNull();
    expect(listLinks(doc)).toMatchObject([{ from: a, to: b }]);
    deleteLink(doc, id!, local);
    expect(listLinks(doc)).toEqual([]);
  });
});
