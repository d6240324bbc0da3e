import type { NoteColor } from '@horizon/shared/board';

/** Note fills, soft enough for dark text on a projector; the same values as `.note--<color>` in board.css. */
export const NOTE_FILL: Record<NoteColor, string> = {
  yellow: '#fff3b0',
  green: '#d3f2d9',
  blue: '#d6e6ff',
  pink: '#ffd9e4',
  purple: '#e7dcff',
  orange: '#ffe0c2',
};
