/**
 * Where the selection toolbar goes, as Miro and FigJam do it: centred over the selection's box on screen, below it
 * when there is no room above, always inside the canvas. A pure function of rectangles, so the rules are tested
 * without a browser and the component only writes the result into a transform.
 */
import type { Rect } from '@horizon/shared/board';
import type { CameraState } from '../model/camera';

export interface Size {
  readonly width: number;
  readonly height: number;
}

/**
 * `above` / `below`: beside the selection, clear of it. `docked`: the selection is taller than the room around it
 * (e.g. zoomed in on one note), so the toolbar sits on the canvas edge with the most free space and may overlap it.
 */
export type ToolbarSide = 'above' | 'below' | 'docked';

export interface ToolbarPlacement {
  readonly x: number;
  readonly y: number;
  readonly side: ToolbarSide;
}

/** Space kept between the toolbar and the selection, and between the toolbar and the canvas edges, in pixels. */
export const TOOLBAR_GAP = 10;
export const CANVAS_MARGIN = 8;

/**
 * Things drawn outside a note's or section's box in world units (selection outline with its offset, the resize
 * handle, the comment badge in the corner): the toolbar keeps clear of those too, at every zoom.
 */
export const SELECTION_DECORATION = 12;

/** The selection's world box on screen (stage pixels), grown by its decorations. */
export function selectionOnScreen(world: Rect, camera: CameraState): Rect {
  const pad = SELECTION_DECORATION;
  return {
    x: (world.x - pad) * camera.zoom + camera.x,
    y: (world.y - pad) * camera.zoom + camera.y,
    w: (world.w + 2 * pad) * camera.zoom,
    h: (world.h + 2 * pad) * camera.zoom,
  };
}

function clamp(value: number, min: number, max: number): number {
  // A toolbar wider than the canvas starts at the left margin, so its first controls stay reachable.
  return max < min ? min : Math.min(max, Math.max(min, value));
}

export function placeToolbar(target: Rect, bar: Size, stage: Size): ToolbarPlacement {
  const minX = CANVAS_MARGIN;
  const maxX = stage.width - CANVAS_MARGIN - bar.width;
  const minY = CANVAS_MARGIN;
  const maxY = stage.height - CANVAS_MARGIN - bar.height;
  const x = clamp(target.x + target.w / 2 - bar.width / 2, minX, maxX);

  const above = target.y - TOOLBAR_GAP - bar.height;
  const below = target.y + target.h + TOOLBAR_GAP;
  // Clamping keeps a toolbar for a selection scrolled off screen on the edge nearest to it: it cannot overlap the
  // selection then, since that is outside the canvas.
  if (above >= minY) return { x, y: clamp(above, minY, maxY), side: 'above' };
  if (below <= maxY) return { x, y: clamp(below, minY, maxY), side: 'below' };

  // No room on either side: the edge with more of the canvas free of the selection loses least of it.
  const roomAbove = target.y;
  const roomBelow = stage.height - (target.y + target.h);
  return { x, y: roomBelow > roomAbove ? clamp(maxY, minY, maxY) : minY, side: 'docked' };
}
