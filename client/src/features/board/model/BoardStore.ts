/**
 * Plain, immutable snapshots of the board for React, kept current from the Y.Doc. A note's snapshot object is
 * replaced only when that note changes, so memoised note components re-render only for their own edits, and the
 * spatial grid is updated per changed note instead of rebuilt.
 */
import {
  byCreation,
  linksMap,
  notesMap,
  readLink,
  readNote,
  readSection,
  sectionsMap,
  type ItemMap,
  type LinkSnapshot,
  type NoteSnapshot,
  type SectionSnapshot,
} from '@horizon/shared/board';
import * as Y from 'yjs';
import { SpatialGrid } from './spatialGrid';

type Listener = () => void;

/** The ids of the top-level entries touched by a deep observer's events. */
function touchedIds(events: Array<Y.YEvent<Y.AbstractType<unknown>>>): Set<string> {
  const ids = new Set<string>();
  for (const event of events) {
    const first = event.path[0];
    if (typeof first === 'string') ids.add(first);
    else for (const key of event.changes.keys.keys()) ids.add(key);
  }
  return ids;
}

export class BoardStore {
  readonly notes = new Map<string, NoteSnapshot>();
  readonly grid = new SpatialGrid();
  sections: readonly SectionSnapshot[] = [];
  links: readonly LinkSnapshot[] = [];
  private version = 0;
  private sortedNotes: NoteSnapshot[] | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly notesY: Y.Map<ItemMap>;
  private readonly sectionsY: Y.Map<ItemMap>;
  private readonly linksY: Y.Map<ItemMap>;

  constructor(doc: Y.Doc) {
    this.notesY = notesMap(doc);
    this.sectionsY = sectionsMap(doc);
    this.linksY = linksMap(doc);
    this.notesY.forEach((_note, id) => this.refreshNote(id));
    this.refreshSections();
    this.refreshLinks();
    this.notesY.observeDeep(this.onNotes);
    this.sectionsY.observeDeep(this.onSections);
    this.linksY.observeDeep(this.onLinks);
  }

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getVersion = (): number => this.version;

  /** All notes, oldest first. */
  allNotes(): NoteSnapshot[] {
    this.sortedNotes ??= [...this.notes.values()].sort(byCreation);
    return this.sortedNotes;
  }

  destroy(): void {
    this.notesY.unobserveDeep(this.onNotes);
    this.sectionsY.unobserveDeep(this.onSections);
    this.linksY.unobserveDeep(this.onLinks);
    this.listeners.clear();
  }

  private refreshNote(id: string): void {
    const note = this.notesY.get(id);
    if (note instanceof Y.Map) {
      const snapshot = readNote(note, id);
      this.notes.set(id, snapshot);
      this.grid.set(id, snapshot);
    } else {
      this.notes.delete(id);
      this.grid.delete(id);
    }
  }

  private refreshSections(): void {
    const out: SectionSnapshot[] = [];
    this.sectionsY.forEach((section, id) => {
      if (section instanceof Y.Map) out.push(readSection(section, id));
    });
    this.sections = out.sort(byCreation);
  }

  private refreshLinks(): void {
    const out: LinkSnapshot[] = [];
    this.linksY.forEach((link, id) => {
      const snapshot = link instanceof Y.Map ? readLink(link, id) : null;
      if (snapshot) out.push(snapshot);
    });
    this.links = out.sort(byCreation);
  }

  private readonly onNotes = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
    for (const id of touchedIds(events)) this.refreshNote(id);
    this.sortedNotes = null;
    this.emit();
  };

  private readonly onSections = () => {
    this.refreshSections();
    this.emit();
  };

  private readonly onLinks = () => {
    this.refreshLinks();
    this.emit();
  };

  private emit(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
