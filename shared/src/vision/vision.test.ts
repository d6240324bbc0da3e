import { getSchema } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { visionExtensions } from './extensions.js';
import { mentionLabel, NOTE_MENTION } from './noteMention.js';
import { isSafeHref } from './safeHref.js';

describe('vision links', () => {
  it.each([
    ['https://samregion.ru/strategy', true],
    ['http://example.org', true],
    ['mailto:team@example.org', true],
    ['javascript:alert(1)', false],
    ['JaVaScRiPt:alert(1)', false],
    ['java\tscript:alert(1)', false],
    [' javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['vbscript:msgbox', false],
    ['/relative/path', false],
    ['', false],
  ])('%j is safe: %s', (href, safe) => {
    expect(isSafeHref(href)).toBe(safe);
  });

  it('a link mark with a javascript: target renders without it', () => {
    const schema = getSchema(visionExtensions());
    const toDOM = schema.marks.link!.spec.toDOM!;
    const unsafe = toDOM(schema.marks.link!.create({ href: 'javascript:alert(1)' }), true) as unknown[];
    const safe = toDOM(schema.marks.link!.create({ href: 'https://example.org' }), true) as unknown[];
    expect((unsafe[1] as Record<string, unknown>).href).toBe('');
    expect((safe[1] as Record<string, unknown>).href).toBe('https://example.org');
  });
});

describe('vision schema', () => {
  it('has headings, lists, quotes, marks and note mentions, and no code blocks', () => {
    const schema = getSchema(visionExtensions());
    for (const node of ['heading', 'bulletList', 'orderedList', 'blockquote', NOTE_MENTION]) {
      expect(schema.nodes[node], node).toBeDefined();
    }
    for (const mark of ['bold', 'italic', 'link']) expect(schema.marks[mark], mark).toBeDefined();
    expect(schema.nodes.codeBlock).toBeUndefined();
  });

  it('a mention renders only a well-formed note id, and its label as text', () => {
    const schema = getSchema(visionExtensions());
    const toDOM = schema.nodes[NOTE_MENTION]!.spec.toDOM!;
    const hostile = schema.nodes[NOTE_MENTION]!.create({ noteId: '" onclick="x', label: '<img src=x>' });
    const dom = toDOM(hostile) as unknown[];
    expect(dom[1]).not.toHaveProperty('data-note-id');
    expect(dom[2]).toBe('@<img src=x>');
  });

  it('mention labels are one short line', () => {
    expect(mentionLabel('  Чистая\nВолга  ')).toBe('Чистая Волга');
    expect(mentionLabel('а'.repeat(100))).toHaveLength(60);
  });
});
