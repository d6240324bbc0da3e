/**
 * The report's body as WordprocessingML, written straight into a string. The `docx` library builds an object per
 * XML element and serialises them through several generic passes: for a session of 10 teams (≈ 12,000 table
 * cells) that took seconds and most of it went to the garbage collector. Here each block is one template string,
 * table borders and cell margins are set once per table instead of per cell, and the package around the body (styles,
 * footer, title page) still comes from `docx` (`renderDocx.ts`).
 *
 * All text goes through `xmlText`; attribute values are ours (numbers, fixed colours) or escaped.
 */
import type { Block, HeadingLevel, Run } from './report.js';

/** Usable width of an A4 page with 2 cm margins, in twentieths of a point. */
export const CONTENT_WIDTH = 11906 - 2 * 1134;
const MUTED = '6B7385';
const RULE = 'C9CFDB';
const HEADER_FILL = 'EEF1F6';
/** Nesting deeper than Word's nine list levels is flattened onto the last one. */
const MAX_LIST_LEVEL = 8;
/** EMUs per pixel at 96 dpi. */
const EMU_PER_PX = 9525;

/** Characters XML 1.0 cannot carry at all are dropped (the model already removed them; this is the last guard). */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function xmlText(text: string): string {
  return text.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function xmlAttr(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;');
}

/** A PNG to place in the document, with its pixel size. */
export interface DocxImage {
  png: Uint8Array;
  width: number;
  height: number;
}

/** What the body needs from the package: relationship ids for links and pictures, numbering instances. */
export interface BodyParts {
  xml: string;
  /** Hyperlink targets, by relationship id. */
  links: [id: string, href: string][];
  /** Pictures: relationship id, file name under word/media/, bytes. */
  media: [id: string, fileName: string, png: Uint8Array][];
  /** How many numbered lists the body has: each restarts at its own first number (numIds 2…). */
  orderedLists: number[];
}

/** The numbering id of the bullets; numbered lists take 2, 3, … (see `numberingXml`). */
const BULLET_NUM_ID = 1;

function runProps(run: Run): string {
  let props = '';
  if (run.href) props += '<w:rStyle w:val="Hyperlink"/>';
  if (run.code) props += '<w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/>';
  if (run.bold) props += '<w:b/><w:bCs/>';
  if (run.italic || run.muted) props += '<w:i/><w:iCs/>';
  if (run.strike) props += '<w:strike/>';
  if (run.muted) props += `<w:color w:val="${MUTED}"/>`;
  if (run.underline) props += '<w:u w:val="single"/>';
  return props ? `<w:rPr>${props}</w:rPr>` : '';
}

/** Text with line breaks as `<w:br/>`, in one run. */
function textRun(text: string, props: string): string {
  const lines = text.split('\n').map((line) => `<w:t xml:space="preserve">${xmlText(line)}</w:t>`);
  return `<w:r>${props}${lines.join('<w:br/>')}</w:r>`;
}

class BodyWriter {
  readonly links: [string, string][] = [];
  readonly media: [string, string, Uint8Array][] = [];
  readonly orderedLists: number[] = [];
  readonly #images: readonly (DocxImage | null)[];
  #imageIndex = 0;

  constructor(images: readonly (DocxImage | null)[]) {
    this.#images = images;
  }

  runs(runs: readonly Run[], extra?: Partial<Run>): string {
    return runs
      .map((r) => {
        const run = extra ? { ...r, ...extra } : r;
        if (!run.href) return textRun(run.text, runProps(run));
        const id = `rIdHzLink${this.links.length + 1}`;
        this.links.push([id, run.href]);
        return `<w:hyperlink r:id="${id}" w:history="1">${textRun(run.text, runProps(run))}</w:hyperlink>`;
      })
      .join('');
  }

  paragraph(props: string, content: string): string {
    return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${content}</w:p>`;
  }

  block(block: Block, listLevel = 0): string {
    switch (block.kind) {
      case 'heading':
        return this.paragraph(
          `<w:pStyle w:val="Heading${block.level satisfies HeadingLevel}"/><w:keepNext/>`,
          textRun(block.text, ''),
        );
      case 'paragraph':
        return this.paragraph('<w:spacing w:after="120"/>', this.runs(block.runs));
      case 'list':
        return this.list(block, listLevel);
      case 'quote':
        return block.blocks
          .map((inner) =>
            inner.kind === 'paragraph'
              ? this.paragraph(
                  `<w:pBdr><w:left w:val="single" w:sz="12" w:space="8" w:color="${RULE}"/></w:pBdr>` +
                    '<w:ind w:left="567"/>',
                  this.runs(inner.runs, { italic: true }),
                )
              : this.block(inner, listLevel),
          )
          .join('');
      case 'rule':
        return this.paragraph(`<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="${RULE}"/></w:pBdr>`, '');
      case 'code':
        return this.paragraph(
          '',
          textRun(
            block.text,
            '<w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New"/><w:sz w:val="18"/></w:rPr>',
          ),
        );
      case 'table':
        return table(block.header, block.rows, block.widths) + '<w:p/>';
      case 'fields':
        return table(null, block.rows, [1, 2.6]) + '<w:p/>';
      case 'boardImage':
        return this.picture(block.caption);
      case 'pageBreak':
        return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';
    }
  }

  list(block: Extract<Block, { kind: 'list' }>, listLevel: number): string {
    const level = Math.min(listLevel, MAX_LIST_LEVEL);
    let numId = BULLET_NUM_ID;
    if (block.ordered) {
      this.orderedLists.push(block.start);
      numId = BULLET_NUM_ID + this.orderedLists.length;
    }
    const numbering = `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${numId}"/></w:numPr>`;
    return block.items
      .map((item) =>
        item
          .map((inner, index) => {
            if (inner.kind === 'list') return this.list(inner, listLevel + 1);
            if (inner.kind !== 'paragraph' || index > 0) return this.block(inner, listLevel);
            return this.paragraph(numbering, this.runs(inner.runs));
          })
          .join(''),
      )
      .join('');
  }

  /** The next board picture (the images come in the order of the report's board blocks), scaled to the page. */
  picture(caption: string): string {
    const image = this.#images[this.#imageIndex++];
    if (!image) return '';
    const n = this.media.length + 1;
    const id = `rIdHzImage${n}`;
    const fileName = `board${n}.png`;
    this.media.push([id, fileName, image.png]);
    const maxWidth = (CONTENT_WIDTH / 20) * (96 / 72);
    const scale = Math.min(1, maxWidth / image.width);
    const cx = Math.round(image.width * scale * EMU_PER_PX);
    const cy = Math.round(image.height * scale * EMU_PER_PX);
    const name = xmlAttr(caption);
    const drawing =
      `<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/>` +
      `<wp:docPr id="${n}" name="${fileName}" descr="${name}"/>` +
      '<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
      'noChangeAspect="1"/></wp:cNvGraphicFramePr>' +
      '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
      '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
      '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
      `<pic:nvPicPr><pic:cNvPr id="${n}" name="${fileName}" descr="${name}"/><pic:cNvPicPr/></pic:nvPicPr>` +
      `<pic:blipFill><a:blip r:embed="${id}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
      `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm>` +
      '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>' +
      '</wp:inline></w:drawing>';
    return (
      this.paragraph('<w:keepNext/><w:jc w:val="center"/>', `<w:r>${drawing}</w:r>`) +
      this.paragraph(
        '<w:spacing w:after="200"/><w:jc w:val="center"/>',
        textRun(caption, `<w:rPr><w:color w:val="${MUTED}"/><w:sz w:val="18"/></w:rPr>`),
      )
    );
  }
}

function columnWidths(count: number, weights?: readonly number[]): number[] {
  const w = weights && weights.length === count ? weights : Array.from({ length: count }, () => 1);
  const total = w.reduce((a, b) => a + b, 0) || 1;
  return w.map((x) => Math.max(400, Math.floor((CONTENT_WIDTH * x) / total)));
}

const TABLE_PROPS =
  `<w:tblW w:w="${CONTENT_WIDTH}" w:type="dxa"/><w:tblBorders>` +
  ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="${RULE}"/>`)
    .join('') +
  '</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="40" w:type="dxa"/>' +
  '<w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar>';

function cell(text: string, width: number, shaded: boolean): string {
  const props = `<w:tcW w:w="${width}" w:type="dxa"/>${shaded ? `<w:shd w:val="clear" w:color="auto" w:fill="${HEADER_FILL}"/>` : ''}`;
  const runProps = shaded ? '<w:rPr><w:b/><w:bCs/></w:rPr>' : '';
  const paragraphs = text
    .split('\n')
    .map((line) => `<w:p><w:r>${runProps}<w:t xml:space="preserve">${xmlText(line)}</w:t></w:r></w:p>`)
    .join('');
  return `<w:tc><w:tcPr>${props}</w:tcPr>${paragraphs}</w:tc>`;
}

/** A table with a repeating header row, or (no header) a label → value table with shaded labels. */
export function table(
  header: readonly string[] | null,
  rows: readonly (readonly string[])[],
  weights?: readonly number[],
): string {
  const count = Math.max(header?.length ?? 0, ...rows.map((r) => r.length), 1);
  const widths = columnWidths(count, weights);
  const row = (cells: readonly string[], isHeader: boolean) =>
    `<w:tr><w:trPr><w:cantSplit/>${isHeader ? '<w:tblHeader/>' : ''}</w:trPr>` +
    widths.map((width, i) => cell(cells[i] ?? '', width, isHeader || (!header && i === 0))).join('') +
    '</w:tr>';
  return (
    `<w:tbl><w:tblPr>${TABLE_PROPS}</w:tblPr><w:tblGrid>` +
    widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('') +
    '</w:tblGrid>' +
    (header ? row(header, true) : '') +
    rows.map((r) => row(r, false)).join('') +
    '</w:tbl>'
  );
}

/**
 * The blocks as body XML. `images` are the board pictures in the order of the report's `boardImage` blocks (null:
 * leave that one out).
 */
export function bodyXml(blocks: readonly Block[], images: readonly (DocxImage | null)[] = []): BodyParts {
  const writer = new BodyWriter(images);
  const xml = blocks.map((block) => writer.block(block)).join('');
  return { xml, links: writer.links, media: writer.media, orderedLists: writer.orderedLists };
}

function levels(ordered: boolean): string {
  const bullets = ['\u2022', '\u25e6', '\u25aa'];
  return Array.from({ length: MAX_LIST_LEVEL + 1 }, (_, level) => {
    const indent = `<w:pPr><w:ind w:left="${720 + level * 360}" w:hanging="360"/></w:pPr>`;
    return ordered
      ? `<w:lvl w:ilvl="${level}"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%${level + 1}."/>` +
          `<w:lvlJc w:val="left"/>${indent}</w:lvl>`
      : `<w:lvl w:ilvl="${level}"><w:start w:val="1"/><w:numFmt w:val="bullet"/>` +
          `<w:lvlText w:val="${bullets[level % bullets.length]}"/><w:lvlJc w:val="left"/>${indent}</w:lvl>`;
  }).join('');
}

/** numbering.xml: bullets (numId 1) and one instance of the decimal list per numbered list, each with its start. */
export function numberingXml(orderedLists: readonly number[]): string {
  const instances = orderedLists
    .map(
      (start, i) =>
        `<w:num w:numId="${BULLET_NUM_ID + i + 1}"><w:abstractNumId w:val="1"/>` +
        `<w:lvlOverride w:ilvl="0"><w:startOverride w:val="${Math.max(0, Math.floor(start))}"/></w:lvlOverride></w:num>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>${levels(false)}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>${levels(true)}</w:abstractNum>` +
    `<w:num w:numId="${BULLET_NUM_ID}"><w:abstractNumId w:val="0"/></w:num>${instances}</w:numbering>`
  );
}
