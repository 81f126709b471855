// /stats: per model wins, losses, thumbs-down and averages; Tab switches session/all, ←/→ the recipe filter.
import { Text } from 'ink';
import { usePanelKeys } from '../src/editor/use-panel-keys.js';
import { memo, useState } from 'react';
import { PanelFrame } from './PanelFrame.js';
import { formatMs, formatUsd, pad, visibleLine } from './format.js';
import type { StatsFilterView, StatsRow } from './types.js';

export interface StatsPanelProps {
  filters: StatsFilterView[];
  scope: 'session' | 'all';
  isActive: boolean;
}

function Table({ rows }: { rows: StatsRow[] }) {
  if (rows.length === 0) return <Text dimColor>No runs to count.</Text>;
  const width = Math.max(8, ...rows.map((r) => r.modelId.length)) + 2;
  return (
    <>
      <Text bold>{`${pad('model', width)}${pad('wins', 6)}${pad('losses', 8)}${pad('bad', 5)}${pad('runs', 6)}${pad('win%', 7)}${pad('latency', 9)}avg cost`}</Text>
      {rows.map((r) => (
        <Text key={r.modelId}>
          {`${pad(r.modelId, width)}${pad(String(r.wins), 6)}${pad(String(r.losses), 8)}${pad(String(r.thumbsDown), 5)}${pad(String(r.participations), 6)}${pad(r.winRate.toFixed(0), 7)}${pad(formatMs(r.avgLatencyMs), 9)}${formatUsd(r.avgCostUsd)}`}
        </Text>
      ))}
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
    </PanelFrame>
  );
});
