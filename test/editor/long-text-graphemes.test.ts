// Graphemes of a long text in linear time (Intl.Segmenter alone is quadratic: a 64 KB line took 16 s, and the
// app froze, Ctrl-C included), and the same graphemes as the segmenter gives for the whole text.
import { describe, expect, it } from 'vitest';
import { graphemes } from '../../src/editor/graphemes.js';
import { layoutPrompt } from '../../src/editor/layout.js';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const whole = (text: string) => Array.from(segmenter.segment(text), (s) => s.segment);

describe('graphemes of a long text', () => {
  it.each([
    ['combining accents', 'e\u0301'.repeat(700)],
    ['a ZWJ family between ASCII', `${'x'.repeat(300)}👨‍👩‍👧${'y'.repeat(300)}`],
    ['flags across window edges', `a${'🇫🇷'.repeat(400)}b`],
    ['CR LF and tabs', 'a\r\n\tb'.repeat(200)],
    ['CJK', '日本語テキスト'.repeat(200)],
    ['skin tones', `${'👍🏽'.repeat(150)}z`],
    ['an accent after ASCII', `${'q'.repeat(1000)}e\u0301${'q'.repeat(10)}`],
  ])('match the segmenter on %s', (_name, text) => {
    expect(graphemes(text)).toEqual(whole(text));
  });

  it('a 64 KB line with a non-ASCII character is laid out in well under a second', () => {
    const text = `${'z'.repeat(65_536)}…`;
    const started = performance.now();
    const layout = layoutPrompt(text, text.length, 116);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(layout.rows).toHaveLength(Math.ceil(text.length / 116));
  });
});
