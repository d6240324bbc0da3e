import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listLinks, listNotes, notesMap } from './boardDoc.js';
import { addLink } from './linkMutators.js';
import {
  addNote,
  deleteNotes,
  duplicateNotes,
  moveNotes,
  replaceNoteText,
  resizeNote,
  setNotesColor,
  toggleReaction,
} from './noteMutators.js';

const ANNA = { authorId: 'anna0001', authorName: 'Анна' };
const BORIS = { authorId: 'boris001', authorName: 'Борис' };
const local = { who: 'local' };

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function noteOf(doc: Y.Doc, id: string) {
  return listNotes(doc).find((note) => note.id === id);
}

describe('board notes', () => {
  it('a note added on one peer reads the same on another, with its author and time', () => {
    const a = new Y.Doc();
    const id = addNote(a, { x: 10, y: 20, text: 'Чистая Волга', ...ANNA, createdAt: 1000 }, local);
    const b = new Y.Doc();
    sync(a, b);
    expect(noteOf(b, id)).toMatchObject({
      x: 10,
      y: 20,
      text: 'Чистая Волга',
      authorName: 'Анна',
      createdAt: 1000,
      color: 'yellow',
    });
  });

  it('two people typing in one note at once keep both their words', () => {
    const a = new Y.Doc();
    const id = addNote(a, { x: 0, y: 0, text: 'Самара', ...ANNA }, local);
    const b = new Y.Doc();
    sync(a, b);
    replaceNoteText(a, id, 'Самара — город', local);
    replaceNoteText(b, id, 'Большая Самара', local);
    sync(a, b);
    expect(noteOf(a, id)?.text).toBe(noteOf(b, id)?.text);
    expect(noteOf(a, id)?.text).toBe('Большая Самара — город');
  });

  it('a text edit changes only what differs, so a caret elsewhere is not disturbed', () => {
    const doc = new Y.Doc();
    const id = addNote(doc, { x: 0, y: 0, text: 'abcdef', ...ANNA }, local);
    const deltas: unknown[] = [];
    notesMap(doc).observeDeep((events) => events.forEach((event) => deltas.push(event.delta)));
    replaceNoteText(doc, id, 'abXYef', local);
    expect(deltas).toEqual([[{ retain: 2 }, { delete: 2 }, { insert: 'XY' }]]);
  });

  it('moves several notes in one transaction, tagged with the caller’s origin', () => {
    const doc = new Y.Doc();
    const first = addNote(doc, { x: 0, y: 0, ...ANNA }, local);
    const second = addNote(doc, { x: 300, y: 0, ...ANNA }, local);
    const origins: unknown[] = [];
    doc.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin));
    moveNotes(
      doc,
      [
        { id: first, x: 50, y: 60 },
        { id: second, x: 350, y: 60 },
      ],
      local,
    );
    expect(origins).toEqual([local]);
    expect(noteOf(doc, first)).toMatchObject({ x: 50, y: 60 });
    expect(noteOf(doc, second)).toMatchObject({ x: 350, y: 60 });
  });

  it('clamps sizes and refuses unknown colours', () => {
    const doc = new Y.Doc();
    const id = addNote(doc, { x: 0, y: 0, ...ANNA }, local);
    resizeNote(doc, id, 5, 99_999, local);
    expect(noteOf(doc, id)).toMatchObject({ w: 80, h: 800 });
    setNotesColor(doc, [id], 'blue', local);
    setNotesColor(doc, [id], 'url(javascript:alert(1))' as 'blue', local);
    expect(noteOf(doc, id)?.color).toBe('blue');
  });

  it('deleting a note removes the links that touch it', () => {
    const doc = new Y.Doc();
    const a = addNote(doc, { x: 0, y: 0, ...ANNA }, local);
    const b = addNote(doc, { x: 300, y: 0, ...ANNA }, local);
    const c = addNote(doc, { x: 600, y: 0, ...ANNA }, local);
    addLink(doc, a, b, local);
    addLink(doc, b, c, local);
    deleteNotes(doc, [a], local);
    expect(
      listNotes(doc)
        .map((note) => note.id)
        .sort(),
    ).toEqual([b, c].sort());
    expect(listLinks(doc)).toMatchObject([{ from: b, to: c }]);
  });

  it('duplicates notes beside the originals, authored by whoever duplicated them', () => {
    const doc = new Y.Doc();
    const id = addNote(doc, { x: 100, y: 100, text: 'Кадры', color: 'green', ...ANNA }, local);
    const [copy] = duplicateNotes(doc, [id], BORIS, local);
    expect(noteOf(doc, copy!)).toMatchObject({ x: 124, y: 124, text: 'Кадры', color: 'green', authorName: 'Борис' });
  });

  it('reactions toggle per person and two people can react at once', () => {
    const a = new Y.Doc();
    const id = addNote(a, { x: 0, y: 0, ...ANNA }, local);
    const b = new Y.Doc();
    sync(a, b);
    toggleReaction(a, id, 'like', ANNA.authorId, local);
    toggleReaction(b, id, 'like', BORIS.authorId, local);
    sync(a, b);
    expect(noteOf(a, id)?.reactions.like?.sort()).toEqual([ANNA.authorId, BORIS.authorId].sort());
    toggleReaction(a, id, 'like', ANNA.authorId, local);
    expect(noteOf(a, id)?.reactions.like).toEqual([BORIS.authorId]);
  });

  it('an undo manager tracking one person’s origin undoes only that person’s change', () => {
    const a = new Y.Doc();
    const id = addNote(a, { x: 0, y: 0, text: 'база', ...ANNA }, 'seed');
    const b = new Y.Doc();
    sync(a, b);
    const annaOrigin = { who: 'anna' };
    const undo = new Y.UndoManager([notesMap(a)], { trackedOrigins: new Set([annaOrigin]) });
    moveNotes(a, [{ id, x: 500, y: 0 }], annaOrigin);
    replaceNoteText(b, id, 'база Бориса', { who: 'boris' });
    sync(a, b);
    undo.undo();
    sync(a, b);
    expect(noteOf(b, id)).toMatchObject({ x: 0, text: 'база Бориса' });
  });

  it('reads hostile values from a peer as safe defaults', () => {
    const doc = new Y.Doc();
    const note = new Y.Map<unknown>();
    notesMap(doc).set('evil', note);
    note.set('x', Number.NaN);
    note.set('w', -5);
    note.set('color', '"><script>');
    note.set('text', '<script>alert(1)</script>');
    expect(noteOf(doc, 'evil')).toMatchObject({ x: 0, w: 80, color: 'yellow', text: '' });
  });
});
