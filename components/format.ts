// Small formatters shared by the components: money (src/text/usd.ts, one copy with the subcommands), time,
// tokens, one-line previews. Widths are display columns (string-width: a ZWJ family or a CJK character is
// two), so padded columns and borders line up.
// Text passed through oneLine and pad is made visible (src/text/visible-text.ts): control characters are
// shown, never obeyed; and only a bounded head of it is read, so a 100 MB field costs what a short one does.
import { graphemeWidth, graphemes, textWidth } from '../src/editor/graphemes.js';
import { visibleLine, visibleText } from '../src/text/visible-text.js';

export { visibleLine, visibleText } from '../src/text/visible-text.js';
export { formatUsd } from '../src/text/usd.js';

/** One-line views read at most this much of a string. */
const ONE_LINE_SCAN = 4096;

function head(text: string, width: number): string {
  const limit = Math.max(ONE_LINE_SCAN, width * 4);
  return text.length > limit ? text.slice(0, limit) : text;
}


export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes}m${Math.round((ms % 60_000) / 1000)}s`;
}

export function formatTokens(input: number, output: number): string {
  return `${input}→${output} tok`;
}

/** A text cut to `width` columns, with an ellipsis when cut. */
export function cutToWidth(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  let used = 0;
  let kept = '';
  for (const grapheme of graphemes(text)) {
    const columns = graphemeWidth(grapheme);
    if (used + columns > width - 1) break;
    kept += grapheme;
    used += columns;
  }
  return kept + '…';
}

/** The first non-blank line of a text (within its first few KB), made visible, cut to `width` columns with an ellipsis. */
export function oneLine(text: string, width: number): string {
  const first = head(text, width).replace(/\r\n?/g, '\n').split('\n').find((line) => line.trim() !== '') ?? '';
  return cutToWidth(visibleLine(first.trim()), Math.max(0, width));
}

/** `1 prompt`, `2 prompts`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** A prompt's lines for a header, made visible, at most `max` of them, then `…` when there are more (a bounded head is read). */
export function promptLines(prompt: string, max: number): string[] {
  const head = prompt.slice(0, PROMPT_HEAD_CHARS);
  const lines = head.replace(/\r\n?/g, '\n').split('\n');
  const more = lines.length > max || prompt.length > PROMPT_HEAD_CHARS;
  const shown = lines.slice(0, max).map(visibleText);
  return more ? [...shown, '…'] : shown;
}

/** A huge prompt costs what a short one does: only this much of it is read for a header. */
const PROMPT_HEAD_CHARS = 16_384;

/** `text` made visible, padded with spaces to `width` columns (a longer text is kept whole, up to a bound). */
export function pad(text: string, width: number): string {
  const safe = visibleLine(head(text, width));
  const length = textWidth(safe);
  return length >= width ? safe : safe + ' '.repeat(width - length);
}
