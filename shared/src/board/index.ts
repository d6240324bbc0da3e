// The board feature's public API (schema, accessors, mutators). Owned by the board feature.
import type * as Y from 'yjs';
import type { Language, SessionTemplate } from '../templates/index.js';

/** Writes the template's board sections into a new team document. */
export function seedBoard(doc: Y.Doc, template: SessionTemplate, lang: Language): void {
  void doc;
  void template;
  void lang;
}
