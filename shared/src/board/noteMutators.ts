/**
 * Writes to the board's notes. Each runs in one `doc.transact(fn, origin)`: the origin is how an undo manager tells
 * a person's own changes from everyone else's, so the client passes its own origin object.
 */
import * as Y from 'yjs';
import { newId } from '../ids.js';
import {
  clamp,
  COORD_LIMIT,
  isNoteColor,
  linksMap,
  NOTE_SIZE,
  NOTE_TEXT_MAX,
  noteText,
  notesMap,
  readNote,
  type ItemMap,
  type NoteColor,
  type Reaction,
} from './boardDoc.js';

export interface NewNote {
  x: number;
  y: number;
  w?: number;
  h?: number;
  color?: NoteColor;
  text?: string;
  authorId: string;
  authorName: string;
  /** Defaults to now; tests pass a fixed clock. */
  createdAt?: number;
  /** Defaults to a fresh id. */
  id?: string;
}

function coord(value: number): number {
  return clamp(Math.round(value), -COORD_LIMIT, COORD_LIMIT);
}

function size(value: number): number {
  return clamp(Math.round(value), NOTE_SIZE.min, NOTE_SIZE.max);
}

function fillNote(note: ItemMap, id: string, input: NewNote): void {
  const text = new Y.Text();
  if (input.text) text.insert(0, input.text.slice(0, NOTE_TEXT_MAX));
  note.set('id', id);
  note.set('x', coord(input.x));
  note.set('y', coord(input.y));
  note.set('w', size(input.w ?? NOTE_SIZE.w));
  note.set('h', size(input.h ?? NOTE_SIZE.h));
  note.set('color', input.color && isNoteColor(input.color) ? input.color : 'yellow');
  note.set('text', text);
  note.set('authorId', input.authorId);
  note.set('authorName', input.authorName);
  note.set('createdAt', input.createdAt ?? Date.now());
  note.set('reactions', new Y.Map<number>());
}

/** Adds a note; returns its id. */
export function addNote(doc: Y.Doc, input: NewNote, origin: unknown): string {
  const id = input.id ?? newId();
  doc.transact(() => {
    const note = new Y.Map<unknown>();
    // Integrated before it is filled, so every field below is a plain set on a live map.
    notesMap(doc).set(id, note);
    fillNote(note, id, input);
  }, origin);
  return id;
}

/** Adds many notes in one transaction (benchmarks, imports). */
export function addNotes(doc: Y.Doc, inputs: readonly NewNote[], origin: unknown): string[] {
  const ids: string[] = [];
  doc.transact(() => {
    for (const input of inputs) ids.push(addNote(doc, input, origin));
  }, origin);
  return ids;
}

function noteById(doc: Y.Doc, id: string): ItemMap | null {
  const note = notesMap(doc).get(id);
  return note instanceof Y.Map ? note : null;
}

/** Moves each note to its new top-left corner. */
export function moveNotes(
  doc: Y.Doc,
  positions: ReadonlyArray<{ id: string; x: number; y: number }>,
  origin: unknown,
): void {
  doc.transact(() => {
    for (const { id, x, y } of positions) {
      const note = noteById(doc, id);
      if (!note) continue;
      // Writing an unchanged value would still create an update (and an undo step) for nothing.
      if (note.get('x') !== coord(x)) note.set('x', coord(x));
      if (note.get('y') !== coord(y)) note.set('y', coord(y));
    }
  }, origin);
}

export function resizeNote(doc: Y.Doc, id: string, w: number, h: number, origin: unknown): void {
  doc.transact(() => {
    const note = noteById(doc, id);
    if (!note) return;
    note.set('w', size(w));
    note.set('h', size(h));
  }, origin);
}

export function setNotesColor(doc: Y.Doc, ids: readonly string[], color: NoteColor, origin: unknown): void {
  if (!isNoteColor(color)) return;
  doc.transact(() => {
    for (const id of ids) noteById(doc, id)?.set('color', color);
  }, origin);
}

/** Deletes the notes and every link that touches them. */
export function deleteNotes(doc: Y.Doc, ids: readonly string[], origin: unknown): void {
  const doomed = new Set(ids);
  doc.transact(() => {
    const notes = notesMap(doc);
    for (const id of doomed) notes.delete(id);
    const links = linksMap(doc);
    for (const [linkId, link] of links.entries()) {
      if (!(link instanceof Y.Map)) continue;
      if (doomed.has(link.get('from') as string) || doomed.has(link.get('to') as string)) links.delete(linkId);
    }
  }, origin);
}

/** Copies the notes, offset so the copies do not hide the originals; returns the new ids in the same order. */
export function duplicateNotes(
  doc: Y.Doc,
  ids: readonly string[],
  by: { authorId: string; authorName: string },
  origin: unknown,
  offset = 24,
): string[] {
  const created: string[] = [];
  doc.transact(() => {
    const now = Date.now();
    ids.forEach((id, index) => {
      const source = noteById(doc, id);
      if (!source) return;
      const note = readNote(source, id);
      created.push(
        addNote(
          doc,
          {
            x: note.x + offset,
            y: note.y + offset,
            w: note.w,
            h: note.h,
            color: note.color,
            text: note.text,
            authorId: by.authorId,
            authorName: by.authorName,
            // Keeps the copies in the originals' paint order.
            createdAt: now + index,
          },
          origin,
        ),
      );
    });
  }, origin);
  return created;
}

/** Gives or takes back one person's reaction on a note. */
export function toggleReaction(
  doc: Y.Doc,
  id: string,
  reaction: Reaction,
  participantId: string,
  origin: unknown,
): void {
  doc.transact(() => {
    const note = noteById(doc, id);
    if (!note) return;
    let reactions = note.get('reactions');
    if (!(reactions instanceof Y.Map)) {
      reactions = new Y.Map<number>();
      note.set('reactions', reactions);
    }
    const map = reactions as Y.Map<number>;
    const key = `${reaction}:${participantId}`;
    if (map.has(key)) map.delete(key);
    else map.set(key, Date.now());
  }, origin);
}

/**
 * Turns a note's text into `next` with the smallest edit (common prefix and suffix kept), so a textarea that
 * replaces its whole value still merges character by character with someone else typing in the same note.
 */
export function replaceNoteText(doc: Y.Doc, id: string, next: string, origin: unknown): void {
  const note = noteById(doc, id);
  const text = note ? noteText(note) : null;
  if (!text) return;
  doc.transact(() => applyTextDiff(text, next.slice(0, NOTE_TEXT_MAX)), origin);
}

export function applyTextDiff(text: Y.Text, next: string): void {
  const current = text.toString();
  if (current === next) return;
  let start = 0;
  const minLength = Math.min(current.length, next.length);
  while (start < minLength && current[start] === next[start]) start++;
  let end = 0;
  while (end < minLength - start && current[current.length - 1 - end] === next[next.length - 1 - end]) {
    end++;
  }
  const removed = current.length - start - end;
  if (removed > 0) text.delete(start, removed);
  const inserted = next.slice(start, next.length - end);
  if (inserted.length > 0) text.insert(start, inserted);
}
