import { describe, expect, it } from 'vitest';
import { exportFixture, fixtureSources, HOSTILE } from './exportFixture.js';
import { buildExportModel } from './readModel.js';
import { EXPORT_TEXT_MAX, cleanDeep, cleanText } from './sanitize.js';

describe('export text cleaning', () => {
  it('drops control characters XML cannot carry, keeps tabs and line breaks', () => {
    expect(cleanText('a\u0000b\u0007c\u001bd\u0085e\tf\r\ng')).toBe('abcde\tf\ng');
  });

  it('replaces lone surrogates and keeps pairs', () => {
    expect(cleanText('x\ud800y')).toBe('x\ufffdy');
    expect(cleanText('🚀')).toBe('🚀');
  });

  it('cuts huge texts', () => {
    const cut = cleanText('а'.repeat(EXPORT_TEXT_MAX * 5));
    expect(cut.length).toBe(EXPORT_TEXT_MAX);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('cleans keys and values deep down, and a `__proto__` key stays a plain key', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": "yes\\u0000"}, "list": ["a\\u0001"]}') as object;
    const cleaned = cleanDeep(hostile) as Record<string, unknown>;
    expect(Object.getPrototypeOf(cleaned)).toBe(Object.prototype);
    expect(JSON.stringify(cleaned)).toBe('{"__proto__":{"polluted":"yes"},"list":["a"]}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('cleans reviews and comment threads like every other text', () => {
    const model = buildExportModel(fixtureSources(exportFixture(), { kind: 'session' }));
    const feedback = JSON.stringify(
      model.teams.map((t) => [t.initiatives.map((i) => [i.review, i.threads]), t.board.notes.map((n) => n.threads)]),
    );
    expect(HOSTILE.comment).toContain('\u0007');
    expect(feedback).toContain('не жирный');
    expect(feedback).not.toMatch(/\\u0007/);
  });
});
