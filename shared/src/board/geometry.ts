/** Plane geometry shared by the board's mutators, its renderer and the exports. */
import type { NoteSnapshot, Rect, SectionSnapshot } from './boardDoc.js';

export function centerOf(rect: Rect): { x: number; y: number } {
  return { x: rect.x + rect.w / 2, y: rect.y + rect.h / 2 };
}

export function containsPoint(rect: Rect, point: { x: number; y: number }): boolean {
  return point.x >= rect.x && point.x <= rect.x + rect.w && point.y >= rect.y && point.y <= rect.y + rect.h;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && a.x + a.w > b.x && a.y < b.y + b.h && a.y + a.h > b.y;
}

/** The smallest rectangle around all of them, or null for none. */
export function boundsOf(rects: Iterable<Rect>): Rect | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const r of rects) {
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.w);
    maxY = Math.max(maxY, r.y + r.h);
  }
  return Number.isFinite(minX) ? { x: minX, y: minY, w: maxX - minX, h: maxY - minY } : null;
}

/** The notes a section holds: those whose centre lies inside it. */
export function notesInSection(section: Rect, notes: Iterable<NoteSnapshot>): NoteSnapshot[] {
  const out: NoteSnapshot[] = [];
  for (const note of notes) if (containsPoint(section, centerOf(note))) out.push(note);
  return out;
}

/**
 * The section a note belongs to. Where sections overlap, the newest (topmost) wins, the same one a person sees
 * the note on.
 */
export function sectionOfNote(note: Rect, sections: readonly SectionSnapshot[]): SectionSnapshot | null {
  const center = centerOf(note);
  for (let i = sections.length - 1; i >= 0; i--) {
    const section = sections[i]!;
    if (containsPoint(section, center)) return section;
  }
  return null;
}
