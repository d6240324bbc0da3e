import { useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { parsePresenceUser, type PresenceUser } from '../../collab/presence';

/**
 * A time-map cursor in awareness: `timemap: { laneId, year, fx, fy }`, a cell and a point inside it (0–1). Cells
 * rather than pixels, because a laptop and a phone lay the grid out differently: a cursor over "Trends, 2030"
 * must show over "Trends, 2030" on every screen.
 */
export interface CursorPosition {
  laneId: string;
  year: number;
  fx: number;
  fy: number;
}

export interface PeerCursor {
  clientId: number;
  user: PresenceUser;
  position: CursorPosition;
}

const AWARENESS_FIELD = 'timemap';
/** At most one cursor update per this many ms: enough for smooth motion, far below the server's rate limit. */
const SEND_INTERVAL_MS = 50;

function unit(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : null;
}

/** Remote states are whatever another client sent: parse, never trust. */
export function parseCursor(state: unknown): CursorPosition | null {
  if (typeof state !== 'object' || state === null) return null;
  const raw = (state as Record<string, unknown>)[AWARENESS_FIELD];
  if (typeof raw !== 'object' || raw === null) return null;
  const { laneId, year, fx, fy } = raw as Record<string, unknown>;
  const x = unit(fx);
  const y = unit(fy);
  if (typeof laneId !== 'string' || laneId.length > 64 || !Number.isInteger(year) || x === null || y === null) {
    return null;
  }
  return { laneId, year: year as number, fx: x, fy: y };
}

function peerCursors(awareness: Awareness): PeerCursor[] {
  const out: PeerCursor[] = [];
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === awareness.clientID) return;
    const user = parsePresenceUser(state);
    const position = parseCursor(state);
    if (user && position) out.push({ clientId, user, position });
  });
  return out;
}

/** Publishes this person's cursor over the grid and returns everyone else's. */
export function useTimeMapCursor(awareness: Awareness) {
  const [peers, setPeers] = useState<PeerCursor[]>(() => peerCursors(awareness));
  const lastSent = useRef(0);

  useEffect(() => {
    const onChange = () => setPeers(peerCursors(awareness));
    awareness.on('change', onChange);
    return () => {
      awareness.off('change', onChange);
      awareness.setLocalStateField(AWARENESS_FIELD, null);
    };
  }, [awareness]);

  return useMemo(
    () => ({
      peers,
      onPointerMove(event: PointerEvent<HTMLElement>) {
        const now = performance.now();
        if (now - lastSent.current < SEND_INTERVAL_MS) return;
        const cell = (event.target as Element).closest<HTMLElement>('[data-cell]');
        const laneId = cell?.dataset.laneId;
        if (!cell || !laneId) return;
        lastSent.current = now;
        const rect = cell.getBoundingClientRect();
        awareness.setLocalStateField(AWARENESS_FIELD, {
          laneId,
          year: Number(cell.dataset.year),
          fx: (event.clientX - rect.left) / rect.width,
          fy: (event.clientY - rect.top) / rect.height,
        });
      },
      onPointerLeave() {
        awareness.setLocalStateField(AWARENESS_FIELD, null);
      },
    }),
    [awareness, peers],
  );
}
