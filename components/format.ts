// Small formatters shared by the components: money, time, tokens, one-line previews. Widths are display
// columns (string-width: a ZWJ family or a CJK character is two), so padded columns and borders line up.
import { graphemeWidth, graphemes, textWidth } from '../src/editor/graphemes.js';

/** `$0.0123` under a dollar, `$1.23` above; `?` when the price is unknown. */
export function formatUsd(usd: number | null | undefined): string {
  if (usd === null || usd === undefined || Number.isNaN(usd)) return '?';
  if (usd === 0) return '$0';
  return usd < 1 ? `$${usd.toFixed(4)}` : `$${usd.toFixed(2)}`;
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

/** The first line of a text, cut to `width` columns with an ellipsis. */
export function oneLine(text: string, width: number): string {
  const first = text.replace(/\r\n?/g, '\n').split('\n').find((line) => line.trim() !== '') ?? '';
  return cutToWidth(first.trim(), Math.max(0, width));
}

export function pad(text: string, width: number): string {
  const length = textWidth(text);
  return length >= width ? text : text + ' '.repeat(width - length);
}
