/** Writes to the board's links (arrows between notes), each in one transaction tagged with the caller's origin. */
import * as Y from 'yjs';
import { newId } from '../ids.js';
import { linksMap, notesMap } from './boardDoc.js';

/** Adds an arrow between two notes; returns its id, or null when it would be a loop or a duplicate. */
export function addLink(doc: Y.Doc, from: string, to: string, origin: unknown): string | null {
  if (from === to) return null;
  const notes = notesMap(doc);
  if (!notes.has(from) || !notes.has(to)) return null;
  for (const link of linksMap(doc).values()) {
    if (link instanceof Y.Map && link.get('from') === from && link.get('to') === to) return null;
  }
  const id = newId();
  doc.transact(() => {
    const link = new Y.Map<unknown>();
    linksMap(doc).set(id, link);
    link.set('id', id);
    link.set('from', from);
    link.set('to', to);
    link.set('createdAt', Date.now());
  }, origin);
  return id;
}

export function deleteLink(doc: Y.Doc, id: string, origin: unknown): void {
  doc.transact(() => linksMap(doc).delete(id), origin);
}
