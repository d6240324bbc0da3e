import { describe, expect, it } from 'vitest';
import { transformIndex } from './caret';

describe('caret under a remote edit', () => {
  it('moves right when text is inserted before it', () => {
    expect(transformIndex(5, [{ retain: 2 }, { insert: 'abc' }])).toBe(8);
  });
  it('stays when text is inserted after it or exactly at it', () => {
    expect(transformIndex(5, [{ retain: 7 }, { insert: 'abc' }])).toBe(5);
    expect(transformIndex(5, [{ retain: 5 }, { insert: 'abc' }])).toBe(5);
  });
  it('moves left by what was deleted before it, no further than the deletion start', () => {
    expect(transformIndex(5, [{ retain: 1 }, { delete: 2 }])).toBe(3);
    expect(transformIndex(5, [{ retain: 3 }, { delete: 10 }])).toBe(3);
  });
});
