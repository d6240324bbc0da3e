import type { NoteSnapshot } from '@horizon/shared/board';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { BoardController } from '../model/BoardController';
import { FAR_ZOOM } from '../model/camera';
import { nextRenderWindow, type RenderWindow } from '../model/renderWindow';

/**
 * The notes to mount: those intersecting the render window, in paint order. Camera moves are checked once per
 * frame and change React state only when the window must move, so a pan across a 2,000-note board re-renders
 * a handful of times, not sixty times a second.
 */
export function useRenderedNotes(controller: BoardController): NoteSnapshot[] {
  const { camera, store } = controller;
  const [renderWindow, setRenderWindow] = useState<RenderWindow>(() =>
    nextRenderWindow(null, camera.visibleWorld(), camera.get().zoom),
  );
  const version = useSyncExternalStore(store.subscribe, store.getVersion);

  useEffect(() => {
    let frame = 0;
    const check = () => {
      frame = 0;
      setRenderWindow((current) => nextRenderWindow(current, camera.visibleWorld(), camera.get().zoom));
    };
    const unsubscribe = camera.subscribe(() => {
      if (!frame) frame = requestAnimationFrame(check);
    });
    check();
    return () => {
      unsubscribe();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [camera]);

  return useMemo(() => {
    void version;
    if (renderWindow.zoom < FAR_ZOOM) return [];
    const hits = store.grid.query(renderWindow.rect);
    return store.allNotes().filter((note) => hits.has(note.id));
  }, [store, renderWindow, version]);
}
