// Small formatters shared by the components: money, time, tokens, one-line previews.

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

/** The first line of a text, cut to `width` code points with an ellipsis. */
export function oneLine(text: string, width: number): string {
  const first = text.replace(/\r\n?/g, '\n').split('\n').find((line) => line.trim() !== '') ?? '';
  const chars = [...first.trim()];
  return chars.length > width ? chars.slice(0, Math.max(0, width - 1)).join('') + '…' : chars.join('');
}

export function pad(text: string, width: number): string {
  const length = [...text].length;
  return length >= width ? text : text + ' '.repeat(width - length);
}
