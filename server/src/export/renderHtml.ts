/**
 * A standalone HTML page: no script, no external resource, print-friendly CSS (A4, parts on new pages, table headers
 * repeated). Every text is escaped and links carry only safe targets; a Content-Security-Policy that forbids every
 * script is inside the file too, so even a future escaping bug could not run code where the file is opened.
 */
import type { Block, Report, Run } from './report.js';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 11pt/1.5 "PT Sans", "Segoe UI", Roboto, Arial, sans-serif; color: #1d2330; margin: 0 auto; max-width: 60rem; padding: 2rem; }
h1, h2, h3, h4 { line-height: 1.25; margin: 1.6em 0 .5em; break-after: avoid; }
h1 { font-size: 1.7rem; color: #1a3f8f; border-bottom: 2px solid #1a3f8f; padding-bottom: .2em; }
h2 { font-size: 1.35rem; color: #1a3f8f; }
h3 { font-size: 1.1rem; }
h4 { font-size: 1rem; color: #4a5263; }
.title-page { min-height: min(80vh, 40rem); display: flex; flex-direction: column; justify-content: center; text-align: center; }
.title-page h1 { font-size: 2.2rem; border: 0; }
.title-page .kind { font-size: 1.2rem; color: #4a5263; margin: 0; }
.title-page dl { display: grid; grid-template-columns: max-content auto; gap: .3em 1em; margin: 2.5em auto 0; text-align: left; }
.title-page dt { color: #4a5263; }
.title-page dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .6em 0 1em; font-size: .95em; }
th, td { border: 1px solid #c9cfdb; padding: .35em .5em; text-align: left; vertical-align: top; white-space: pre-wrap; overflow-wrap: anywhere; }
th { background: #eef1f6; }
table.fields th { width: 28%; font-weight: 600; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
blockquote { margin: .8em 0; padding: .1em 1em; border-left: 3px solid #c9cfdb; color: #4a5263; }
pre { white-space: pre-wrap; background: #f5f6f8; padding: .6em; }
.muted { color: #6b7385; }
.page-break { break-before: page; }
p, li { overflow-wrap: anywhere; }
a { color: #1a56c4; }
figure.board svg { display: block; max-width: 100%; height: auto; }
figure.board { margin: .6em 0 1.2em; border: 1px solid #c9cfdb; border-radius: 6px; padding: .4em; break-inside: avoid; }
figure.board figcaption { color: #6b7385; font-size: .85em; margin-top: .3em; }
footer { margin-top: 3rem; color: #6b7385; font-size: .85em; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .title-page { min-height: 240mm; break-after: page; }
  a { color: inherit; text-decoration: none; }
}
`;

function runHtml(run: Run): string {
  if (run.text === '\n') return '<br>';
  let out = escapeHtml(run.text).replace(/\n/g, '<br>');
  if (run.code) out = `<code>${out}</code>`;
  if (run.bold) out = `<strong>${out}</strong>`;
  if (run.italic) out = `<em>${out}</em>`;
  if (run.underline) out = `<u>${out}</u>`;
  if (run.strike) out = `<s>${out}</s>`;
  if (run.muted) out = `<span class="muted">${out}</span>`;
  if (run.href) out = `<a href="${escapeHtml(run.href)}" rel="noopener noreferrer nofollow">${out}</a>`;
  return out;
}

function cell(tag: 'th' | 'td', text: string): string {
  return `<${tag}>${escapeHtml(text)}</${tag}>`;
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p>${block.runs.map(runHtml).join('')}</p>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const start = block.ordered && block.start !== 1 ? ` start="${block.start}"` : '';
      return `<${tag}${start}>${block.items.map((item) => `<li>${blocksHtml(item)}</li>`).join('')}</${tag}>`;
    }
    case 'quote':
      return `<blockquote>${blocksHtml(block.blocks)}</blockquote>`;
    case 'rule':
      return '<hr>';
    case 'code':
      return `<pre>${escapeHtml(block.text)}</pre>`;
    case 'table':
      return (
        `<table><thead><tr>${block.header.map((h) => cell('th', h)).join('')}</tr></thead><tbody>` +
        block.rows.map((row) => `<tr>${row.map((c) => cell('td', c)).join('')}</tr>`).join('') +
        '</tbody></table>'
      );
    case 'fields':
      return (
        '<table class="fields"><tbody>' +
        block.rows.map(([label, value]) => `<tr>${cell('th', label)}${cell('td', value)}</tr>`).join('') +
        '</tbody></table>'
      );
    case 'boardImage':
      return `<figure class="board">${block.svg}<figcaption>${escapeHtml(block.caption)}</figcaption></figure>`;
    case 'pageBreak':
      return '<div class="page-break"></div>';
  }
}

function blocksHtml(blocks: readonly Block[]): string {
  return blocks.map(blockHtml).join('\n');
}

/** The report as an HTML page. */
export function renderHtml(report: Report): string {
  const meta = report.meta.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`);
  return `<!doctype html>
<html lang="${report.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Horizon">
<title>${escapeHtml(report.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="title-page">
${report.subtitle.map((line) => `<p class="kind">${escapeHtml(line)}</p>`).join('\n')}
<h1>${escapeHtml(report.title)}</h1>
<dl>${meta.join('')}</dl>
</header>
<main>
${blocksHtml(report.blocks)}
</main>
</body>
</html>
`;
}
