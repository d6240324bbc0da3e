import { useEffect, useRef } from 'react';
import { NOTE_FILL } from '../controls/noteColors';
import type { BoardController } from '../model/BoardController';
import { FAR_ZOOM } from '../model/camera';

/**
 * Far away, notes are drawn as coloured cards on one canvas instead of mounted as elements: a zoomed-out board of
 * thousands of notes then costs one cheap draw per frame, and zooming in mounts only the notes on screen.
 */
export function FarLayer({ controller }: { controller: BoardController }) {
  const ref = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const canvas = ref.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    const { camera, store } = controller;
    let frame = 0;
    const draw = () => {
      frame = 0;
      const { x, y, zoom } = camera.get();
      const far = zoom < FAR_ZOOM;
      canvas.hidden = !far;
      if (!far) return;
      const ratio = window.devicePixelRatio || 1;
      const { width, height } = camera.viewport;
      if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
        canvas.width = Math.round(width * ratio);
        canvas.height = Math.round(height * ratio);
        canvas.style.width = `${width}px`;
        canvas.style.height = `${height}px`;
      }
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      context.clearRect(0, 0, width, height);
      context.setTransform(ratio * zoom, 0, 0, ratio * zoom, ratio * x, ratio * y);
      const visible = store.grid.query(camera.visibleWorld());
      for (const note of store.allNotes()) {
        if (!visible.has(note.id)) continue;
        context.fillStyle = NOTE_FILL[note.color];
        context.fillRect(note.x, note.y, note.w, note.h);
      }
    };
    const request = () => {
      if (!frame) frame = requestAnimationFrame(draw);
    };
    request();
    const offCamera = camera.subscribe(request);
    const offStore = store.subscribe(request);
    return () => {
      offCamera();
      offStore();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [controller]);

  return <canvas ref={ref} className="board__far" aria-hidden="true" hidden />;
}
