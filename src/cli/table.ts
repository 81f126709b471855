// Plain text tables: columns padded to their widest cell, two spaces apart, numbers right-aligned.
import stringWidth from 'string-width';
import { codePointCount } from '../../store/code-points.js';

export interface Column {
  header: string;
  align?: 'left' | 'right';
}

/** Longer cells than this (a value no `cell` cut) are measured in code points: counted, never segmented. */
const MEASURED_CELL = 4096;

/** Terminal columns: a wide (CJK, emoji) character is two, so the next columns stay aligned. */
function width(text: string): number {
  return text.length <= MEASURED_CELL ? stringWidth(text) : codePointCount(text);
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
