/**
 * A Word document: a title page, then the report with real Word headings (Heading 1–4, so the navigation pane and a
 * table of contents work), real tables with repeating header rows, real bulleted and numbered lists, the board
 * pictures, and page numbers in the footer.
 *
 * The package — styles, title page, footer, properties — is built with `docx`; the body, which is nearly all of a big
 * report, is written as XML by `docxBody.ts` (the `docx` object model cost seconds there) and put in place of a marker
 * paragraph, with its hyperlinks, pictures and numbering added to the package.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { FileChild } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import { CONTENT_WIDTH, bodyXml, numberingXml, xmlText } from './docxBody.js';
import type { DocxImage } from './docxBody.js';
import { L } from './labels.js';
import type { Report } from './report.js';

const FONT = 'Calibri';
const ACCENT = '1A3F8F';
const MUTED = '6B7385';
const RULE = 'C9CFDB';
const HEADER_FILL = 'EEF1F6';
/** The text of the paragraph the body replaces: the last paragraph of the skeleton (a title could repeat it). */
const MARKER = 'HORIZON-REPORT-BODY';

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

/** The package around the body: styles, title page, footer; the body section holds only the marker. */
function buildSkeleton(report: Report): Document {
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
        children: [new Paragraph({ children: [new TextRun(MARKER)] })],
      },
    ],
  });
}

const decoder = new TextDecoder();

/** Puts the body, its links, pictures and numbering into the skeleton package. */
function assemble(skeleton: Uint8Array, report: Report, images: readonly (DocxImage | null)[]): Uint8Array {
  const files: Zippable = unzipSync(skeleton);
  const body = bodyXml(report.blocks, images);
  const documentXml = decoder.decode(files['word/document.xml'] as Uint8Array);
  const marker = documentXml.lastIndexOf(MARKER);
  const start = documentXml.lastIndexOf('<w:p>', marker);
  const end = documentXml.indexOf('</w:p>', marker) + '</w:p>'.length;
  if (marker < 0 || start < 0) throw new Error('DOCX skeleton without its body marker');
  files['word/document.xml'] = strToU8(documentXml.slice(0, start) + body.xml + documentXml.slice(end));
  files['word/numbering.xml'] = strToU8(numberingXml(body.orderedLists));
  const relsPath = 'word/_rels/document.xml.rels';
  const rels =
    body.links
      .map(
        ([id, href]) =>
          `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" ` +
          `Target="${xmlText(href).replace(/"/g, '&quot;')}" TargetMode="External"/>`,
      )
      .join('') +
    body.media
      .map(
        ([id, fileName]) =>
          `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" ` +
          `Target="media/${fileName}"/>`,
      )
      .join('');
  files[relsPath] = strToU8(
    strFromU8(files[relsPath] as Uint8Array).replace('</Relationships>', `${rels}</Relationships>`),
  );
  // PNGs are compressed already: stored as they are, they cost no deflate time.
  for (const [, fileName, png] of body.media) files[`word/media/${fileName}`] = [png, { level: 0 }];
  // Level 1 deflate: the XML still shrinks about 8×, in a fraction of the default level's time.
  return zipSync(files, { level: 1 });
}

/**
 * The report as a Word file. `images` are PNGs of the boards, in the order of the report's `boardImage` blocks; a
 * block without one (or without `images`) is left out, as the lists below it carry every note.
 */
export async function renderDocx(report: Report, images: readonly (DocxImage | null)[] = []): Promise<Buffer> {
  const skeleton = await Packer.toBuffer(buildSkeleton(report));
  const bytes = assemble(new Uint8Array(skeleton.buffer, skeleton.byteOffset, skeleton.byteLength), report, images);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
