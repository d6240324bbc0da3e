/**
 * The report as a pdfmake document definition: plain data only (no functions), because it crosses into the worker
 * thread that lays it out (`pdfWorkerPool.ts`). The worker adds what must be code: page-number footers and the rule
 * that keeps a heading with the text after it.
 *
 * User text only ever goes into `text` values, never into keys or node types, so a note cannot turn into an image
 * or a link; and the worker denies every URL and every local file but the bundled fonts anyway.
 */
import type { DocxImage } from './docxBody.js';
import type { Block, Report, Run } from './report.js';
import { parseReport } from './reportTransfer.js';
import type { SerializedReport } from './reportTransfer.js';

/** A4 in points, with 50 pt margins left and right. */
const PAGE_WIDTH = 595.28;
const SIDE_MARGIN = 50;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * SIDE_MARGIN;
/** Horizontal cell padding (left + right) and border of the `horizon` table layout, per column. */
const CELL_OVERHEAD = 8 + 0.5;

const ACCENT = '#1a3f8f';
const MUTED = '#6b7385';
const HEADER_FILL = '#eef1f6';

export type PdfNode = Record<string, unknown>;

export interface PdfJob {
  definition: PdfNode;
  /** Footer words: «Страница N из M». */
  footer: { page: string; of: string };
}

/**
 * A PDF to be defined in the render thread: the report as JSON text and the board pictures. Building the definition
 * (an object per paragraph, table cell and run, the pictures in base64) and cloning it into the thread took the
 * event loop over 100 ms for a big session; the thread does both now (`pdfJobOf`, run from the compiled build).
 */
export interface PdfReportJob {
  report: SerializedReport;
  images: (DocxImage | null)[];
  footer: PdfJob['footer'];
}

/** The job of a `PdfReportJob`, built where it is rendered. */
export function pdfJobOf(job: PdfReportJob): PdfJob {
  return buildPdfJob(parseReport(job.report), job.footer, job.images);
}

function runNode(run: Run): PdfNode {
  const decoration = [run.underline ? 'underline' : '', run.strike ? 'lineThrough' : ''].filter(Boolean);
  return {
    text: run.text,
    ...(run.bold ? { bold: true } : {}),
    ...(run.italic || run.muted ? { italics: true } : {}),
    ...(run.muted ? { color: MUTED } : {}),
    ...(decoration.length === 1 ? { decoration: decoration[0] } : {}),
    ...(run.code ? { background: '#f2f3f5' } : {}),
    ...(run.href ? { link: run.href, color: '#1a56c4', decoration: 'underline' } : {}),
  };
}

function columnWidths(count: number, weights?: readonly number[]): number[] {
  const w = weights && weights.length === count ? weights : Array.from({ length: count }, () => 1);
  const total = w.reduce((a, b) => a + b, 0) || 1;
  const available = CONTENT_WIDTH - count * CELL_OVERHEAD;
  return w.map((x) => Math.max(16, Math.floor((available * x) / total)));
}

function tableNode(
  header: readonly string[] | null,
  rows: readonly (readonly string[])[],
  weights?: readonly number[],
) {
  const count = Math.max(header?.length ?? 0, ...rows.map((r) => r.length), 1);
  const pad = (cells: readonly string[]) => Array.from({ length: count }, (_, i) => cells[i] ?? '');
  const body = [
    ...(header ? [pad(header).map((text) => ({ text, bold: true, fillColor: HEADER_FILL }))] : []),
    ...rows.map((row) =>
      pad(row).map((text, i) => (!header && i === 0 ? { text, bold: true, fillColor: HEADER_FILL } : { text })),
    ),
  ];
  return {
    table: { headerRows: header ? 1 : 0, widths: columnWidths(count, weights), body, dontBreakRows: true },
    layout: 'horizon',
    fontSize: 9,
    margin: [0, 2, 0, 10],
  };
}

function blockNodes(block: Block, pictures: Pictures): PdfNode[] {
  switch (block.kind) {
    case 'heading':
      return [{ text: block.text, style: `h${block.level}`, headlineLevel: block.level }];
    case 'paragraph':
      return [{ text: block.runs.map(runNode), margin: [0, 0, 0, 6] }];
    case 'list': {
      const items = block.items.map((item) => ({ stack: item.flatMap((inner) => blockNodes(inner, pictures)) }));
      return [
        block.ordered ? { ol: items, start: block.start, margin: [0, 0, 0, 6] } : { ul: items, margin: [0, 0, 0, 6] },
      ];
    }
    case 'quote':
      return [
        {
          stack: block.blocks.flatMap((inner) => blockNodes(inner, pictures)),
          italics: true,
          color: '#4a5263',
          margin: [14, 0, 0, 6],
        },
      ];
    case 'rule':
      return [
        {
          canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 0.5, lineColor: '#c9cfdb' }],
          margin: [0, 6, 0, 8],
        },
      ];
    case 'code':
      return [{ text: block.text, fontSize: 8.5, preserveLeadingSpaces: true, margin: [8, 0, 0, 6] }];
    case 'table':
      return [tableNode(block.header, block.rows, block.widths)];
    case 'fields':
      return [tableNode(null, block.rows, [1, 2.6])];
    case 'boardImage': {
      const picture = pictures.next();
      if (!picture) return [];
      return [
        { image: picture, width: CONTENT_WIDTH, margin: [0, 2, 0, 2] },
        { text: block.caption, fontSize: 8, color: MUTED, margin: [0, 0, 0, 10] },
      ];
    }
    case 'pageBreak':
      return [{ text: '', pageBreak: 'after' }];
  }
}

/**
 * The board pictures, in the order of the report's board blocks, as named pdfmake images. PNGs rather than the SVG:
 * pdfmake's SVG support draws each note's text through svg-to-pdfkit, three seconds for ten boards of 200 notes,
 * while an opaque PNG goes into the file as it is (`pngEncode.ts`).
 */
class Pictures {
  readonly images: Record<string, string> = {};
  #index = 0;
  constructor(private readonly pngs: readonly (DocxImage | null)[]) {}

  next(): string | null {
    const png = this.pngs[this.#index++];
    if (!png) return null;
    const name = `board${this.#index}`;
    this.images[name] = `data:image/png;base64,${Buffer.from(png.png).toString('base64')}`;
    return name;
  }
}

export function buildPdfJob(
  report: Report,
  footer: PdfJob['footer'],
  images: readonly (DocxImage | null)[] = [],
): PdfJob {
  const pictures = new Pictures(images);
  const title: PdfNode[] = [
    ...report.subtitle.map((line, i) => ({
      text: line,
      fontSize: 14,
      color: MUTED,
      alignment: 'center',
      margin: [0, i === 0 ? 180 : 4, 0, 0],
    })),
    { text: report.title, fontSize: 24, bold: true, color: ACCENT, alignment: 'center', margin: [0, 24, 0, 40] },
    tableNode(null, report.meta, [1, 2]),
    { text: 'Horizon', fontSize: 8, color: MUTED, alignment: 'center', margin: [0, 60, 0, 0], pageBreak: 'after' },
  ];
  const content = [...title, ...report.blocks.flatMap((block) => blockNodes(block, pictures))];
  return {
    footer,
    definition: {
      images: pictures.images,
      info: { title: report.title, subject: report.subtitle.join('. '), creator: 'Horizon', producer: 'Horizon' },
      pageSize: 'A4',
      pageMargins: [SIDE_MARGIN, 50, SIDE_MARGIN, 56],
      defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
      styles: {
        h1: { fontSize: 18, bold: true, color: ACCENT, margin: [0, 6, 0, 8] },
        h2: { fontSize: 14, bold: true, color: ACCENT, margin: [0, 12, 0, 6] },
        h3: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
        h4: { fontSize: 10.5, bold: true, color: '#4a5263', margin: [0, 8, 0, 4] },
      },
      content,
    },
  };
}
