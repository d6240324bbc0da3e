import { useEffect, useState } from 'react';
import type { WorkspaceTabProps } from '../workspace/types';
import './board.css';
import { BoardCanvas } from './canvas/BoardCanvas';
import { BoardToolbar } from './controls/BoardToolbar';
import { Minimap } from './controls/Minimap';
import { SelectionBar } from './controls/SelectionBar';
import { BoardController } from './model/BoardController';
import { BoardPeerStore } from './model/boardPresence';
import { useInitialView } from './useInitialView';

/** The Board tab: the team's image of the future as notes in sections on an infinite canvas, edited live. */
export function BoardTab({ connection, me, canWrite }: WorkspaceTabProps) {
  const [controller, setController] = useState<BoardController | null>(null);
  const { doc, provider } = connection;

  useEffect(() => {
    const peers = new BoardPeerStore(provider.awareness, doc.clientID);
    const next = new BoardController(doc, peers, me, canWrite);
    // The controller subscribes to the doc and awareness, so it lives exactly as long as this effect (StrictMode
    // runs effects twice); the state only hands it to the render.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setController(next);
    return () => {
      next.destroy();
      peers.destroy();
    };
  }, [doc, provider, me, canWrite]);

  if (!controller) return null;
  return <Board controller={controller} />;
}

function Board({ controller }: { controller: BoardController }) {
  useInitialView(controller);
  return (
    <div className="board" data-testid="board">
      <BoardToolbar controller={controller} />
      <div className="board__stage">
        <BoardCanvas controller={controller} />
        <SelectionBar controller={controller} />
        <Minimap controller={controller} />
      </div>
    </div>
  );
}
