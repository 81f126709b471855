// The prompt's text as screen rows: each line wrapped at the box's width by display columns (string-width,
// so a ZWJ family takes the two columns the terminal gives it), the cursor's row and column, and the rows
// in view when the text is taller than the box.
import { graphemeWidth, graphemes } from './graphemes.js';

export interface PromptRow {
  /** what the row shows (a tab as a space) */
  text: string;
  /** UTF-16 offsets in the whole text */
  start: number;
  end: number;
}

export interface PromptLayout {
  rows: PromptRow[];
  cursorRow: number;
}

const printableAscii = /^[\x20-\x7e]*$/;

function wrapLine(line: string, offset: number, width: number, rows: PromptRow[]): void {
  if (line.length === 0) {
    rows.push({ text: '', start: offset, end: offset });
    return;
  }
  if (printableAscii.test(line)) {
    for (let at = 0; at < line.length; at += width) rows.push({ text: line.slice(at, at + width), start: offset + at, end: offset + Math.min(line.length, at + width) });
    return;
  }
  let text = '';
  let start = offset;
  let at = offset;
  let used = 0;
  for (const grapheme of graphemes(line)) {
    const columns = graphemeWidth(grapheme);
    if (used + columns > width && text !== '') {
      rows.push({ text, start, end: at });
      text = '';
      start = at;
      used = 0;
    }
    text += grapheme === '\t' ? ' ' : grapheme;
    used += columns;
    at += grapheme.length;
  }
  rows.push({ text, start, end: at });
}

/** Rows of `text` at `width` columns, and the row the cursor is on (a cursor after a full row starts the next). */
export function layoutPrompt(text: string, cursor: number, width: number): PromptLayout {
  const columns = Math.max(1, width);
  const rows: PromptRow[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const first = rows.length;
    wrapLine(line, offset, columns, rows);
    // a full last row: the cursor at the line's end goes on a row of its own
    const last = rows[rows.length - 1];
    if (rows.length > first && last.end > last.start && rowWidth(last) >= columns && cursor === last.end) rows.push({ text: '', start: last.end, end: last.end });
    offset += line.length + 1;
  }
  let cursorRow = rows.length - 1;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const next = rows[i + 1];
    // at a wrap (the next row starts where this one ends) the cursor shows at the start of the next row
    const wrapsHere = next !== undefined && next.start === row.end;
    if (cursor >= row.start && (cursor < row.end || (cursor === row.end && !wrapsHere))) {
      cursorRow = i;
      break;
    }
  }
  return { rows, cursorRow };
}

function rowWidth(row: PromptRow): number {
  return printableAscii.test(row.text) ? row.text.length : graphemes(row.text).reduce((sum, g) => sum + graphemeWidth(g), 0);
}

/** The first row in view: moves only as far as needed to keep the cursor in the window of `height` rows. */
export function scrollTop(previousTop: number, cursorRow: number, rowCount: number, height: number): number {
  const maxTop = Math.max(0, rowCount - height);
  let top = Math.min(previousTop, maxTop);
  if (cursorRow < top) top = cursorRow;
  if (cursorRow >= top + height) top = cursorRow - height + 1;
  return Math.max(0, Math.min(top, maxTop));
}
