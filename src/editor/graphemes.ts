// Grapheme boundaries near a position, so the cursor never lands inside a character the user sees as one
// (a ZWJ family, a flag, e + combining accent). Looks at a small window, never the whole text: a 100 KB
// prompt costs the same per key as an empty one.
import stringWidth from 'string-width';
import { isHighSurrogate } from '../../store/code-points.js';

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

/** Code units segmented at a time: Intl.Segmenter's cost grows with the square of its input (64 KB took 16 s). */
const SEGMENT_WINDOW = 256;

const isPrintableAscii = (code: number): boolean => code >= 0x20 && code <= 0x7e;

/** A printable ASCII character followed by another (or by the end) is a grapheme of its own. */
function asciiAlone(text: string, at: number): boolean {
  return isPrintableAscii(text.charCodeAt(at)) && (at + 1 === text.length || isPrintableAscii(text.charCodeAt(at + 1)));
}

/**
 * Every grapheme of a text: the unit the layout and the word motions step by. Linear in the text's length:
 * ASCII is taken a character at a time, anything else segmented in small windows.
 */
export function graphemes(text: string): string[] {
  if (/^[\x20-\x7e]*$/.test(text)) return text.split('');
  const all: string[] = [];
  let at = 0;
  while (at < text.length) {
    if (asciiAlone(text, at)) {
      all.push(text[at++]);
      continue;
    }
    let end = Math.min(text.length, at + SEGMENT_WINDOW);
    // never end a window inside a surrogate pair
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
    const window = Array.from(segmenter.segment(text.slice(at, end)), (s) => s.segment);
    // the window's last grapheme may go on past its end: it is segmented again in the next window
    const whole = end === text.length ? window.length : Math.max(1, window.length - 1);
    for (let i = 0; i < whole; i++) {
      all.push(window[i]);
      at += window[i].length;
      if (asciiAlone(text, at)) break;
    }
  }
  return all;
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
