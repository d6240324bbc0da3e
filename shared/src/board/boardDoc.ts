/**
 * The image-of-the-future board inside a team document (`team:<sessionId>:<teamId>`). Coordinates are world
 * pixels: x grows right, y grows down, a note's (x, y) is its top-left corner.
 *
 * Layout (root keys, created lazily by Yjs, so no migration is needed):
 *   boardNotes: Y.Map<Y.Map>            keyed by note id
 *     id:         string
 *     x, y, w, h: number
 *     color:      NoteColor             one of NOTE_COLORS
 *     text:       Y.Text                so two people typing in one note merge character by character
 *     authorId:   string                participant id of the creator
 *     authorName: string                shown on the note; a name, not a link to the participant list
 *     createdAt:  number                ms since epoch, the creator's clock
 *     reactions:  Y.Map<number>         key `<reaction>:<participantId>` → ms; one flat map so two people reacting
 *                                       at once never race to create a nested map
 *   boardSections: Y.Map<Y.Map>         keyed by section id
 *     id, title: string; x, y, w, h: number; color: string (#rrggbb); createdAt: number
 *   boardLinks: Y.Map<Y.Map>            keyed by link id; an arrow from one note to another
 *     id, from, to: string; createdAt: number
 *
 * A section holds the notes whose centre lies inside it (`notesInSection`): membership is geometry, so a note
 * dropped into a frame belongs to it without a second write that could disagree with its position.
 *
 * Remote peers can write anything, so every reader below clamps and defaults instead of trusting types.
 */
import * as Y from 'yjs';

export const BoardKeys = { notes: 'boardNotes', sections: 'boardSections', links: 'boardLinks' } as const;

export const NOTE_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'] as const;
export type NoteColor = (typeof NOTE_COLORS)[number];

export const REACTIONS = ['like', 'idea', 'important', 'question'] as const;
export type Reaction = (typeof REACTIONS)[number];

export const NOTE_SIZE = { w: 200, h: 140, min: 80, max: 800 } as const;
export const SECTION_SIZE = { w: 720, h: 520, min: 200, max: 8000 } as const;
/** Notes and sections live within ±COORD_LIMIT world pixels; beyond that a hostile value is clamped. */
export const COORD_LIMIT = 1_000_000;
export const NOTE_TEXT_MAX = 2000;
export const SECTION_TITLE_MAX = 120;

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface NoteSnapshot extends Rect {
  id: string;
  color: NoteColor;
  text: string;
  authorId: string;
  authorName: string;
  createdAt: number;
  /** Reaction → participant ids who gave it. */
  reactions: Partial<Record<Reaction, string[]>>;
}

export interface SectionSnapshot extends Rect {
  id: string;
  title: string;
  color: string;
  createdAt: number;
}

export interface LinkSnapshot {
  id: string;
  from: string;
  to: string;
  createdAt: number;
}

export type ItemMap = Y.Map<unknown>;

export function notesMap(doc: Y.Doc): Y.Map<ItemMap> {
  return doc.getMap<ItemMap>(BoardKeys.notes);
}

export function sectionsMap(doc: Y.Doc): Y.Map<ItemMap> {
  return doc.getMap<ItemMap>(BoardKeys.sections);
}

export function linksMap(doc: Y.Doc): Y.Map<ItemMap> {
  return doc.getMap<ItemMap>(BoardKeys.links);
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function num(value: unknown, fallback: number, min: number, max: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? clamp(value, min, max) : fallback;
}

function str(value: unknown, max: number): string {
  return typeof value === 'string' ? value.slice(0, max) : '';
}

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

export function isNoteColor(value: unknown): value is NoteColor {
  return typeof value === 'string' && (NOTE_COLORS as readonly string[]).includes(value);
}

export function isReaction(value: unknown): value is Reaction {
  return typeof value === 'string' && (REACTIONS as readonly string[]).includes(value);
}

/** A section colour a browser can use safely (no CSS injection through a crafted string). */
export function safeSectionColor(value: unknown): string {
  return typeof value === 'string' && HEX_COLOR.test(value) ? value : '#eef1f6';
}

export function noteText(note: ItemMap): Y.Text | null {
  const text = note.get('text');
  return text instanceof Y.Text ? text : null;
}

export function readNote(note: ItemMap, id: string): NoteSnapshot {
  const reactions: Partial<Record<Reaction, string[]>> = {};
  const reactionMap = note.get('reactions');
  if (reactionMap instanceof Y.Map) {
    for (const key of (reactionMap as Y.Map<unknown>).keys()) {
      const split = key.indexOf(':');
      const reaction = key.slice(0, split);
      if (split < 0 || !isReaction(reaction)) continue;
      (reactions[reaction] ??= []).push(key.slice(split + 1));
    }
  }
  return {
    id,
    x: num(note.get('x'), 0, -COORD_LIMIT, COORD_LIMIT),
    y: num(note.get('y'), 0, -COORD_LIMIT, COORD_LIMIT),
    w: num(note.get('w'), NOTE_SIZE.w, NOTE_SIZE.min, NOTE_SIZE.max),
    h: num(note.get('h'), NOTE_SIZE.h, NOTE_SIZE.min, NOTE_SIZE.max),
    color: isNoteColor(note.get('color')) ? (note.get('color') as NoteColor) : 'yellow',
    text: (noteText(note)?.toString() ?? '').slice(0, NOTE_TEXT_MAX),
    authorId: str(note.get('authorId'), 64),
    authorName: str(note.get('authorName'), 80),
    createdAt: num(note.get('createdAt'), 0, 0, Number.MAX_SAFE_INTEGER),
    reactions,
  };
}

export function readSection(section: ItemMap, id: string): SectionSnapshot {
  return {
    id,
    title: str(section.get('title'), SECTION_TITLE_MAX),
    x: num(section.get('x'), 0, -COORD_LIMIT, COORD_LIMIT),
    y: num(section.get('y'), 0, -COORD_LIMIT, COORD_LIMIT),
    w: num(section.get('w'), SECTION_SIZE.w, SECTION_SIZE.min, SECTION_SIZE.max),
    h: num(section.get('h'), SECTION_SIZE.h, SECTION_SIZE.min, SECTION_SIZE.max),
    color: safeSectionColor(section.get('color')),
    createdAt: num(section.get('createdAt'), 0, 0, Number.MAX_SAFE_INTEGER),
  };
}

export function readLink(link: ItemMap, id: string): LinkSnapshot | null {
  const from = link.get('from');
  const to = link.get('to');
  if (typeof from !== 'string' || typeof to !== 'string' || from === to) return null;
  return { id, from, to, createdAt: num(link.get('createdAt'), 0, 0, Number.MAX_SAFE_INTEGER) };
}

/** Every note, oldest first (creation order is also paint order: newer notes lie on top). */
export function listNotes(doc: Y.Doc): NoteSnapshot[] {
  const out: NoteSnapshot[] = [];
  notesMap(doc).forEach((note, id) => {
    if (note instanceof Y.Map) out.push(readNote(note, id));
  });
  return out.sort(byCreation);
}

export function listSections(doc: Y.Doc): SectionSnapshot[] {
  const out: SectionSnapshot[] = [];
  sectionsMap(doc).forEach((section, id) => {
    if (section instanceof Y.Map) out.push(readSection(section, id));
  });
  return out.sort(byCreation);
}

/** Links whose both ends still exist. */
export function listLinks(doc: Y.Doc): LinkSnapshot[] {
  const notes = notesMap(doc);
  const out: LinkSnapshot[] = [];
  linksMap(doc).forEach((link, id) => {
    const snapshot = link instanceof Y.Map ? readLink(link, id) : null;
    if (snapshot && notes.has(snapshot.from) && notes.has(snapshot.to)) out.push(snapshot);
  });
  return out.sort(byCreation);
}

export function byCreation(a: { createdAt: number; id: string }, b: { createdAt: number; id: string }): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
