// One line per figure: measured value, floor, ratio and target; a missed target makes the run fail.
export interface Figure {
  name: string;
  measured: number;
  floor: number;
  unit: string;
  /** the ratio measured/floor must stay at or under this; for absolute targets the floor is 1 */
  target: number;
  /** absolute figures compare `measured` with `target` directly */
  absolute?: boolean;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function meets(figure: Figure): boolean {
  return figure.absolute ? figure.measured <= figure.target : figure.measured / figure.floor <= figure.target;
}

export function formatFigure(figure: Figure): string {
  const value = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ${figure.unit}`;
  const verdict = meets(figure) ? 'ok' : 'MISSED';
  if (figure.absolute) return `${figure.name.padEnd(44)} ${value(figure.measured).padStart(12)}   target <= ${value(figure.target)}   ${verdict}`;
  const ratio = figure.measured / figure.floor;
  return `${figure.name.padEnd(44)} ${value(figure.measured).padStart(12)}   floor ${value(figure.floor).padStart(11)}   ratio ${ratio.toFixed(2)}x   target <= ${figure.target}x   ${verdict}`;
}
