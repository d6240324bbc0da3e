import {
  boundsOf,
  listNotes,
  listSections,
  safeSectionColor,
  type NoteSnapshot,
  type SectionSnapshot,
} from '@horizon/shared/board';
import type * as Y from 'yjs';
import { useDocValue } from '../../collab/hooks';
import { NOTE_FILL } from '../board/controls/noteColors';

interface BoardShapes {
  notes: NoteSnapshot[];
  sections: SectionSnapshot[];
}

const EMPTY: BoardShapes = { notes: [], sections: [] };

function readShapes(doc: Y.Doc): BoardShapes {
  return { notes: listNotes(doc), sections: listSections(doc) };
}

/** The team's board in a small box: sections as tinted frames, notes as coloured rectangles, scaled to fit. */
export function BoardThumbnail({ doc, label }: { doc: Y.Doc | null; label: string }) {
  const { notes, sections } = useDocValue(doc, readShapes, EMPTY);
  const bounds = boundsOf([...sections, ...notes]);
  if (!bounds) {
    return <div className="thumb thumb--empty" role="img" aria-label={label} />;
  }
  // A margin of 4% keeps the outermost notes off the edge.
  const pad = Math.max(bounds.w, bounds.h) * 0.04;
  const viewBox = `${bounds.x - pad} ${bounds.y - pad} ${bounds.w + 2 * pad} ${bounds.h + 2 * pad}`;
  const stroke = Math.max(bounds.w, bounds.h) / 250;
  return (
    <svg className="thumb" viewBox={viewBox} preserveAspectRatio="xMidYMid meet" role="img" aria-label={label}>
      {sections.map((section) => (
        <rect
          key={section.id}
          x={section.x}
          y={section.y}
          width={section.w}
          height={section.h}
          rx={stroke * 4}
          fill={safeSectionColor(section.color)}
          fillOpacity={0.55}
          stroke="#9aa5b8"
          strokeWidth={stroke}
        />
      ))}
      {notes.map((note) => (
        <rect
          key={note.id}
          x={note.x}
          y={note.y}
          width={note.w}
          height={note.h}
          fill={NOTE_FILL[note.color]}
          stroke="rgb(27 34 48 / 35%)"
          strokeWidth={stroke}
        />
      ))}
    </svg>
  );
}
