import { describe, expect, it } from 'vitest';
import { exportFixture, FEEDBACK, fixtureSources, HOSTILE } from './exportFixture.js';
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

describe('reviews and comments in Markdown', () => {
  const md = renderMarkdown(report());
  const text = unescapeMarkdown(md);

  it('has the review column, the passport line and the comment threads', () => {
    expect(md).toMatch(/^\| № \| Инициатива \| Руководитель \| Статус \| Сроки \| Бюджет, ₽ \| Оценка \|$/m);
    expect(text).toContain(
      `| **Оценка наставника** | Нужны правки: ${FEEDBACK.changes} — ${FEEDBACK.mentor}, 27.11.2026, 10:30 |`,
    );
    expect(text).toContain('Одобрено — Ольга Сергеевна Лебедева, 27.11.2026, 11:30 (ранее оценок: 1)');
    expect(text).toContain('##### Комментарии к заметкам');
    expect(text).toContain(`- **«${FEEDBACK.approvedNote}»**`);
    expect(text).toContain(`*${FEEDBACK.mentor} (наставник), 27.11.2026, 10:30:* ${FEEDBACK.noteQuestion}`);
    expect(text).toContain(`*Анна Петрова (участник), 27.11.2026, 10:31:* ${FEEDBACK.noteAnswer}`);
    expect(text).toContain(`*(обсуждение закрыто: ${FEEDBACK.mentor}, 27.11.2026, 10:32)*`);
    expect(text).toContain('##### Комментарии');
  });

  it('keeps hostile comments text', () => {
    expect(md).not.toContain('<img');
    expect(md).toContain('&lt;img onerror=alert\\(1\\)&gt; \\*\\*не жирный\\*\\* \\[ссылка\\]\\(data:text/html,x\\)');
    expect(md).not.toMatch(/\]\(data:/);
    expect(md).toContain('&lt;b&gt;Гость&lt;/b&gt;');
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

  it('has reviews and comment threads, escaped', () => {
    expect(html).toContain('<th>Оценка</th>');
    expect(html).toContain(
      `<th>Оценка наставника</th><td>Нужны правки: ${FEEDBACK.changes} — ${FEEDBACK.mentor}, 27.11.2026, 10:30</td>`,
    );
    expect(html).toContain(`<h4>Комментарии к заметкам</h4>`);
    expect(html).toContain(`<strong>«${FEEDBACK.approvedNote}»</strong><br>`);
    expect(html).toContain(FEEDBACK.noteAnswer);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>Гость');
    expect(html).toContain('&lt;img onerror=alert(1)&gt; **не жирный** [ссылка](data:text/html,x) =1+1');
  });
});
