/**
 * The report as format-neutral blocks: headings, paragraphs of styled runs, lists, tables, key–value tables. The
 * outline (report order, Russian labels) is built once from the export model (`buildReport`); the DOCX, PDF,
 * Markdown and HTML renderers each only turn these blocks into their format.
 *
 * Text in blocks is plain and unescaped: escaping is the renderer's job, in the one way its format needs. A run's
 * `href` is present only when it passed `isSafeHref`.
 */

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  code?: boolean;
  /** Secondary text (authors, reaction counts). */
  muted?: boolean;
  /** A safe http(s) or mailto target. */
  href?: string;
}

export type HeadingLevel = 1 | 2 | 3 | 4;

export type Block =
  | { kind: 'heading'; level: HeadingLevel; text: string }
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { kind: 'quote'; blocks: Block[] }
  | { kind: 'rule' }
  | { kind: 'code'; text: string }
  /** A data table. `widths` are relative column weights (PDF, DOCX). Cells are plain text. */
  | { kind: 'table'; header: string[]; rows: string[][]; widths?: number[] }
  /** A two-column label → value table (passport fields). */
  | { kind: 'fields'; rows: [label: string, value: string][] }
  /** A picture of a board as SVG markup built by `renderBoardSvg` (all text escaped there); formats without
   *  inline SVG leave it out. */
  | {
      kind: 'boardImage';
      svg: string;
      caption: string;
      /** The picture for paper (DOCX, PDF): on a crowded board it leaves note text out (see `renderBoardSvg`). */
      printSvg: string;
    }
  /** Starts the next part on a new page (paged formats only). */
  | { kind: 'pageBreak' };

export interface Report {
  title: string;
  /** Lines under the title on the title page. */
  subtitle: string[];
  /** Label → value pairs on the title page (date, horizon, teams…). */
  meta: [label: string, value: string][];
  blocks: Block[];
  /** Document metadata: the language of the text, for DOCX/PDF/HTML. */
  lang: 'ru';
}

export function plain(text: string): Block {
  return { kind: 'paragraph', runs: [{ text }] };
}

/** The plain text of runs (tables, file names, tests). */
export function runsText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('');
}
