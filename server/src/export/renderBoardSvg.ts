/**
 * The image-of-the-future board as an SVG picture: sections as tinted frames with their titles, notes as coloured
 * cards with their first lines, links as arrows. Used inline by the HTML export, as a download (`format=svg`), and
 * rasterised (`boardPng.ts`) for the PNG download, the Word file and the PDF. Every text is XML-escaped and every
 * colour comes from a fixed palette or was checked as `#rrggbb` when read, so a note cannot inject markup or CSS.
 */
import type { NoteColor } from '@horizon/shared/board';
import { boundsOf, centerOf } from '@horizon/shared/board';
import type { ExportBoard } from './model.js';

const NOTE_FILL: Record<NoteColor, string> = {
  yellow: '#fff3b0',
  green: '#d3f2d7',
  blue: '#d6e6ff',
  pink: '#ffd9e6',
  purple: '#e7dcff',
  orange: '#ffe0c2',
};

/** Past this many notes the picture stops adding them (the lists in the report still have every one). */
const MAX_NOTES = 1500;
const WIDTH = 1000;
/** How far outside the sections a loose note may lie and still be drawn, in board pixels. */
const NEAR = 1500;

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Breaks text into at most `maxLines` lines of about `perLine` characters, by words. */
function wrap(text: string, perLine: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    if (!word) continue;
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= perLine) line = candidate;
    else {
      if (line) lines.push(line);
      line = word.length > perLine ? `${word.slice(0, perLine - 1)}…` : word;
    }
    if (lines.length === maxLines) break;
  }
  if (line && lines.length < maxLines) lines.push(line);
  if (lines.length === maxLines && text.length > lines.join(' ').length + 1) {
    lines[maxLines - 1] = `${lines[maxLines - 1]!.slice(0, perLine - 1)}…`;
  }
  return lines;
}

const round = (n: number) => Math.round(n * 10) / 10;

export function renderBoardSvg(board: ExportBoard, title: string, options: { noteText?: boolean } = {}): string | null {
  const noteText = options.noteText ?? true;
  // A note dragged far off (or a hostile coordinate) would shrink the whole picture to a dot: the picture shows the
  // sections and what lies near them; the lists still name every note.
  const frame = boundsOf(board.sections);
  const near = (n: ExportBoard['notes'][number]) =>
    !frame ||
    n.sectionId !== null ||
    (n.x > frame.x - NEAR && n.y > frame.y - NEAR && n.x < frame.x + frame.w + NEAR && n.y < frame.y + frame.h + NEAR);
  const notes = board.notes.filter(near).slice(0, MAX_NOTES);
  const bounds = boundsOf([...board.sections, ...notes]);
  if (!bounds || notes.length === 0) return null;
  const pad = 40;
  const scale = WIDTH / (bounds.w + 2 * pad);
  const x = (v: number) => round((v - bounds.x + pad) * scale);
  const y = (v: number) => round((v - bounds.y + pad) * scale);
  const s = (v: number) => round(v * scale);
  const height = round((bounds.h + 2 * pad) * scale);
  const parts: string[] = [];
  for (const section of board.sections) {
    parts.push(
      `<rect x="${x(section.x)}" y="${y(section.y)}" width="${s(section.w)}" height="${s(section.h)}" rx="${s(12)}" ` +
        `fill="${section.color}" fill-opacity="0.35" stroke="${section.color}"/>`,
      `<text x="${x(section.x + 16)}" y="${y(section.y + 36)}" font-size="${s(26)}" font-weight="600">` +
        `${escapeXml(section.title)}</text>`,
    );
  }
  const byId = new Map(notes.map((n) => [n.id, n]));
  for (const link of board.links) {
    const from = byId.get(link.from);
    const to = byId.get(link.to);
    if (!from || !to) continue;
    const a = centerOf(from);
    const b = centerOf(to);
    parts.push(
      `<line x1="${x(a.x)}" y1="${y(a.y)}" x2="${x(b.x)}" y2="${y(b.y)}" stroke="#5a6476" stroke-width="${s(3)}" ` +
        'marker-end="url(#arrow)"/>',
    );
  }
  for (const note of notes) {
    const fontSize = 16;
    const lines = !noteText
      ? []
      : wrap(
          note.text,
          Math.max(6, Math.floor((note.w - 20) / (fontSize * 0.58))),
          Math.max(1, Math.floor((note.h - 20) / (fontSize * 1.25))),
        );
    const tspans = lines
      .map(
        (line, i) => `<tspan x="${x(note.x + 10)}" dy="${i === 0 ? 0 : s(fontSize * 1.25)}">${escapeXml(line)}</tspan>`,
      )
      .join('');
    parts.push(
      `<rect x="${x(note.x)}" y="${y(note.y)}" width="${s(note.w)}" height="${s(note.h)}" rx="${s(6)}" ` +
        `fill="${NOTE_FILL[note.color]}" stroke="#00000022"/>`,
      ...(noteText ? [`<text y="${y(note.y + 10 + fontSize)}" font-size="${s(fontSize)}">${tspans}</text>`] : []),
    );
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" ` +
    `aria-label="${escapeXml(title)}" font-family="PT Sans, Segoe UI, Roboto, Arial, sans-serif" fill="#1d2330">` +
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" ' +
    'orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#5a6476"/></marker></defs>' +
    `${parts.join('')}</svg>`
  );
}

/**
 * The picture as a file of its own: an XML declaration and a pixel size instead of the page-relative width (a file
 * viewer or resvg has no page to be 100% of).
 */
export function standaloneSvg(svg: string): string {
  const height = /viewBox="0 0 \d+ ([\d.]+)"/.exec(svg)?.[1] ?? String(WIDTH);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg.replace(' width="100%"', ` width="${WIDTH}" height="${height}"`)}`;
}

/** A blank board: the title and a line saying there is nothing on it yet. */
export function emptyBoardSvg(title: string, message: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} 200" width="100%" role="img" ` +
    `aria-label="${escapeXml(title)}" font-family="PT Sans, Segoe UI, Roboto, Arial, sans-serif" fill="#1d2330">` +
    `<rect width="${WIDTH}" height="200" fill="#ffffff"/>` +
    `<text x="40" y="80" font-size="28" font-weight="600">${escapeXml(title)}</text>` +
    `<text x="40" y="130" font-size="20" fill="#6b7385">${escapeXml(message)}</text></svg>`
  );
}
