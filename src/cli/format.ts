// How numbers, times and text look in the terminal tables: one place, so every subcommand agrees.
export { formatLocalTime } from '../text/local-time.js';
export { formatUsd } from '../text/usd.js';


/** `850 ms`, `12.8 s`, `2m 05s`. */
export function formatDurationMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const totalSeconds = Math.round(ms / 1000);
  return `${Math.floor(totalSeconds / 60)}m ${String(totalSeconds % 60).padStart(2, '0')}s`;
}

/** Whole tokens with thousands separators (averages are rounded). */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A percentage already in 0..100: `100%`, `66.7%`. */
export function formatPercent(percent: number): string {
  return Number.isInteger(percent) ? `${percent}%` : `${percent.toFixed(1)}%`;
}

/** Line breaks and runs of spaces become one space, so a prompt fits on a table row. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** At most `max` code points, with `…` when cut (a surrogate pair is never split); reads at most 2·max code units. */
export function truncate(text: string, max: number): string {
  // a code point is one or two code units: a text this short has few enough points, a longer one's cut is in this head
  if (text.length <= max) return text;
  const points = [...text.slice(0, 2 * max + 2)];
  return points.length <= max ? text : points.slice(0, Math.max(0, max - 1)).join('') + '…';
}

/** How much of a value a table cell reads: enough for its width after runs of spaces are joined. */
const cellHead = (max: number) => Math.max(4096, max * 8);

/** The first line of a value for a table cell: one line, cut to `max`; only a bounded head of the value is read. */
export function cell(text: string | undefined, max: number): string {
  const value = text ?? '';
  const head = cellHead(max);
  if (value.length <= head) return truncate(oneLine(value), max);
  const shown = truncate(oneLine(value.slice(0, head)), max);
  return shown.endsWith('…') ? shown : truncate(`${shown}…`, max);
}

/** The sum of a per-model map (a run's costs); a missing map is 0. */
export function sumValues(values: Record<string, number> | undefined): number {
  let sum = 0;
  for (const value of Object.values(values ?? {})) sum += value;
  return sum;
}
