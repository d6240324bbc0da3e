/**
 * Test helpers that read exported files for real: unzip a DOCX and check every XML part is well-formed, read a PDF's
 * text and fonts back with poppler-utils, parse CSV by RFC 4180. Never skips: a missing poppler fails loudly.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

/** The zip's parts as text (XML and .rels parts only). */
export function unzipText(bytes: Uint8Array): Map<string, string> {
  const files = unzipSync(bytes);
  const out = new Map<string, string>();
  for (const [name, data] of Object.entries(files)) {
    if (/\.(xml|rels)$/.test(name)) out.set(name, strFromU8(data));
  }
  return out;
}

/** Every file name in a ZIP package (pictures included). */
export function zipEntryNames(bytes: Uint8Array): string[] {
  return Object.keys(unzipSync(bytes));
}

// eslint-disable-next-line no-control-regex
const FORBIDDEN_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const NAME = '[A-Za-z_][\\w.:-]*';
const ATTRIBUTE = new RegExp(`^\\s+(${NAME})\\s*=\\s*("[^"<]*"|'[^'<]*')`);

/**
 * A small well-formedness check (XML 1.0 subset used by Office): one root, tags nest and match, attributes quoted
 * and unique, entities known or numeric, no forbidden characters. Returns the first problem, or null.
 */
export function xmlProblem(xml: string): string | null {
  if (FORBIDDEN_XML_CHARS.test(xml)) return 'forbidden control character';
  let text = xml.replace(/^\uFEFF/, '');
  text = text.replace(/^<\?xml[^?]*\?>/, '');
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunk = lt < 0 ? text.slice(i) : text.slice(i, lt);
    const entity = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.exec(chunk);
    if (entity) return `bad entity near "${chunk.slice(entity.index, entity.index + 12)}"`;
    if (chunk.trim() && stack.length === 0) return 'text outside the root element';
    if (lt < 0) break;
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt);
      if (end < 0) return 'unterminated comment';
      i = end + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt);
      if (end < 0) return 'unterminated CDATA';
      i = end + 3;
      continue;
    }
    if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt);
      if (end < 0) return 'unterminated processing instruction';
      i = end + 2;
      continue;
    }
    const gt = tagEnd(text, lt + 1);
    if (gt < 0) return 'unterminated tag';
    const tag = text.slice(lt + 1, gt);
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      if (stack.pop() !== name) return `mismatched closing tag </${name}>`;
    } else {
      const selfClosing = tag.endsWith('/');
      const body = selfClosing ? tag.slice(0, -1) : tag;
      const nameMatch = new RegExp(`^${NAME}`).exec(body);
      if (!nameMatch) return `bad tag <${tag.slice(0, 20)}>`;
      let rest = body.slice(nameMatch[0].length);
      const seen = new Set<string>();
      for (;;) {
        const attr = ATTRIBUTE.exec(rest);
        if (!attr) break;
        if (seen.has(attr[1]!)) return `duplicate attribute ${attr[1]}`;
        seen.add(attr[1]!);
        if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(attr[2]!)) return `bad entity in ${attr[1]}`;
        rest = rest.slice(attr[0].length);
      }
      if (rest.trim()) return `bad attributes in <${nameMatch[0]}>: ${rest.slice(0, 30)}`;
      if (stack.length === 0) roots++;
      if (roots > 1) return 'more than one root element';
      if (!selfClosing) stack.push(nameMatch[0]);
    }
    i = gt + 1;
  }
  if (stack.length > 0) return `unclosed <${stack.at(-1)}>`;
  if (roots !== 1) return 'no root element';
  return null;
}

/** The index of the `>` that ends a tag, skipping quoted attribute values (they may hold a `>`). */
function tagEnd(text: string, from: number): number {
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return -1;
}

/** The text of a WordprocessingML part: its `<w:t>` runs, paragraphs on their own lines, entities decoded. */
export function wordText(documentXml: string): string {
  return documentXml
    .split(/<\/w:p>/)
    .map((paragraph) =>
      [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1]!)).join(''),
    )
    .join('\n');
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

function poppler(tool: 'pdftotext' | 'pdffonts', args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        `${tool} is not installed: the PDF tests read exported PDFs back with poppler-utils. ` +
          'Install it with `apt-get install -y poppler-utils`.',
      );
    }
    throw error;
  }
}

function withPdfFile<T>(pdf: Uint8Array, fn: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'horizon-pdf-'));
  const file = path.join(dir, 'report.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return fn(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF's text as poppler extracts it (UTF-8). */
export function pdfText(pdf: Uint8Array): string {
  return withPdfFile(pdf, (file) => poppler('pdftotext', ['-enc', 'UTF-8', file, '-']));
}

export interface PdfFont {
  name: string;
  embedded: boolean;
}

/** The fonts `pdffonts` lists, and whether each is embedded. */
export function pdfFonts(pdf: Uint8Array): PdfFont[] {
  const out = withPdfFile(pdf, (file) => poppler('pdffonts', [file]));
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      const columns = line.trim().split(/\s+/);
      // name type [encoding] emb sub uni object ID: emb is the 5th column from the end.
      return { name: columns[0]!, embedded: columns.at(-5) === 'yes' };
    });
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
