/**
 * The render window: the world area whose notes are mounted. It is the screen grown by a quarter of its size on every side,
 * and is recomputed only when the screen leaves it or the zoom changes a lot, so panning mostly moves a transform
 * and mounts nothing.
 */
import type { Rect } from '@horizon/shared/board';
import { FAR_ZOOM } from './camera';

export function expand(rect: Rect, fraction: number): Rect {
  const dx = rect.w * fraction;
  const dy = rect.h * fraction;
  return { x: rect.x - dx, y: rect.y - dy, w: rect.w + 2 * dx, h: rect.h + 2 * dy };
}

export function containsRect(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.w <= outer.x + outer.w &&
    inner.y + inner.h <= outer.y + outer.h
  );
}

export interface RenderWindow {
  rect: Rect;
  zoom: number;
}

/** The next window for what is on screen: the same one while it still covers the screen at a similar zoom. */
export function nextRenderWindow(current: RenderWindow | null, visible: Rect, zoom: number): RenderWindow {
  const zoomRatio = current ? zoom / current.zoom : 0;
  const sameSide = current && current.zoom < FAR_ZOOM === zoom < FAR_ZOOM;
  if (current && sameSide && zoomRatio > 0.8 && zoomRatio < 1.25 && containsRect(current.rect, visible)) return current;
  return { rect: expand(visible, 0.25), zoom };
}
