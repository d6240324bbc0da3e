/**
 * Markdown (CommonMark with GFM tables). Every piece of text is escaped so it stays text: Markdown punctuation gets
 * a backslash, and `<`, `>`, `&` become entities, so no raw HTML (a `<script>` in a note) survives into a viewer
 * that renders HTML in Markdown. Links are written only for safe targets (`isSafeHref`).
 */
import type { Block, Report, Run } from './report.js';

/** Inline punctuation that could start emphasis, code, links, images, tables or strikethrough. */
const INLINE_SPECIAL = /[\\`*_[\]{}()#+!|~-]/g;

export function escapeMarkdownInline(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(INLINE_SPECIAL, (c) => `\\${c}`)
    .replace(/^(\s*\d+)([.)])/, '$1\\$2')
    .replace(/^[ \t]+/, '')
    .replace(/^=/, '\\=');
}

/** Escapes text that may span lines: each line escaped, joined with hard breaks. */
export function escapeMarkdown(text: string): string {
  return text
    .split('\n')
    .map((line) => escapeMarkdownInline(line))
    .join('\\\n');
}

function cellText(text: string): string {
  return escapeMarkdownInline(text.replace(/\s*\n\s*/g, ' ')) || ' ';
}

function linkTarget(href: string): string {
  // URL serialisation already percent-encodes spaces, quotes and angle brackets; parentheses would end the link.
  return href.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

function runMarkdown(run: Run, first: boolean): string {
  if (run.text === '\n') return '\\\n';
  // Spaces around a run stay outside its emphasis markers (`*text*` must hug the text); a paragraph's own leading
  // spaces go (four would make it a code block).
  const lead = first ? '' : /^[ \t]*/.exec(run.text)![0];
  const trail = /[ \t]*$/.exec(run.text)![0];
  let out = escapeMarkdown(run.text.trim());
  if (!out) return lead || trail ? ' ' : '';
  if (run.code) out = `\`${out.replace(/`/g, '')}\``;
  if (run.bold) out = `**${out}**`;
  if (run.italic || run.muted) out = `*${out}*`;
  if (run.strike) out = `~~${out}~~`;
  if (run.href) out = `[${out}](${linkTarget(run.href)})`;
  return lead + out + trail;
}

function runsMarkdown(runs: readonly Run[]): string {
  return runs.map((run, i) => runMarkdown(run, i === 0)).join('');
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line ? prefix + line : line))
    .join('\n');
}

function blockMarkdown(block: Block, shift: number): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(Math.min(6, block.level + shift))} ${escapeMarkdownInline(block.text.replace(/\s+/g, ' ').trim())}`;
    case 'paragraph':
      return runsMarkdown(block.runs);
    case 'list':
      return block.items
        .map((item, i) => {
          const marker = block.ordered ? `${block.start + i}. ` : '- ';
          const body = blocksMarkdown(item, shift) || ' ';
          const pad = ' '.repeat(marker.length);
          return marker + indent(body, pad).slice(pad.length);
        })
        .join('\n');
    case 'quote':
      return blocksMarkdown(block.blocks, shift)
        .split('\n')
        .map((line) => (line ? `> ${line}` : '>'))
        .join('\n');
    case 'rule':
      return '---';
    case 'code':
      // Indented code: no fence for a hostile text to close early.
      return block.text
        .split('\n')
        .map((line) => `    ${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}`)
        .join('\n');
    case 'table': {
      const header = `| ${block.header.map(cellText).join(' | ')} |`;
      const rule = `| ${block.header.map(() => '---').join(' | ')} |`;
      const rows = block.rows.map((row) => `| ${row.map(cellText).join(' | ')} |`);
      return [header, rule, ...rows].join('\n');
    }
    case 'fields':
      return [
        '| | |',
        '| --- | --- |',
        ...block.rows.map(([label, value]) => `| **${cellText(label)}** | ${cellText(value)} |`),
      ].join('\n');
    case 'boardImage':
      // Pictures are the HTML's: the lists below carry every note.
      return '';
    case 'pageBreak':
      return '';
  }
}

function blocksMarkdown(blocks: readonly Block[], shift: number): string {
  return blocks
    .map((block) => blockMarkdown(block, shift))
    .filter((text) => text.length > 0)
    .join('\n\n');
}

/** The report as Markdown. */
export function renderMarkdown(report: Report): string {
  const head = [
    `# ${escapeMarkdownInline(report.title)}`,
    ...report.subtitle.map((line) => `*${escapeMarkdownInline(line)}*`),
    report.meta
      .map(([label, value]) => `- **${escapeMarkdownInline(label)}:** ${escapeMarkdownInline(value)}`)
      .join('\n'),
  ];
  // The report's own level-1 parts become level 2 under the title.
  return `${[...head, blocksMarkdown(report.blocks, 1)].join('\n\n')}\n`;
}
