/** A big board for benchmarks and screenshots: `count` notes spread over `sections` sections in a grid. */
import { addNotes, addSection, NOTE_COLORS, SECTION_GRID, type NewNote } from './shared.js';
import type * as Y from 'yjs';

const IDEAS = [
  'Молодёжь остаётся в регионе',
  'Рабочие места в IT и креативных индустриях',
  'Набережная Волги — место встреч',
  'Школы с проектным обучением',
  'Бренд «Самара — космос рядом»',
  'Удобный транспорт между городами',
  'Стажировки на предприятиях',
  'Открытые данные о вакансиях',
];

export interface LargeBoardOptions {
  notes: number;
  sections: number;
  origin?: unknown;
  /** Notes per write; the server caps message size, so a big board goes in batches. */
  batch?: number;
}

/** Writes the board in batches, one transaction (one update to the server) each. */
export function seedLargeBoard(doc: Y.Doc, options: LargeBoardOptions): void {
  const { notes, sections } = options;
  const perSection = Math.ceil(notes / sections);
  const columns = Math.ceil(Math.sqrt(perSection));
  const noteStep = { x: 220, y: 160 };
  const sectionSize = { w: columns * noteStep.x + 40, h: Math.ceil(perSection / columns) * noteStep.y + 80 };
  const batch = options.batch ?? 250;
  const base = Date.now();
  const pending: NewNote[] = [];
  for (let s = 0; s < sections; s++) {
    const column = s % SECTION_GRID.columns;
    const row = Math.floor(s / SECTION_GRID.columns);
    const x = column * (sectionSize.w + SECTION_GRID.gap);
    const y = row * (sectionSize.h + SECTION_GRID.gap);
    addSection(doc, { title: `Раздел ${s + 1}`, x, y, ...sectionSize, color: '#eef1f6' }, options.origin ?? null);
    for (let i = 0; i < perSection && s * perSection + i < notes; i++) {
      const n = s * perSection + i;
      pending.push({
        x: x + 20 + (i % columns) * noteStep.x,
        y: y + 60 + Math.floor(i / columns) * noteStep.y,
        text: `${IDEAS[n % IDEAS.length]} (${n + 1})`,
        color: NOTE_COLORS[n % NOTE_COLORS.length],
        authorId: 'bench0001',
        authorName: 'Бенчмарк',
        createdAt: base + n,
      });
    }
  }
  for (let i = 0; i < pending.length; i += batch) addNotes(doc, pending.slice(i, i + batch), options.origin ?? null);
}
