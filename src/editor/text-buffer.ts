// The prompt's text and cursor, and every motion and edit on them as pure functions. The cursor is a
// UTF-16 offset that always sits on a grapheme boundary; words are runs of letters and digits (readline's).
import { nextBoundary, previousBoundary, textWidth, graphemes } from './graphemes.js';

export interface TextBuffer {
  readonly text: string;
  /** UTF-16 offset, on a grapheme boundary */
  readonly cursor: number;
}

export const emptyBuffer: TextBuffer = { text: '', cursor: 0 };

export function bufferOf(text: string, cursor = text.length): TextBuffer {
  return { text, cursor: Math.max(0, Math.min(cursor, text.length)) };
}

const wordChar = /^[\p{L}\p{N}\p{M}]/u;
const space = /^\s/u;

/** Is the grapheme starting at `index` part of a word (by its first code point)? */
function isWordAt(text: string, index: number): boolean {
  return wordChar.test(text.slice(index, index + 2));
}
function isSpaceAt(text: string, index: number): boolean {
  return space.test(text.slice(index, index + 1));
}

export function insert(buffer: TextBuffer, inserted: string): TextBuffer {
  const { text, cursor } = buffer;
  return { text: text.slice(0, cursor) + inserted + text.slice(cursor), cursor: cursor + inserted.length };
}

/** Remove [from, to) and put the cursor at `from`. */
export function removeRange(buffer: TextBuffer, from: number, to: number): TextBuffer {
  if (from >= to) return buffer;
  return { text: buffer.text.slice(0, from) + buffer.text.slice(to), cursor: from };
}

export const left = ({ text, cursor }: TextBuffer): number => previousBoundary(text, cursor);
export const right = ({ text, cursor }: TextBuffer): number => nextBoundary(text, cursor);

export function lineStart({ text, cursor }: TextBuffer): number {
  return cursor === 0 ? 0 : text.lastIndexOf('\n', cursor - 1) + 1;
}

export function lineEnd({ text, cursor }: TextBuffer): number {
  const end = text.indexOf('\n', cursor);
  return end === -1 ? text.length : end;
}

/** Alt-B: back over non-word characters, then over the word. */
export function wordLeft({ text, cursor }: TextBuffer): number {
  let at = cursor;
  while (at > 0 && !isWordAt(text, previousBoundary(text, at))) at = previousBoundary(text, at);
  while (at > 0 && isWordAt(text, previousBoundary(text, at))) at = previousBoundary(text, at);
  return at;
}

/** Alt-F: forward over non-word characters, then to the end of the word. */
export function wordRight({ text, cursor }: TextBuffer): number {
  let at = cursor;
  while (at < text.length && !isWordAt(text, at)) at = nextBoundary(text, at);
  while (at < text.length && isWordAt(text, at)) at = nextBoundary(text, at);
  return at;
}

/** Ctrl-W: back over whitespace, then over everything that is not whitespace (bash's unix-word-rubout). */
export function spaceWordLeft({ text, cursor }: TextBuffer): number {
  let at = cursor;
  while (at > 0 && isSpaceAt(text, previousBoundary(text, at))) at = previousBoundary(text, at);
  while (at > 0 && !isSpaceAt(text, previousBoundary(text, at))) at = previousBoundary(text, at);
  return at;
}

export const isMultiLine = (buffer: TextBuffer): boolean => buffer.text.includes('\n');
export const onFirstLine = ({ text, cursor }: TextBuffer): boolean => text.lastIndexOf('\n', cursor - 1) === -1;
export const onLastLine = ({ text, cursor }: TextBuffer): boolean => text.indexOf('\n', cursor) === -1;

/** Columns from the start of the cursor's line to the cursor. */
export function column(buffer: TextBuffer): number {
  return textWidth(buffer.text.slice(lineStart(buffer), buffer.cursor));
}

/** The offset in the line starting at `start` closest to `goal` columns, not past its end. */
function offsetAtColumn(text: string, start: number, goal: number): number {
  const end = lineEnd({ text, cursor: start });
  let at = start;
  let width = 0;
  for (const grapheme of graphemes(text.slice(start, end))) {
    const next = width + textWidth(grapheme);
    if (next > goal) break;
    width = next;
    at += grapheme.length;
  }
  return at;
}

/** The cursor one line up at about the same column; null on the first line. */
export function lineUp(buffer: TextBuffer, goal = column(buffer)): number | null {
  const start = lineStart(buffer);
  if (start === 0) return null;
  return offsetAtColumn(buffer.text, lineStart({ text: buffer.text, cursor: start - 1 }), goal);
}

/** The cursor one line down at about the same column; null on the last line. */
export function lineDown(buffer: TextBuffer, goal = column(buffer)): number | null {
  const end = lineEnd(buffer);
  if (end === buffer.text.length) return null;
  return offsetAtColumn(buffer.text, end + 1, goal);
}
