/**
 * The vision document: one Tiptap document per team, stored in the team room as the Y.XmlFragment `VISION_FIELD`.
 * The same extension list serves the editor (plus its collaboration and UI extensions) and the server's exports,
 * so every node the editor can write, the exports can read.
 */
import type { AnyExtension } from '@tiptap/core';
import { StarterKit } from '@tiptap/starter-kit';
import { NoteMention } from './noteMention.js';
import { isSafeHref } from './safeHref.js';

/**
 * The Y.XmlFragment name. Named explicitly: Tiptap's Collaboration defaults to 'default' and y-prosemirror helpers
 * to 'prosemirror', and a mismatch silently shows an empty document.
 */
export const VISION_FIELD = 'vision';

export const VISION_HEADING_LEVELS = [2, 3] as const;

/** The headless extensions of the vision document. */
export function visionExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // Collaboration brings its own undo (y-undo, own changes only); ProseMirror's history would undo others' text.
      undoRedo: false,
      heading: { levels: [...VISION_HEADING_LEVELS] },
      code: false,
      codeBlock: false,
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        isAllowedUri: (url) => isSafeHref(url),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: '_blank' },
      },
    }),
    NoteMention,
  ];
}
