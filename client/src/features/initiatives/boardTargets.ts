import { listNotes, listSections, sectionOfNote } from '@horizon/shared/board';
import type * as Y from 'yjs';

export interface BoardTargets {
  sections: { id: string; title: string }[];
  notes: { id: string; text: string; sectionId: string | null }[];
}

/** The image-of-the-future board's sections and notes, read through the board's own accessors. */
export function readBoardTargets(doc: Y.Doc): BoardTargets {
  const sections = listSections(doc);
  return {
    sections: sections.map((section) => ({ id: section.id, title: section.title })),
    notes: listNotes(doc).map((note) => ({
      id: note.id,
      text: note.text,
      sectionId: sectionOfNote(note, sections)?.id ?? null,
    })),
  };
}
