import { intersects, type Rect } from '@horizon/shared/board';
import { describe, expect, it } from 'vitest';
import { CANVAS_MARGIN, placeToolbar, selectionOnScreen, type Size } from './toolbarPlacement';

const LAPTOP_STAGE: Size = { width: 1316, height: 516 };
const BAR: Size = { width: 850, height: 42 };

function barRect(placement: { x: number; y: number }, bar: Size): Rect {
  return { x: placement.x, y: placement.y, w: bar.width, h: bar.height };
}

function inside(rect: Rect, stage: Size): boolean {
  return rect.x >= 0 && rect.y >= 0 && rect.x + rect.w <= stage.width && rect.y + rect.h <= stage.height;
}

describe('placeToolbar', () => {
  it('sits above a note with room above it, centred on it', () => {
    const note = { x: 600, y: 200, w: 100, h: 80 };
    const placement = placeToolbar(note, BAR, LAPTOP_STAGE);
    expect(placement.side).toBe('above');
    expect(intersects(barRect(placement, BAR), note)).toBe(false);
    expect(placement.x + BAR.width / 2).toBeCloseTo(650);
  });

  it('goes below a note at the top of the canvas instead of covering it', () => {
    const note = { x: 860, y: 20, w: 100, h: 80 };
    const placement = placeToolbar(note, BAR, LAPTOP_STAGE);
    expect(placement.side).toBe('below');
    expect(intersects(barRect(placement, BAR), note)).toBe(false);
    expect(inside(barRect(placement, BAR), LAPTOP_STAGE)).toBe(true);
  });

  it('stays inside the canvas for a note at its right edge', () => {
    const note = { x: 1250, y: 300, w: 100, h: 80 };
    const placement = placeToolbar(note, BAR, LAPTOP_STAGE);
    expect(inside(barRect(placement, BAR), LAPTOP_STAGE)).toBe(true);
    expect(placement.x + BAR.width).toBe(LAPTOP_STAGE.width - CANVAS_MARGIN);
  });

  it('docks on the freer edge when the selection leaves no room above or below', () => {
    const tall = { x: 100, y: 30, w: 400, h: 470 };
    const placement = placeToolbar(tall, BAR, LAPTOP_STAGE);
    expect(placement.side).toBe('docked');
    expect(placement.y).toBe(CANVAS_MARGIN);
  });

  it('keeps to the nearest edge for a selection panned off screen', () => {
    expect(placeToolbar({ x: 100, y: -400, w: 100, h: 80 }, BAR, LAPTOP_STAGE).y).toBe(CANVAS_MARGIN);
    const below = placeToolbar({ x: 100, y: 900, w: 100, h: 80 }, BAR, LAPTOP_STAGE);
    expect(below.y + BAR.height).toBe(LAPTOP_STAGE.height - CANVAS_MARGIN);
  });

  it('starts at the left margin when the toolbar is wider than a phone canvas', () => {
    const phone: Size = { width: 340, height: 600 };
    const placement = placeToolbar({ x: 100, y: 300, w: 100, h: 80 }, { width: 400, height: 120 }, phone);
    expect(placement.x).toBe(CANVAS_MARGIN);
  });
});

describe('selectionOnScreen', () => {
  it('follows the camera: pan moves the box, zoom scales it with its outline and handles', () => {
    const world = { x: 100, y: 50, w: 200, h: 150 };
    const at1 = selectionOnScreen(world, { x: 0, y: 0, zoom: 1 });
    const zoomed = selectionOnScreen(world, { x: 30, y: -20, zoom: 2 });
    expect(at1.x).toBeLessThan(world.x);
    expect(at1.w).toBeGreaterThan(world.w);
    expect(zoomed.x).toBe(at1.x * 2 + 30);
    expect(zoomed.y).toBe(at1.y * 2 - 20);
    expect(zoomed.w).toBe(at1.w * 2);
  });
});
