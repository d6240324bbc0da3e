import { useSyncExternalStore } from 'react';
import type { BoardPeerStore } from '../model/boardPresence';

/**
 * Others' pointers with their names, in world coordinates. Only this layer re-renders when a cursor moves; the
 * counter-scale keeps the arrow and the name the same size at every zoom.
 */
export function RemoteCursors({ peers }: { peers: BoardPeerStore }) {
  const list = useSyncExternalStore(peers.subscribeCursors, peers.getPeers);
  return (
    <>
      {list.map(({ clientId, user, board }) =>
        board.cursor ? (
          <div
            key={clientId}
            className="cursor"
            data-testid="remote-cursor"
            style={{ transform: `translate(${board.cursor.x}px, ${board.cursor.y}px) scale(var(--inv-zoom, 1))` }}
          >
            <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
              <path d="M1 1 L1 15 L5 11 L8 17 L10.5 16 L7.5 10 L13 10 z" fill={user.color} stroke="#fff" />
            </svg>
            <span className="cursor__name" style={{ background: user.color }}>
              {user.name}
            </span>
          </div>
        ) : null,
      )}
    </>
  );
}
