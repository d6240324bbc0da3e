/**
 * The board's camera: screen = world × zoom + (x, y). Pan and zoom change only this object and a CSS transform;
 * React re-renders only when the set of notes worth rendering changes (see `renderWindow.ts`).
 */
import type { Rect } from '@horizon/shared/board';

export const ZOOM = { min: 0.1, max: 3, step: 1.2 } as const;

/** Below this zoom notes are drawn on a canvas, not mounted: unreadable anyway, and far cheaper to paint. */
export const FAR_ZOOM = 0.3;

export interface CameraState {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

export class Camera {
  private state: CameraState = { x: 0, y: 0, zoom: 1 };
  private readonly listeners = new Set<() => void>();
  /** Size of the visible area in screen pixels, kept current by the canvas. */
  viewport = { width: 1, height: 1 };

  setViewport(width: number, height: number): void {
    this.viewport = { width: Math.max(1, width), height: Math.max(1, height) };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly get = (): CameraState => this.state;

  set(next: CameraState): void {
    const zoom = Math.min(ZOOM.max, Math.max(ZOOM.min, next.zoom));
    if (next.x === this.state.x && next.y === this.state.y && zoom === this.state.zoom) return;
    this.state = { x: next.x, y: next.y, zoom };
    for (const listener of this.listeners) listener();
  }

  panBy(dx: number, dy: number): void {
    this.set({ ...this.state, x: this.state.x + dx, y: this.state.y + dy });
  }

  /** Zooms by `factor` keeping the world point under the screen point (sx, sy) fixed. */
  zoomAt(factor: number, sx: number, sy: number): void {
    const { x, y, zoom } = this.state;
    const next = Math.min(ZOOM.max, Math.max(ZOOM.min, zoom * factor));
    const k = next / zoom;
    this.set({ x: sx - (sx - x) * k, y: sy - (sy - y) * k, zoom: next });
  }

  zoomCentered(factor: number): void {
    this.zoomAt(factor, this.viewport.width / 2, this.viewport.height / 2);
  }

  toWorld(sx: number, sy: number): { x: number; y: number } {
    const { x, y, zoom } = this.state;
    return { x: (sx - x) / zoom, y: (sy - y) / zoom };
  }

  /** The world rectangle currently on screen. */
  visibleWorld(): Rect {
    const { x, y, zoom } = this.state;
    return { x: -x / zoom, y: -y / zoom, w: this.viewport.width / zoom, h: this.viewport.height / zoom };
  }

  /** Shows the whole rectangle with a margin, no closer than 100 %. */
  fit(rect: Rect, margin = 48): void {
    const { width, height } = this.viewport;
    const zoom = Math.min(1, (width - margin * 2) / Math.max(rect.w, 1), (height - margin * 2) / Math.max(rect.h, 1));
    const z = Math.min(ZOOM.max, Math.max(ZOOM.min, zoom));
    this.set({ x: width / 2 - (rect.x + rect.w / 2) * z, y: height / 2 - (rect.y + rect.h / 2) * z, zoom: z });
  }

  /** Centres a world point on screen, keeping the zoom. */
  centerOn(point: { x: number; y: number }, zoom = this.state.zoom): void {
    this.set({ x: this.viewport.width / 2 - point.x * zoom, y: this.viewport.height / 2 - point.y * zoom, zoom });
  }
}
