/**
 * A Word document (`docx`): a title page, then the report with real Word headings (Heading 1–4, so the navigation
 * pane and a table of contents work), real tables with repeating header rows, real bulleted and numbered lists, and
 * page numbers in the footer. The `docx` package escapes text for XML; the export model already dropped the control
 * characters XML cannot carry.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { FileChild, IRunOptions, ParagraphChild } from 'docx';
import { L } from './labels.js';
import type { Block, HeadingLevel as Level, Report, Run } from './report.js';

const FONT = 'Calibri';
const ACCENT = '1A3F8F';
const MUTED = '6B7385';
const RULE = 'C9CFDB';
const HEADER_FILL = 'EEF1F6';
/** Usable width of an A4 page with 2 cm margins, in twentieths of a point. */
const CONTENT_WIDTH = 11906 - 2 * 1134;
const ORDERED = 'horizon-ordered';
/** Nesting deeper than Word's nine list levels is flattened onto the last one. */
const MAX_LIST_LEVEL = 8;

const HEADINGS: Record<Level, (typeof HeadingLevel)[keyof typeof HeadingLevel]> = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  4: HeadingLevel.HEADING_4,
};

interface Ctx {
  /** Each numbered list restarts at its own number: one numbering instance per list. */
  nextListInstance: number;
}

function textRuns(text: string, style: Omit<IRunOptions, 'text' | 'children' | 'break'>): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ ...style, text: line, ...(i > 0 ? { break: 1 } : {}) }));
}

function runChildren(run: Run): ParagraphChild[] {
  const style = {
    bold: run.bold,
    italics: run.italic || run.muted,
    strike: run.strike,
    ...(run.underline ? { underline: {} } : {}),
    ...(run.muted ? { color: MUTED } : {}),
    ...(run.code ? { font: 'Courier New' } : {}),
  };
  if (run.href) {
    return [new ExternalHyperlink({ link: run.href, children: textRuns(run.text, { ...style, style: 'Hyperlink' }) })];
  }
  return textRuns(run.text, style);
}

function cellParagraphs(text: string, bold = false): Paragraph[] {
  return text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] }));
}

const cellBorders = {
  top: { style: BorderStyle.SINGLE, size: 4, color: RULE },
  bottom: { style: BorderStyle.SINGLE, size: 4, color: RULE },
  left: { style: BorderStyle.SINGLE, size: 4, color: RULE },
  right: { style: BorderStyle.SINGLE, size: 4, color: RULE },
};

function cell(text: string, header: boolean, width: number): TableCell {
  return new TableCell({
    children: cellParagraphs(text, header),
    width: { size: width, type: WidthType.DXA },
    borders: cellBorders,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL } } : {}),
  });
}

function columnWidths(count: number, weights?: readonly number[]): number[] {
  const w = weights && weights.length === count ? weights : Array.from({ length: count }, () => 1);
  const total = w.reduce((a, b) => a + b, 0) || 1;
  return w.map((x) => Math.max(400, Math.floor((CONTENT_WIDTH * x) / total)));
}

function table(
  header: readonly string[] | null,
  rows: readonly (readonly string[])[],
  weights?: readonly number[],
): Table {
  const count = Math.max(header?.length ?? 0, ...rows.map((r) => r.length), 1);
  const widths = columnWidths(count, weights);
  const row = (cells: readonly string[], isHeader: boolean, boldFirst = false) =>
    new TableRow({
      tableHeader: isHeader,
      cantSplit: true,
      children: widths.map((width, i) => cell(cells[i] ?? '', isHeader || (boldFirst && i === 0), width)),
    });
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [...(header ? [row(header, true)] : []), ...rows.map((r) => row(r, false, !header))],
  });
}

function blockChildren(block: Block, ctx: Ctx, listLevel = 0): FileChild[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[block.level], children: [new TextRun(block.text)], keepNext: true })];
    case 'paragraph':
      return [new Paragraph({ children: block.runs.flatMap(runChildren), spacing: { after: 120 } })];
    case 'list': {
      const level = Math.min(listLevel, MAX_LIST_LEVEL);
      const instance = block.ordered ? ctx.nextListInstance++ : 0;
      return block.items.flatMap((item) =>
        item.flatMap((inner, index) => {
          if (inner.kind === 'list') return blockChildren(inner, ctx, listLevel + 1);
          if (inner.kind !== 'paragraph' || index > 0) return blockChildren(inner, ctx, listLevel);
          return [
            new Paragraph({
              children: inner.runs.flatMap(runChildren),
              ...(block.ordered ? { numbering: { reference: ORDERED, level, instance } } : { bullet: { level } }),
            }),
          ];
        }),
      );
    }
    case 'quote':
      return block.blocks.flatMap((inner) =>
        inner.kind === 'paragraph'
          ? [
              new Paragraph({
                children: inner.runs.flatMap((run) => runChildren({ ...run, italic: true })),
                indent: { left: 567 },
                border: { left: { style: BorderStyle.SINGLE, size: 12, color: RULE, space: 8 } },
              }),
            ]
          : blockChildren(inner, ctx, listLevel),
      );
    case 'rule':
      return [new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: RULE, space: 1 } } })];
    case 'code':
      return [new Paragraph({ children: textRuns(block.text, { font: 'Courier New', size: 18 }) })];
    case 'table':
      return [table(block.header, block.rows, block.widths), new Paragraph({})];
    case 'fields':
      return [table(null, block.rows, [1, 2.6]), new Paragraph({})];
    case 'boardImage':
      // Pictures are the HTML's: the lists below carry every note.
      return [];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

function titlePage(report: Report): FileChild[] {
  return [
    new Paragraph({ spacing: { before: 3600 } }),
    ...report.subtitle.map(
      (line) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: line, size: 28, color: MUTED })],
          spacing: { after: 120 },
        }),
    ),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: report.title, size: 48, bold: true, color: ACCENT })],
      spacing: { before: 240, after: 720 },
    }),
    table(null, report.meta, [1, 2]),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 1200 },
      children: [new TextRun({ text: L.generator, size: 18, color: MUTED })],
    }),
  ];
}

function orderedLevels() {
  return Array.from({ length: MAX_LIST_LEVEL + 1 }, (_, level) => ({
    level,
    format: LevelFormat.DECIMAL,
    text: `%${level + 1}.`,
    alignment: AlignmentType.START,
    style: { paragraph: { indent: { left: 720 + level * 360, hanging: 360 } } },
  }));
}

export function buildDocx(report: Report): Document {
  const ctx: Ctx = { nextListInstance: 1 };
  const margins = { top: 1134, bottom: 1134, left: 1134, right: 1134 };
  return new Document({
    creator: 'Horizon',
    title: report.title,
    description: report.subtitle.join('. '),
    styles: {
      default: {
        document: { run: { font: FONT, size: 22 }, paragraph: { spacing: { line: 276 } } },
        heading1: {
          run: { font: FONT, size: 34, bold: true, color: ACCENT },
          paragraph: { spacing: { before: 360, after: 160 } },
        },
        heading2: {
          run: { font: FONT, size: 28, bold: true, color: ACCENT },
          paragraph: { spacing: { before: 300, after: 120 } },
        },
        heading3: { run: { font: FONT, size: 24, bold: true }, paragraph: { spacing: { before: 240, after: 100 } } },
        heading4: {
          run: { font: FONT, size: 22, bold: true, color: '4A5263' },
          paragraph: { spacing: { before: 200, after: 80 } },
        },
      },
    },
    numbering: { config: [{ reference: ORDERED, levels: orderedLevels() }] },
    sections: [
      { properties: { page: { margin: margins } }, children: titlePage(report) },
      {
        properties: { page: { margin: margins, pageNumbers: { start: 1 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    color: MUTED,
                    size: 18,
                    children: [`${L.page} `, PageNumber.CURRENT, ` ${L.of} `, PageNumber.TOTAL_PAGES_IN_SECTION],
                  }),
                ],
              }),
            ],
          }),
        },
        children: report.blocks.flatMap((block) => blockChildren(block, ctx)),
      },
    ],
  });
}

export async function renderDocx(report: Report): Promise<Buffer> {
  return Packer.toBuffer(buildDocx(report));
}
