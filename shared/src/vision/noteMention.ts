/**
 * An inline reference from the vision text to a board note: `@<label>` that opens the note on the board. Headless
 * here (schema and HTML), so the editor, the server's exports and tests share it; the client adds the click.
 * The label is a copy of the note's first words when it was mentioned: the text reads sensibly even after the
 * note is edited or deleted.
 */
import { mergeAttributes, Node } from '@tiptap/core';
import { isId } from '../ids.js';

export const NOTE_MENTION = 'noteMention';
export const MENTION_LABEL_MAX = 60;

export function mentionLabel(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MENTION_LABEL_MAX ? `${oneLine.slice(0, MENTION_LABEL_MAX - 1)}…` : oneLine;
}

export const NoteMention = Node.create({
  name: NOTE_MENTION,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,

  addAttributes() {
    return {
      noteId: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-note-id'),
        // A peer can write any attribute: only a well-formed id reaches the DOM.
        renderHTML: (attributes) => (isId(attributes.noteId) ? { 'data-note-id': attributes.noteId } : {}),
      },
      label: {
        default: '',
        parseHTML: (element) => (element.textContent ?? '').replace(/^@/, ''),
        renderHTML: () => ({}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-note-mention]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const label = mentionLabel(String(node.attrs.label ?? ''));
    return ['span', mergeAttributes({ 'data-note-mention': '', class: 'note-mention' }, HTMLAttributes), `@${label}`];
  },

  renderText({ node }) {
    return `@${mentionLabel(String(node.attrs.label ?? ''))}`;
  },
});
