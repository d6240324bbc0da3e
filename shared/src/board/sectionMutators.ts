/** Writes to the board's sections (frames), each in one transaction tagged with the caller's origin. */
import * as Y from 'yjs';
import { newId } from '../ids.js';
import type { Language, SessionTemplate } from '../templates/index.js';
import {
  clamp,
  COORD_LIMIT,
  notesMap,
  readNote,
  safeSectionColor,
  SECTION_SIZE,
  SECTION_TITLE_MAX,
  sectionsMap,
  type ItemMap,
  type NoteSnapshot,
  type Rect,
} from './boardDoc.js';
import { notesInSection } from './geometry.js';

export interface NewSection extends Partial<Rect> {
  title: string;
  color?: string;
  createdAt?: number;
  id?: string;
}

/** Template sections are laid out in rows of this many, this far apart. */
export const SECTION_GRID = { columns: 3, gap: 80 } as const;

function coord(value: number): number {
  return clamp(Math.round(value), -COORD_LIMIT, COORD_LIMIT);
}

function size(value: number): number {
  return clamp(Math.round(value), SECTION_SIZE.min, SECTION_SIZE.max);
}

function sectionById(doc: Y.Doc, id: string): ItemMap | null {
  const section = sectionsMap(doc).get(id);
  return section instanceof Y.Map ? section : null;
}

export function addSection(doc: Y.Doc, input: NewSection, origin: unknown): string {
  const id = input.id ?? newId();
  doc.transact(() => {
    const section = new Y.Map<unknown>();
    sectionsMap(doc).set(id, section);
    section.set('id', id);
    section.set('title', input.title.slice(0, SECTION_TITLE_MAX));
    section.set('x', coord(input.x ?? 0));
    section.set('y', coord(input.y ?? 0));
    section.set('w', size(input.w ?? SECTION_SIZE.w));
    section.set('h', size(input.h ?? SECTION_SIZE.h));
    section.set('color', safeSectionColor(input.color));
    section.set('createdAt', input.createdAt ?? Date.now());
  }, origin);
  return id;
}

/** The top-left corner of the n-th section in the grid used by templates. */
export function sectionGridPosition(index: number): { x: number; y: number } {
  const column = index % SECTION_GRID.columns;
  const row = Math.floor(index / SECTION_GRID.columns);
  return {
    x: column * (SECTION_SIZE.w + SECTION_GRID.gap),
    y: row * (SECTION_SIZE.h + SECTION_GRID.gap),
  };
}

/** Writes the template's board sections into a new team document, laid out in a grid. */
export function seedBoard(doc: Y.Doc, template: SessionTemplate, lang: Language, origin: unknown = null): void {
  doc.transact(() => {
    const base = Date.now();
    template.boardSections.forEach((section, index) => {
      addSection(
        doc,
        {
          title: section.title[lang],
          color: section.color,
          ...sectionGridPosition(index),
          // Distinct times keep the template's order as the paint order.
          createdAt: base + index,
        },
        origin,
      );
    });
  }, origin);
}

export function renameSection(doc: Y.Doc, id: string, title: string, origin: unknown): void {
  doc.transact(() => sectionById(doc, id)?.set('title', title.slice(0, SECTION_TITLE_MAX)), origin);
}

export function resizeSection(doc: Y.Doc, id: string, w: number, h: number, origin: unknown): void {
  doc.transact(() => {
    const section = sectionById(doc, id);
    if (!section) return;
    section.set('w', size(w));
    section.set('h', size(h));
  }, origin);
}

/** The notes a section holds right now, read from the document. */
export function sectionNotes(doc: Y.Doc, id: string): NoteSnapshot[] {
  const section = sectionById(doc, id);
  if (!section) return [];
  const rect = {
    x: Number(section.get('x')) || 0,
    y: Number(section.get('y')) || 0,
    w: Number(section.get('w')) || 0,
    h: Number(section.get('h')) || 0,
  };
  const notes: NoteSnapshot[] = [];
  notesMap(doc).forEach((note, noteId) => {
    if (note instanceof Y.Map) notes.push(readNote(note, noteId));
  });
  return notesInSection(rect, notes);
}

/**
 * Moves a section to (x, y) and carries `carried` notes by the same offset. The caller decides which notes ride
 * along (those inside when a drag began), so notes the frame passes over on the way are not picked up.
 */
export function moveSection(
  doc: Y.Doc,
  id: string,
  to: { x: number; y: number },
  carried: readonly string[],
  origin: unknown,
): void {
  doc.transact(() => {
    const section = sectionById(doc, id);
    if (!section) return;
    const dx = coord(to.x) - (Number(section.get('x')) || 0);
    const dy = coord(to.y) - (Number(section.get('y')) || 0);
    if (dx === 0 && dy === 0) return;
    section.set('x', coord(to.x));
    section.set('y', coord(to.y));
    const notes = notesMap(doc);
    for (const noteId of carried) {
      const note = notes.get(noteId);
      if (!(note instanceof Y.Map)) continue;
      note.set('x', coord((Number(note.get('x')) || 0) + dx));
      note.set('y', coord((Number(note.get('y')) || 0) + dy));
    }
  }, origin);
}

/** Removes the frame; its notes stay on the board where they are. */
export function deleteSection(doc: Y.Doc, id: string, origin: unknown): void {
  doc.transact(() => sectionsMap(doc).delete(id), origin);
}
