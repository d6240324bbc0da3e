// The shared schema for the benchmark and the board/vision browser tests. The e2e files import it from here because
// e2e/ has no dependency on @horizon/shared (bench/ has), so tsc could not resolve the package name from e2e/.
export { COLLAB_PATH } from '@horizon/shared';
export type { CreateSessionResponse, JoinResponse } from '@horizon/shared';
export {
  addNote,
  addNotes,
  addSection,
  NOTE_COLORS,
  notesMap,
  SECTION_GRID,
  type NewNote,
} from '@horizon/shared/board';
