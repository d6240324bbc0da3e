/** How another person's caret looks: a coloured bar with their name above it (the extension ships no CSS). */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === 'string' ? user.color : 'transparent';
  const name = typeof user.name === 'string' ? user.name.trim().slice(0, 40) : '';
  const caret = document.createElement('span');
  caret.classList.add('collaboration-carets__caret');
  caret.style.borderColor = color;
  const label = document.createElement('span');
  label.classList.add('collaboration-carets__label');
  label.style.backgroundColor = color;
  // A text node, never HTML: the name is whatever a peer put in its awareness state.
  label.append(document.createTextNode(name || '…'));
  caret.append(label);
  return caret;
}
