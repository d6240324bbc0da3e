import { describe, expect, it } from 'vitest';
import { exportFixture, fixtureSources, HOSTILE } from './exportFixture.js';
import { buildReport } from './outline.js';
import { buildExportModel } from './readModel.js';
import { escapeMarkdown, renderMarkdown } from './renderMarkdown.js';
import { renderHtml } from './renderHtml.js';

function report() {
  return buildReport(buildExportModel(fixtureSources(exportFixture(), { kind: 'session' })));
}

const CONTENT = [
  'Кадровый бренд Самарской области — 2036 (демо)',
  'Команда «Волга»',
  'Выпускники вузов остаются в регионе: 7 из 10',
  'Самарская область в 2036 году',
  'Карьерный портал «Работа в Самарской области»',
  'Исследование потребностей выпускников',
  'Открытие и правила',
  'Лучшая инициатива',
];

/** Markdown escapes punctuation; compare on the text a reader sees. */
function unescapeMarkdown(md: string): string {
  return md
    .replace(/\\([\\`*_[\]{}()#+!|~.=-])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('Markdown', () => {
  const md = renderMarkdown(report());

  it('carries the content', () => {
    const text = unescapeMarkdown(md);
    for (const expected of CONTENT) expect(text).toContain(expected);
    expect(text).toContain('10:00–10:15');
    expect(md).toMatch(/^\| Год \|/m);
    expect(md).toContain('- Выпускники вузов остаются в регионе: 7 из 10 *\\(нравится: 1; автор: Демо\\)*');
    expect(md).toContain('**жирный**');
  });

  it('has no live markup and no unsafe link', () => {
    expect(md).not.toContain('<script');
    expect(md).not.toMatch(/\]\(\s*javascript:/i);
    expect(md).toContain(`](${HOSTILE.safeHref})`);
    expect(md).toContain('&lt;script&gt;');
  });

  it('escapes text that would otherwise become structure', () => {
    expect(escapeMarkdown('# не заголовок')).toBe('\\# не заголовок');
    expect(escapeMarkdown('1. не список')).toBe('1\\. не список');
    expect(escapeMarkdown('[ссылка](javascript:alert(1))')).toBe('\\[ссылка\\]\\(javascript:alert\\(1\\)\\)');
    expect(escapeMarkdown('    не код')).toBe('не код');
    expect(escapeMarkdown('a\n- b')).toBe('a\\\n\\- b');
  });
});

describe('HTML', () => {
  const html = renderHtml(report());

  it('is a standalone page with the content and print styles', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('@page');
    for (const expected of CONTENT.map((c) => c.replace(/«/g, '«'))) expect(html).toContain(expected);
  });

  it('runs nothing: no script, no unsafe link, no external resource', () => {
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
    expect(html).toContain(`<a href="${HOSTILE.safeHref}"`);
    expect(html).toContain('&lt;script&gt;alert(&quot;note&quot;)&lt;/script&gt;');
    expect(html).not.toMatch(/\s(src|srcset)=/);
    expect(html).toContain("default-src 'none'");
  });
});
