// The time map feature's public API (schema, accessors, mutators). Owned by the time map feature.
import type * as Y from 'yjs';
import type { Language, SessionTemplate } from '../templates/index.js';

/** Writes the template's time-map lanes into a new team document. */
export function seedTimeMap(doc: Y.Doc, template: SessionTemplate, lang: Language): void {
  void doc;
  void template;
  void lang;
}
