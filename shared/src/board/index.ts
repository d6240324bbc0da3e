// The board feature's public API: the schema of the image-of-the-future board, its accessors and mutators.
export {
  BoardKeys,
  COORD_LIMIT,
  NOTE_COLORS,
  NOTE_SIZE,
  NOTE_TEXT_MAX,
  REACTIONS,
  SECTION_SIZE,
  SECTION_TITLE_MAX,
  byCreation,
  isNoteColor,
  isReaction,
  linksMap,
  listLinks,
  listNotes,
  listSections,
  noteText,
  notesMap,
  readLink,
  readNote,
  readSection,
  safeSectionColor,
  sectionsMap,
} from './boardDoc.js';
export type { ItemMap, LinkSnapshot, NoteColor, NoteSnapshot, Reaction, Rect, SectionSnapshot } from './boardDoc.js';
export { boundsOf, centerOf, containsPoint, intersects, notesInSection, sectionOfNote } from './geometry.js';
export {
  addNote,
  addNotes,
  applyTextDiff,
  deleteNotes,
  duplicateNotes,
  moveNotes,
  replaceNoteText,
  resizeNote,
  setNotesColor,
  toggleReaction,
} from './noteMutators.js';
export type { NewNote } from './noteMutators.js';
export {
  SECTION_GRID,
  addSection,
  deleteSection,
  moveSection,
  renameSection,
  resizeSection,
  sectionGridPosition,
  sectionNotes,
  seedBoard,
} from './sectionMutators.js';
export type { NewSection } from './sectionMutators.js';
export { addLink, deleteLink } from './linkMutators.js';
