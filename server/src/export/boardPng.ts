/**
 * Board pictures as PNG: the board's SVG (`renderBoardSvg`) rasterised by resvg (`@resvg/resvg-js`: Rust, prebuilt
 * for each platform in npm packages, no system library), with pdfmake's Roboto as its only font so Cyrillic renders
 * the same on every machine. Rasterising and encoding run in worker threads (`RenderWorkers.boards`): laying out a
 * board of 200 notes and deflating its pixels costs a few hundred milliseconds of CPU that the event loop, which
 * relays everyone's live edits, must not pay.
 *
 * One export often follows another (Word, then PDF): pictures are cached by their SVG, a pure function of the board.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as ResvgModule from '@resvg/resvg-js';
import type { DocxImage } from './docxBody.js';
import { encodeOpaquePng } from './pngEncode.js';
import { standaloneSvg } from './renderBoardSvg.js';

const require = createRequire(import.meta.url);

/** Width of the picture in pixels: the SVG's own width, about 150 dpi across an A4 page's text. */
export const BOARD_PNG_WIDTH = 1000;

/** Renders one board (synchronously: call it in a worker). `fonts`: the TTF files text may use. */
export function rasterizeBoard(svg: string, fonts: readonly string[]): DocxImage {
  const { Resvg } = require('@resvg/resvg-js') as typeof ResvgModule;
  const rendered = new Resvg(standaloneSvg(svg), {
    fitTo: { mode: 'width', value: BOARD_PNG_WIDTH },
    background: '#ffffff',
    font: { loadSystemFonts: false, fontFiles: [...fonts], defaultFontFamily: 'Roboto', sansSerifFamily: 'Roboto' },
    logLevel: 'off',
  }).render();
  const { width, height } = rendered;
  return { png: encodeOpaquePng(rendered.pixels, width, height), width, height };
}

/** A cache of board pictures in front of a renderer (the worker pool), which gets every missing board at once. */
export class BoardImages {
  readonly #cache = new Map<string, Promise<DocxImage>>();

  constructor(
    private readonly render: (svgs: readonly string[]) => Promise<DocxImage[]>,
    private readonly maxEntries = 32,
  ) {}

  /** The PNGs of board SVGs, in their order; boards rendered before come from the cache. */
  pngs(svgs: readonly string[]): Promise<DocxImage>[] {
    const keys = svgs.map((svg) => createHash('sha256').update(svg).digest('base64'));
    const missing = [...new Map(keys.map((key, i) => [key, svgs[i]!])).entries()].filter(
      ([key]) => !this.#cache.has(key),
    );
    if (missing.length > 0) {
      const batch = this.render(missing.map(([, svg]) => svg));
      missing.forEach(([key], i) => {
        const image = batch.then((images) => images[i]!);
        this.#cache.set(key, image);
        image.catch(() => this.#cache.delete(key));
      });
    }
    const images = keys.map((key) => {
      const image = this.#cache.get(key)!;
      // Most recently used last, so the oldest entry is the first one evicted.
      this.#cache.delete(key);
      this.#cache.set(key, image);
      return image;
    });
    while (this.#cache.size > this.maxEntries) this.#cache.delete(this.#cache.keys().next().value!);
    return images;
  }

  png(svg: string): Promise<DocxImage> {
    return this.pngs([svg])[0]!;
  }

  clear(): void {
    this.#cache.clear();
  }
}
