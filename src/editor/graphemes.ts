// Grapheme boundaries near a position, so the cursor never lands inside a character the user sees as one
// (a ZWJ family, a flag, e + combining accent). Looks at a small window, never the whole text: a 100 KB
// prompt costs the same per key as an empty one.
import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Longer clusters than this (stacked combining marks) are split: a window has to end somewhere. */
const WINDOW = 64;

const isAscii = (code: number): boolean => code < 0x80;

/** The start of the grapheme that ends at `index` (0 stays 0). */
export function previousBoundary(text: string, index: number): number {
  if (index <= 0) return 0;
  // An ASCII character after an ASCII character (or the start) is a grapheme of its own.
  if (isAscii(text.charCodeAt(index - 1)) && (index === 1 || isAscii(text.charCodeAt(index - 2)))) return index - 1;
  const start = Math.max(0, index - WINDOW);
  let last = start;
  for (const { index: at } of segmenter.segment(text.slice(start, index))) last = start + at;
  return last;
}

/** The end of the grapheme that starts at `index` (the length stays the length). */
export function nextBoundary(text: string, index: number): number {
  if (index >= text.length) return text.length;
  if (isAscii(text.charCodeAt(index)) && (index + 1 === text.length || isAscii(text.charCodeAt(index + 1)))) return index + 1;
  const first = segmenter.segment(text.slice(index, index + WINDOW))[Symbol.iterator]().next();
  return first.done ? text.length : index + first.value.segment.length;
}

/** Every grapheme of a (short) text: the unit the layout and the word motions step by. */
export function graphemes(text: string): string[] {
  if (/^[\x20-\x7e]*$/.test(text)) return text.split('');
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Columns a grapheme takes on screen; a tab shows as one space, a control character as its one-column
 *  picture and a C1 control as `\x9b` (src/text/visible-text.ts shows them so). */
export function graphemeWidth(grapheme: string): number {
  if (grapheme.length === 1) {
    const code = grapheme.charCodeAt(0);
    if (code >= 0x20 && code < 0x7f) return 1;
    if (code < 0x20 || code === 0x7f) return 1;
    if (code <= 0x9f) return 4;
  }
  return stringWidth(grapheme);
}

/** Columns a text takes on screen (grapheme-aware: `👨‍👩‍👧` is 2). */
export function textWidth(text: string): number {
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  return stringWidth(text.replace(/\t/g, ' '));
}
