import { describe, expect, it } from 'vitest';
import { layoutPrompt, scrollTop } from '../../src/editor/layout.js';

const texts = (text: string, cursor: number, width: number) => {
  const layout = layoutPrompt(text, cursor, width);
  return { rows: layout.rows.map((r) => r.text), cursorRow: layout.cursorRow };
};

describe('the prompt layout', () => {
  it('wraps at the width, and a cursor after a full row starts the next', () => {
    expect(texts('abcdef', 6, 3)).toEqual({ rows: ['abc', 'def', ''], cursorRow: 2 });
    expect(texts('abcdef', 3, 3)).toEqual({ rows: ['abc', 'def'], cursorRow: 1 });
    expect(texts('abcdef', 2, 3)).toEqual({ rows: ['abc', 'def'], cursorRow: 0 });
  });

  it('keeps empty lines and puts the cursor on its line', () => {
    expect(texts('ab\n\ncd', 3, 3)).toEqual({ rows: ['ab', '', 'cd'], cursorRow: 1 });
    expect(texts('ab\n\ncd', 2, 3)).toEqual({ rows: ['ab', '', 'cd'], cursorRow: 0 });
    expect(texts('', 0, 10)).toEqual({ rows: [''], cursorRow: 0 });
  });

  it('measures a ZWJ family as the two columns the terminal gives it', () => {
    const family = '👨‍👩‍👧';
    expect(texts(`${family}x`, family.length + 1, 2).rows).toEqual([family, 'x']);
    expect(texts(`a${family}`, 0, 2).rows).toEqual(['a', family]);
  });

  it('scrolls only as far as the cursor needs', () => {
    expect(scrollTop(0, 5, 10, 3)).toBe(3);
    expect(scrollTop(3, 4, 10, 3)).toBe(3);
    expect(scrollTop(3, 1, 10, 3)).toBe(1);
    expect(scrollTop(8, 9, 5, 3)).toBe(2);
  });
});

describe('the layout of a recalled prompt with control characters', () => {
  it('counts each as the one column its picture takes, so the row fits the box', () => {
    expect(layoutPrompt('ab\x1bcd', 0, 3).rows.map((r) => r.text)).toEqual(['ab\x1b', 'cd']);
  });
});
