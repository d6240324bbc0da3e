import * as Y from 'yjs';
import { newId } from '../ids.js';
import type { Language, SessionTemplate } from '../templates/index.js';
import { lanesMap } from './schema.js';

/**
 * Writes the template's time-map lanes, in order, into a new team document. Called by the server inside the seeding
 * transaction, so it does not open one of its own.
 */
export function seedTimeMap(doc: Y.Doc, template: SessionTemplate, lang: Language): void {
  const lanes = lanesMap(doc);
  template.timeMapLanes.forEach((templateLane, index) => {
    const lane = new Y.Map<unknown>();
    lane.set('title', templateLane.title[lang]);
    lane.set('position', index + 1);
    lane.set('key', templateLane.key);
    lanes.set(newId(), lane);
  });
}
