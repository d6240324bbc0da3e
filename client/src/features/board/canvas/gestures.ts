/** What a pointer press on the board means, read from the element under it (data attributes set by the views). */

export type PressTarget =
  | { kind: 'interactive' }
  | { kind: 'noteResize'; id: string }
  | { kind: 'note'; id: string }
  | { kind: 'sectionResize'; id: string }
  | { kind: 'sectionTitle'; id: string }
  | { kind: 'link'; id: string }
  | { kind: 'empty' };

const INTERACTIVE = 'button, input, textarea, select, a, [contenteditable="true"], [data-board-ui]';

export function pressTarget(target: EventTarget | null): PressTarget {
  if (!(target instanceof Element)) return { kind: 'empty' };
  if (target.closest(INTERACTIVE)) return { kind: 'interactive' };
  const resizeNote = target.closest<HTMLElement>('[data-resize-note]');
  if (resizeNote) return { kind: 'noteResize', id: resizeNote.dataset.resizeNote! };
  const note = target.closest<HTMLElement>('[data-note-id]');
  if (note) return { kind: 'note', id: note.dataset.noteId! };
  const resizeSection = target.closest<HTMLElement>('[data-resize-section]');
  if (resizeSection) return { kind: 'sectionResize', id: resizeSection.dataset.resizeSection! };
  const title = target.closest<HTMLElement>('[data-section-title]');
  if (title) return { kind: 'sectionTitle', id: title.dataset.sectionTitle! };
  const link = target.closest<HTMLElement | SVGElement>('[data-link-id]');
  if (link) return { kind: 'link', id: link.dataset.linkId! };
  return { kind: 'empty' };
}

/** A screen-space rectangle from two corners. */
export function rectFromCorners(a: { x: number; y: number }, b: { x: number; y: number }) {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(a.x - b.x), h: Math.abs(a.y - b.y) };
}

/** Movement below this many screen pixels is a click or a tap, not a drag. */
export const DRAG_THRESHOLD = 4;
/** Two taps within this long and this close are a double tap. */
export const DOUBLE_TAP = { ms: 350, px: 24 } as const;

export function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('input, textarea, [contenteditable="true"]') !== null;
}
