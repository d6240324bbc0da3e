import { useLayoutEffect, type RefObject } from 'react';
import type { BoardController } from '../model/BoardController';
import { placeToolbar, selectionOnScreen, type Size } from './toolbarPlacement';

/**
 * Keeps the selection toolbar beside the selection while the camera pans and zooms, notes are dragged (here or by a
 * peer) and the canvas or the toolbar change size. Like the canvas's camera, it writes a transform straight to the
 * DOM: a React render per frame of a pan would be wasted work. `anchor` changes whenever the toolbar element may
 * have been replaced, so the effect re-binds to the new one.
 */
export function useSelectionAnchor(
  barRef: RefObject<HTMLElement | null>,
  controller: BoardController,
  anchor: string | null,
): void {
  useLayoutEffect(() => {
    const bar = barRef.current;
    if (!bar || anchor === null) return;
    const stage = bar.parentElement;
    if (!stage) return;
    const { camera, store } = controller;
    // Sizes are measured once here and then kept by the observer: reading offsetWidth on every camera frame could
    // force a layout in the middle of a pan. The stage, not the camera's viewport, gives the canvas size: the canvas
    // sets that in a passive effect, after this layout effect has run.
    let barSize: Size = { width: bar.offsetWidth, height: bar.offsetHeight };
    let stageSize: Size = { width: stage.clientWidth, height: stage.clientHeight };

    const place = () => {
      const world = controller.selectionBounds();
      if (!world) return;
      // The canvas viewport fills the stage, so the camera's screen space is the toolbar's positioning space.
      const { x, y, side } = placeToolbar(selectionOnScreen(world, camera.get()), barSize, stageSize);
      bar.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      bar.dataset.placement = side;
    };

    const observer = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const box = entry.target === bar ? entry.borderBoxSize[0] : entry.contentBoxSize[0];
        if (!box) continue;
        const size = { width: box.inlineSize, height: box.blockSize };
        if (entry.target === bar) barSize = size;
        else stageSize = size;
      }
      place();
    });
    observer.observe(bar);
    observer.observe(stage);
    const unsubscribers = [camera.subscribe(place), store.subscribe(place), controller.subscribe(place)];
    // Before the first paint, so the toolbar never flashes at the canvas's corner.
    place();
    return () => {
      observer.disconnect();
      for (const unsubscribe of unsubscribers) unsubscribe();
    };
  }, [barRef, controller, anchor]);
}
