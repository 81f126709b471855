// Plain text tables: columns padded to their widest cell, two spaces apart, numbers right-aligned.
import { codePointCount } from '../../store/code-points.js';

export interface Column {
  header: string;
  align?: 'left' | 'right';
}

/** Longer cells than this (a value no `cell` cut) are measured in code points: counted, never segmented. */
const MEASURED_CELL = 4096;

/** string-width, once loaded: its emoji tables cost 40 ms to load, which `bakeoff --version` must not pay. */
let columns: ((text: string) => number) | null = null;

/** Loads the measure of terminal columns; every subcommand does before it runs (src/cli.ts). */
export async function loadColumnWidths(): Promise<void> {
  columns ??= (await import('string-width')).default;
}

/** Terminal columns: a wide (CJK, emoji) character is two, so the next columns stay aligned. */
function width(text: string): number {
  return columns !== null && text.length <= MEASURED_CELL ? columns(text) : codePointCount(text);
}

export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((column, index) => Math.max(width(column.header), ...rows.map((row) => width(row[index] ?? ''))));
  const line = (cells: readonly string[]) =>
    columns
      .map((column, index) => {
        const text = cells[index] ?? '';
        const padding = ' '.repeat(Math.max(0, widths[index] - width(text)));
        return column.align === 'right' ? padding + text : text + padding;
      })
      .join('  ')
      .trimEnd();
  return [line(columns.map((column) => column.header)), ...rows.map(line)].join('\n') + '\n';
}

/** `label  value` lines with the values aligned: a header block above a table or a list. */
export function renderFacts(facts: readonly (readonly [string, string])[]): string {
  const labelWidth = Math.max(0, ...facts.map(([label]) => width(label)));
  return facts.map(([label, value]) => `${label}${' '.repeat(labelWidth - width(label))}  ${value}`.trimEnd()).join('\n') + '\n';
}
