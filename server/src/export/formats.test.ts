import { describe, expect, it } from 'vitest';
import { contentDisposition, exportFileName } from './formats.js';

describe('download names', () => {
  it('give an ASCII fallback and the Cyrillic title per RFC 5987', () => {
    const name = exportFileName('Кадровый бренд Самарской области — 2036 (демо)', null, 'docx');
    expect(name.ascii).toBe('kadrovyy-brend-samarskoy-oblasti-2036-demo.docx');
    expect(name.utf8).toBe('Кадровый бренд Самарской области — 2036 (демо).docx');
    const header = contentDisposition(name);
    expect(header).toMatch(
      /^attachment; filename="kadrovyy-brend-samarskoy-oblasti-2036-demo\.docx"; filename\*=UTF-8''/,
    );
    expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe(name.utf8);
    expect(header).toMatch(/^[\x20-\x7e]+$/);
  });

  it('never carry a path, quotes or control characters', () => {
    const name = exportFileName('../../etc/passwd "x"\r\nSet-Cookie: a=b', 'Команда\u202e', 'pdf');
    expect(name.utf8).not.toMatch(/[/\\"\r\n\u202e]/);
    expect(name.ascii).toMatch(/^[a-z0-9-]+\.pdf$/);
    expect(contentDisposition(name)).not.toMatch(/[\r\n]/);
  });
});
