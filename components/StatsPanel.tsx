// /stats: the leaderboard (score, 95% interval drawn as a bar on a shared axis, comparisons, win rate, cost
// per win, median latency); Tab switches session/all, ←/→ the recipe filter.
import { Text } from 'ink';
import { usePanelKeys } from '../src/editor/use-panel-keys.js';
import { memo, useState } from 'react';
import { PanelFrame } from './PanelFrame.js';
import { axisLabels, forestBar, sharedAxis } from './forest-plot.js';
import { formatMs, formatUsd, oneLine, pad, visibleLine } from './format.js';
import { textWidth } from '../src/editor/graphemes.js';
import type { StatsFilterView, StatsRow } from './types.js';

export interface StatsPanelProps {
  filters: StatsFilterView[];
  scope: 'session' | 'all';
  isActive: boolean;
}

const PLOT_WIDTH = 24;
/** The widest a model id is shown. */
const MODEL_COLUMN = 48;
const NONE = '—';

function Table({ rows }: { rows: StatsRow[] }) {
  if (rows.length === 0) return <Text dimColor>No runs to count.</Text>;
  // a model id from a data file can be any length: the column stops at MODEL_COLUMN and longer ids are cut
  const width = Math.min(MODEL_COLUMN, Math.max(8, ...rows.map((r) => textWidth(oneLine(r.modelId, MODEL_COLUMN))))) + 2;
  const axis = sharedAxis(rows.flatMap((r) => (r.rating ? [r.rating] : [])));
  const head = `${pad('#', 4)}${pad('model', width)}${pad('score', 7)}${pad('95% interval', 14)}`;
  const tail = (r: StatsRow) =>
    `${pad(String(r.comparisons), 6)}${pad(`${r.winRate.toFixed(0)}%`, 6)}${pad(r.costPerWinUsd === null ? NONE : formatUsd(r.costPerWinUsd), 10)}${r.latencyP50Ms === null ? NONE : formatMs(r.latencyP50Ms)}`;
  return (
    <>
      <Text bold>{`${head}${axis ? pad('', PLOT_WIDTH + 2) : ''}${pad('cmp', 6)}${pad('win', 6)}${pad('cost/win', 10)}p50`}</Text>
      {rows.map((r) => (
        <Text key={r.modelId}>
          {pad(r.rank === null ? '' : String(r.rank), 4)}
          {pad(oneLine(r.modelId, width - 2), width)}
          {pad(r.rating ? r.rating.score.toFixed(0) : NONE, 7)}
          {pad(r.rating ? `${r.rating.low.toFixed(0)}–${r.rating.high.toFixed(0)}` : NONE, 14)}
          {axis ? <Text color="cyan">{pad(r.rating ? forestBar(r.rating, axis, PLOT_WIDTH) : '', PLOT_WIDTH + 2)}</Text> : null}
          {tail(r)}
        </Text>
      ))}
      {axis ? <Text dimColor>{`${pad('', 4 + width + 7 + 14)}${axisLabels(axis, PLOT_WIDTH)}`}</Text> : null}
    </>
  );
}

export const StatsPanel = memo(function StatsPanel({ filters, scope: initialScope, isActive }: StatsPanelProps) {
  const [scope, setScope] = useState(initialScope);
  const [filterIndex, setFilterIndex] = useState(0);
  usePanelKeys(
    (input, key) => {
      if (key.tab || input === 'a') setScope((s) => (s === 'all' ? 'session' : 'all'));
      else if (key.leftArrow) setFilterIndex((i) => (i - 1 + filters.length) % filters.length);
      else if (key.rightArrow) setFilterIndex((i) => (i + 1) % filters.length);
    },
    { isActive },
  );
  const filter = filters[filterIndex] ?? filters[0];
  return (
    <PanelFrame title={`Stats: ${scope === 'all' ? 'all sessions' : 'this session'}`} keys="Tab session/all · ←/→ recipe">
      <Text>
        recipe: <Text color="cyan">{visibleLine(filter?.label ?? 'every recipe')}</Text>
        <Text dimColor>{filters.length > 1 ? `  (${filterIndex + 1}/${filters.length})` : ''}</Text>
      </Text>
      <Table rows={(scope === 'all' ? filter?.all : filter?.session) ?? []} />
      <Text dimColor>score: Bradley–Terry, mean 1000; — under 5 comparisons; bars share one axis: overlap = not told apart yet</Text>
    </PanelFrame>
  );
});
