// A terminal forest plot: each model's 95% interval as a bar on one axis shared by every row, its score
// a dot, so overlapping intervals (models the data cannot tell apart yet) line up at a glance.

export interface PlotAxis {
  min: number;
  max: number;
}

/** The axis that holds every interval, widened a little so no bar touches an edge. */
export function sharedAxis(intervals: readonly { low: number; high: number }[]): PlotAxis | null {
  if (intervals.length === 0) return null;
  const min = Math.min(...intervals.map((i) => i.low));
  const max = Math.max(...intervals.map((i) => i.high));
  const margin = Math.max(1, (max - min) * 0.05);
  return { min: min - margin, max: max + margin };
}

/** A bar `width` cells wide: spaces outside the interval, `─` inside, `●` at the score. */
export function forestBar(rating: { score: number; low: number; high: number }, axis: PlotAxis, width: number): string {
  const cell = (value: number) => Math.min(width - 1, Math.max(0, Math.round(((value - axis.min) / (axis.max - axis.min)) * (width - 1))));
  const [from, to, at] = [cell(rating.low), cell(rating.high), cell(rating.score)];
  let bar = '';
  for (let i = 0; i < width; i++) bar += i === at ? '●' : i >= from && i <= to ? '─' : ' ';
  return bar;
}

/** The axis under the bars: its two ends, the rest blank. */
export function axisLabels(axis: PlotAxis, width: number): string {
  const left = axis.min.toFixed(0);
  const right = axis.max.toFixed(0);
  return left + ' '.repeat(Math.max(1, width - left.length - right.length)) + right;
}
