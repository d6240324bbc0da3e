import { describe, expect, it } from 'vitest';
import { exportFixture, FEEDBACK, fixtureSources, HOSTILE, SPECIAL } from './exportFixture.js';
import { unzipText, wordText, xmlProblem } from './fileChecks.js';
import { buildReport } from './outline.js';
import { buildExportModel } from './readModel.js';
import { renderDocx } from './renderDocx.js';

describe('DOCX', async () => {
  const fixture = exportFixture();
  const docx = await renderDocx(buildReport(buildExportModel(fixtureSources(fixture, { kind: 'session' }))));
  const parts = unzipText(docx);
  const documentXml = parts.get('word/document.xml') ?? '';
  // Amounts keep no-break spaces (they never wrap); compare with plain ones.
  const text = wordText(documentXml).replace(/\u00a0/g, ' ');

  it('is a zip of well-formed XML parts', () => {
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    expect([...parts.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));
    for (const [name, xml] of parts) expect(xmlProblem(xml), name).toBeNull();
  });

  it('reads back the Cyrillic text, «», №, ₽ and — exactly', () => {
    for (const expected of [
      'Кадровый бренд Самарской области — 2036 (демо)',
      'Итоги стратегической сессии',
      'Команда «Волга»',
      'Выпускники вузов остаются в регионе: 7 из 10',
      'Самарская область в 2036 году',
      'Карьерный портал «Работа в Самарской области»',
      'Исследование потребностей выпускников',
      'Ольга Сергеевна Лебедева',
      SPECIAL,
      '12 000 000 ₽',
      HOSTILE.script,
      'Управляющие символы убраны',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('has the mentors’ reviews and the comment threads, hostile text as text', () => {
    for (const expected of [
      'Оценка наставника',
      `Нужны правки: ${FEEDBACK.changes} — ${FEEDBACK.mentor}, 27.11.2026, 10:30`,
      `Одобрено — ${FEEDBACK.mentor}, 27.11.2026, 11:30 (ранее оценок: 1)`,
      'Комментарии к заметкам',
      `«${FEEDBACK.approvedNote}»`,
      `${FEEDBACK.mentor} (наставник), 27.11.2026, 10:30: ${FEEDBACK.noteQuestion}`,
      `Анна Петрова (участник), 27.11.2026, 10:31: ${FEEDBACK.noteAnswer}`,
      `(обсуждение закрыто: ${FEEDBACK.mentor}, 27.11.2026, 10:32)`,
      HOSTILE.comment.replace('\u0007', ''),
      '<b>Гость</b> (участник)',
    ]) {
      expect(text).toContain(expected);
    }
    expect(documentXml).not.toContain('<img');
    expect(documentXml).toContain('&lt;img onerror=alert(1)&gt;');
  });

  it('uses real headings, tables, lists, a title page and page numbers', () => {
    expect(documentXml).toContain('w:val="Heading1"');
    expect(documentXml).toContain('w:val="Heading2"');
    expect(documentXml).toContain('w:val="Title"');
    expect(documentXml).toContain('<w:tbl>');
    expect(documentXml).toContain('<w:tblHeader/>');
    expect(documentXml).toContain('<w:numPr>');
    const footers = [...parts].filter(([name]) => /^word\/footer\d*\.xml$/.test(name)).map(([, xml]) => xml);
    expect(footers.join('')).toMatch(/PAGE/);
    expect(footers.join('')).toContain('Страница');
  });

  it('links only to safe targets', () => {
    const rels = parts.get('word/_rels/document.xml.rels') ?? '';
    expect(rels).toContain(HOSTILE.safeHref);
    expect(rels).not.toMatch(/javascript:/i);
    expect(documentXml).not.toMatch(/javascript:/i);
  });
});
