import { boundsOf, type Rect } from '@horizon/shared/board';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardController } from '../model/BoardController';
import { NOTE_FILL } from './noteColors';

const SIZE = { width: 180, height: 120, pad: 6 } as const;

interface Projection {
  scale: number;
  ox: number;
  oy: number;
}

function projectionFor(bounds: Rect): Projection {
  const scale = Math.min((SIZE.width - SIZE.pad * 2) / bounds.w, (SIZE.height - SIZE.pad * 2) / bounds.h);
  return {
    scale,
    ox: SIZE.pad + (SIZE.width - SIZE.pad * 2 - bounds.w * scale) / 2 - bounds.x * scale,
    oy: SIZE.pad + (SIZE.height - SIZE.pad * 2 - bounds.h * scale) / 2 - bounds.y * scale,
  };
}

/**
 * "Where am I": the whole board in miniature on a canvas (thousands of notes cost one draw, no DOM), with the
 * screen's rectangle on it. Pressing or dragging on it moves the view there.
 */
export function Minimap({ controller }: { controller: BoardController }) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const projection = useRef<Projection | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    const { store, camera } = controller;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = SIZE.width * ratio;
    canvas.height = SIZE.height * ratio;
    let frame = 0;
    const draw = () => {
      frame = 0;
      const view = camera.visibleWorld();
      const bounds = boundsOf([...store.sections, ...store.notes.values(), view])!;
      const p = projectionFor(bounds);
      projection.current = p;
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      context.clearRect(0, 0, SIZE.width, SIZE.height);
      for (const section of store.sections) {
        context.fillStyle = section.color;
        context.fillRect(
          p.ox + section.x * p.scale,
          p.oy + section.y * p.scale,
          section.w * p.scale,
          section.h * p.scale,
        );
      }
      for (const note of store.notes.values()) {
        context.fillStyle = NOTE_FILL[note.color];
        const w = Math.max(1.5, note.w * p.scale);
        const h = Math.max(1.5, note.h * p.scale);
        context.fillRect(p.ox + note.x * p.scale, p.oy + note.y * p.scale, w, h);
      }
      context.strokeStyle = '#2b59c3';
      context.lineWidth = 1.5;
      context.strokeRect(p.ox + view.x * p.scale, p.oy + view.y * p.scale, view.w * p.scale, view.h * p.scale);
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

  const goTo = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const p = projection.current;
    if (!p) return;
    const bounds = event.currentTarget.getBoundingClientRect();
    const x = (event.clientX - bounds.left - p.ox) / p.scale;
    const y = (event.clientY - bounds.top - p.oy) / p.scale;
    controller.camera.centerOn({ x, y });
  };

  return (
    <canvas
      ref={canvasRef}
      className="minimap"
      data-board-ui
      role="img"
      aria-label={t('board.minimap')}
      style={{ width: SIZE.width, height: SIZE.height }}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        goTo(event);
      }}
      onPointerMove={(event) => {
        if (event.buttons) goTo(event);
      }}
    />
  );
}
