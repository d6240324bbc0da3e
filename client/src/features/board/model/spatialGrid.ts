/**
 * A uniform grid over the world: which items touch which cell. Finding what intersects the screen costs the cells
 * on screen, not the whole board, so a board of thousands of notes renders only what is visible.
 */
import { intersects, type Rect } from '@horizon/shared/board';

export const CELL = 512;
/** Beyond this many cells a query would be slower than a scan (a far-out zoom on a huge area). */
const MAX_QUERY_CELLS = 4096;

export class SpatialGrid {
  private readonly cells = new Map<string, Set<string>>();
  private readonly rects = new Map<string, Rect>();

  set(id: string, rect: Rect): void {
    const old = this.rects.get(id);
    if (old && old.x === rect.x && old.y === rect.y && old.w === rect.w && old.h === rect.h) return;
    if (old) this.forCells(old, (key) => this.cells.get(key)?.delete(id));
    this.rects.set(id, rect);
    this.forCells(rect, (key) => {
      let cell = this.cells.get(key);
      if (!cell) this.cells.set(key, (cell = new Set()));
      cell.add(id);
    });
  }

  delete(id: string): void {
    const old = this.rects.get(id);
    if (!old) return;
    this.forCells(old, (key) => this.cells.get(key)?.delete(id));
    this.rects.delete(id);
  }

  /** Ids of the items intersecting `area`, in no particular order. */
  query(area: Rect): Set<string> {
    const out = new Set<string>();
    const columns = Math.floor((area.x + area.w) / CELL) - Math.floor(area.x / CELL) + 1;
    const rows = Math.floor((area.y + area.h) / CELL) - Math.floor(area.y / CELL) + 1;
    if (columns * rows > MAX_QUERY_CELLS) {
      for (const [id, rect] of this.rects) if (intersects(rect, area)) out.add(id);
      return out;
    }
    this.forCells(area, (key) => {
      for (const id of this.cells.get(key) ?? []) {
        if (!out.has(id) && intersects(this.rects.get(id)!, area)) out.add(id);
      }
    });
    return out;
  }

  private forCells(rect: Rect, visit: (key: string) => void): void {
    const x0 = Math.floor(rect.x / CELL);
    const y0 = Math.floor(rect.y / CELL);
    const x1 = Math.floor((rect.x + rect.w) / CELL);
    const y1 = Math.floor((rect.y + rect.h) / CELL);
    for (let cx = x0; cx <= x1; cx++) for (let cy = y0; cy <= y1; cy++) visit(`${cx},${cy}`);
  }
}
