/**
 * Board presence in awareness, beside the shell's `user` field: `board: { cursor, selection, editing }`, cursor in
 * world coordinates. Remote states are parsed, never trusted: bounded arrays, finite numbers, ids as ids.
 */
import { isId } from '@horizon/shared';
import type { Awareness } from 'y-protocols/awareness';
import { parsePresenceUser, type PresenceUser } from '../../../collab/presence';

export interface BoardPresence {
  cursor: { x: number; y: number } | null;
  selection: string[];
  editing: string | null;
}

export interface BoardPeer {
  clientId: number;
  user: PresenceUser;
  board: BoardPresence;
}

/** What others are doing to one note: shown as a coloured outline and a name. */
export interface NoteMark {
  color: string;
  name: string;
  editing: boolean;
}

const MAX_SELECTION = 500;
const LIMIT = 1_000_000;

function finite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= LIMIT;
}

export function parseBoardPresence(state: unknown): BoardPresence | null {
  if (typeof state !== 'object' || state === null) return null;
  const board = (state as { board?: unknown }).board;
  if (typeof board !== 'object' || board === null) return null;
  const { cursor, selection, editing } = board as Record<string, unknown>;
  const point = cursor as { x?: unknown; y?: unknown } | null;
  return {
    cursor: point && finite(point.x) && finite(point.y) ? { x: point.x, y: point.y } : null,
    selection: Array.isArray(selection) ? selection.slice(0, MAX_SELECTION).filter(isId) : [],
    editing: isId(editing) ? editing : null,
  };
}

export function boardPeersFrom(states: Map<number, unknown>, localClientId: number): BoardPeer[] {
  const peers: BoardPeer[] = [];
  for (const [clientId, state] of states) {
    if (clientId === localClientId) continue;
    const user = parsePresenceUser(state);
    const board = parseBoardPresence(state);
    if (user && board) peers.push({ clientId, user, board });
  }
  return peers;
}

/** Note id → who else has it selected or is typing in it (the one typing wins the outline). */
export function noteMarksFrom(peers: readonly BoardPeer[]): Map<string, NoteMark> {
  const marks = new Map<string, NoteMark>();
  for (const { user, board } of peers) {
    for (const id of board.selection) {
      if (!marks.has(id)) marks.set(id, { color: user.color, name: user.name, editing: false });
    }
  }
  for (const { user, board } of peers) {
    if (board.editing) marks.set(board.editing, { color: user.color, name: user.name, editing: true });
  }
  return marks;
}

/**
 * Others' board presence as two snapshots: cursors change many times a second and only the cursor layer reads
 * them; selection and editing marks change rarely and every note reads them.
 */
export class BoardPeerStore {
  peers: readonly BoardPeer[] = [];
  marks: ReadonlyMap<string, NoteMark> = new Map();
  private marksKey = '';
  private readonly cursorListeners = new Set<() => void>();
  private readonly markListeners = new Set<() => void>();

  constructor(
    private readonly awareness: Awareness,
    private readonly localClientId: number,
  ) {
    awareness.on('change', this.onChange);
    this.onChange();
  }

  readonly subscribeCursors = (listener: () => void) => {
    this.cursorListeners.add(listener);
    return () => this.cursorListeners.delete(listener);
  };

  readonly subscribeMarks = (listener: () => void) => {
    this.markListeners.add(listener);
    return () => this.markListeners.delete(listener);
  };

  readonly getPeers = () => this.peers;
  readonly getMarks = () => this.marks;

  /** Merges `patch` into this client's board presence. */
  publish(patch: Partial<BoardPresence>): void {
    const current = parseBoardPresence(this.awareness.getLocalState()) ?? {
      cursor: null,
      selection: [],
      editing: null,
    };
    this.awareness.setLocalStateField('board', { ...current, ...patch });
  }

  destroy(): void {
    this.awareness.off('change', this.onChange);
    // Leaving the board: others stop seeing this cursor and selection.
    this.awareness.setLocalStateField('board', null);
  }

  private readonly onChange = () => {
    this.peers = boardPeersFrom(this.awareness.getStates(), this.localClientId);
    for (const listener of this.cursorListeners) listener();
    const marks = noteMarksFrom(this.peers);
    const key = JSON.stringify([...marks]);
    if (key !== this.marksKey) {
      this.marksKey = key;
      this.marks = marks;
      for (const listener of this.markListeners) listener();
    }
  };
}
