/**
 * The board's behaviour outside React: what is selected and edited here, and every write this person makes.
 * Writes go through the shared mutators with this controller's own `origin`, which is the only origin its undo
 * manager tracks: undo reverts this person's changes and never someone else's.
 */
import {
  addLink,
  addNote,
  addSection,
  boundsOf,
  centerOf,
  deleteLink,
  deleteNotes,
  deleteSection,
  duplicateNotes,
  linksMap,
  moveNotes,
  NOTE_SIZE,
  notesMap,
  SECTION_SIZE,
  sectionsMap,
  setNotesColor,
  toggleReaction,
  type NoteColor,
  type Reaction,
  type Rect,
} from '@horizon/shared/board';
import * as Y from 'yjs';
import type { PresenceUser } from '../../../collab/presence';
import type { BoardPeerStore } from './boardPresence';
import { BoardStore } from './BoardStore';
import { Camera } from './camera';

export interface BoardUiState {
  readonly selectedNotes: ReadonlySet<string>;
  readonly selectedSection: string | null;
  readonly selectedLink: string | null;
  /** The note whose text this person is typing in. */
  readonly editing: string | null;
}

const NOTHING: BoardUiState = { selectedNotes: new Set(), selectedSection: null, selectedLink: null, editing: null };

/** Typing and dragging within this long of each other undo as one step. */
const CAPTURE_MS = 600;

export class BoardController {
  readonly origin = { source: 'board-local' };
  readonly store: BoardStore;
  readonly camera = new Camera();
  readonly undo: Y.UndoManager;
  private ui: BoardUiState = NOTHING;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly doc: Y.Doc,
    readonly peers: BoardPeerStore,
    readonly me: PresenceUser,
    readonly canWrite: boolean,
  ) {
    this.store = new BoardStore(doc);
    this.undo = new Y.UndoManager([notesMap(doc), sectionsMap(doc), linksMap(doc)], {
      trackedOrigins: new Set([this.origin]),
      captureTimeout: CAPTURE_MS,
    });
  }

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getUi = (): BoardUiState => this.ui;

  destroy(): void {
    this.undo.destroy();
    this.store.destroy();
    this.listeners.clear();
  }

  // --- selection and editing -------------------------------------------------------------------------------

  private setUi(next: BoardUiState): void {
    if (next === this.ui) return;
    const selectionChanged = next.selectedNotes !== this.ui.selectedNotes || next.editing !== this.ui.editing;
    this.ui = next;
    if (selectionChanged) this.peers.publish({ selection: [...next.selectedNotes], editing: next.editing });
    for (const listener of this.listeners) listener();
  }

  selectNotes(ids: Iterable<string>): void {
    this.setUi({ ...NOTHING, selectedNotes: new Set(ids) });
  }

  toggleNote(id: string): void {
    const next = new Set(this.ui.selectedNotes);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.setUi({ ...NOTHING, selectedNotes: next });
  }

  selectSection(id: string): void {
    this.setUi({ ...NOTHING, selectedSection: id });
  }

  selectLink(id: string): void {
    this.setUi({ ...NOTHING, selectedLink: id });
  }

  clearSelection(): void {
    if (this.ui === NOTHING) return;
    this.setUi(NOTHING);
  }

  startEditing(id: string): void {
    if (!this.canWrite || !this.store.notes.has(id)) return;
    this.undo.stopCapturing();
    this.setUi({ ...NOTHING, selectedNotes: new Set([id]), editing: id });
  }

  stopEditing(): void {
    if (!this.ui.editing) return;
    this.undo.stopCapturing();
    this.setUi({ ...this.ui, editing: null });
  }

  /** Drops selected items that someone else deleted. */
  pruneSelection(): void {
    const { selectedNotes, selectedSection, selectedLink, editing } = this.ui;
    const notes = [...selectedNotes].filter((id) => this.store.notes.has(id));
    const sectionGone = selectedSection && !this.store.sections.some((section) => section.id === selectedSection);
    const linkGone = selectedLink && !this.store.links.some((link) => link.id === selectedLink);
    const editingGone = editing && !this.store.notes.has(editing);
    if (notes.length === selectedNotes.size && !sectionGone && !linkGone && !editingGone) return;
    this.setUi({
      selectedNotes: notes.length === selectedNotes.size ? selectedNotes : new Set(notes),
      selectedSection: sectionGone ? null : selectedSection,
      selectedLink: linkGone ? null : selectedLink,
      editing: editingGone ? null : editing,
    });
  }

  /** The world box around what is selected (notes, a section, or a link's two ends), or null for nothing. */
  selectionBounds(): Rect | null {
    const { selectedNotes, selectedSection, selectedLink } = this.ui;
    if (selectedSection) return this.store.sections.find((section) => section.id === selectedSection) ?? null;
    if (selectedLink) {
      const link = this.store.links.find((candidate) => candidate.id === selectedLink);
      const ends = link ? [this.store.notes.get(link.from), this.store.notes.get(link.to)] : [];
      // The arrow runs between the notes' centres, so its box is the box of those two points.
      return boundsOf(ends.flatMap((note) => (note ? [{ ...centerOf(note), w: 0, h: 0 }] : [])));
    }
    return boundsOf([...selectedNotes].flatMap((id) => this.store.notes.get(id) ?? []));
  }

  // --- writes ---------------------------------------------------------------------------------------------

  /** A new note centred on a world point (the screen centre by default), selected and open for typing. */
  createNote(at?: { x: number; y: number }, color?: NoteColor): string | null {
    if (!this.canWrite) return null;
    const view = this.camera.visibleWorld();
    const center = at ?? { x: view.x + view.w / 2, y: view.y + view.h / 2 };
    this.undo.stopCapturing();
    const id = addNote(
      this.doc,
      {
        x: center.x - NOTE_SIZE.w / 2,
        y: center.y - NOTE_SIZE.h / 2,
        color: color ?? 'yellow',
        authorId: this.me.participantId,
        authorName: this.me.name,
      },
      this.origin,
    );
    this.startEditing(id);
    return id;
  }

  createSection(title: string): string | null {
    if (!this.canWrite) return null;
    const view = this.camera.visibleWorld();
    this.undo.stopCapturing();
    const id = addSection(
      this.doc,
      {
        title,
        x: view.x + view.w / 2 - SECTION_SIZE.w / 2,
        y: view.y + view.h / 2 - SECTION_SIZE.h / 2,
        color: '#eef1f6',
      },
      this.origin,
    );
    this.selectSection(id);
    return id;
  }

  deleteSelection(): void {
    if (!this.canWrite) return;
    const { selectedNotes, selectedSection, selectedLink } = this.ui;
    this.undo.stopCapturing();
    if (selectedNotes.size > 0) deleteNotes(this.doc, [...selectedNotes], this.origin);
    if (selectedSection) deleteSection(this.doc, selectedSection, this.origin);
    if (selectedLink) deleteLink(this.doc, selectedLink, this.origin);
    this.setUi(NOTHING);
  }

  duplicateSelection(): void {
    if (!this.canWrite || this.ui.selectedNotes.size === 0) return;
    this.undo.stopCapturing();
    const ids = duplicateNotes(
      this.doc,
      this.orderedSelection(),
      { authorId: this.me.participantId, authorName: this.me.name },
      this.origin,
    );
    this.selectNotes(ids);
  }

  colorSelection(color: NoteColor): void {
    if (!this.canWrite) return;
    this.undo.stopCapturing();
    setNotesColor(this.doc, [...this.ui.selectedNotes], color, this.origin);
  }

  react(id: string, reaction: Reaction): void {
    if (!this.canWrite) return;
    this.undo.stopCapturing();
    toggleReaction(this.doc, id, reaction, this.me.participantId, this.origin);
  }

  /** Links the selected notes in the order they were selected: an arrow from each to the next. */
  linkSelection(): void {
    const ids = [...this.ui.selectedNotes];
    if (!this.canWrite || ids.length < 2) return;
    this.undo.stopCapturing();
    this.doc.transact(() => {
      for (let i = 0; i + 1 < ids.length; i++) addLink(this.doc, ids[i]!, ids[i + 1]!, this.origin);
    }, this.origin);
  }

  nudgeSelection(dx: number, dy: number): void {
    if (!this.canWrite) return;
    const moves = [...this.ui.selectedNotes].flatMap((id) => {
      const note = this.store.notes.get(id);
      return note ? [{ id, x: note.x + dx, y: note.y + dy }] : [];
    });
    moveNotes(this.doc, moves, this.origin);
  }

  /** Fits everything on the board (or the template's frames on an empty one) on screen, centred. */
  fitToContent(minZoom = 0): void {
    const bounds = boundsOf([...this.store.sections, ...this.store.notes.values()]);
    if (!bounds) return;
    this.camera.fit(bounds);
    const { zoom } = this.camera.get();
    if (zoom < minZoom) this.camera.centerOn({ x: bounds.x + bounds.w / 2, y: bounds.y + bounds.h / 2 }, minZoom);
  }

  /** Shows and selects a note, e.g. one mentioned in the vision text. */
  focusNote(id: string): boolean {
    const note = this.store.notes.get(id);
    if (!note) return false;
    this.camera.centerOn({ x: note.x + note.w / 2, y: note.y + note.h / 2 }, Math.max(this.camera.get().zoom, 0.8));
    this.selectNotes([id]);
    return true;
  }

  private orderedSelection(): string[] {
    return this.store
      .allNotes()
      .filter((note) => this.ui.selectedNotes.has(note.id))
      .map((note) => note.id);
  }
}
