// /cost: per model, this process's spend and the session's (from its runs), tokens, and the totals.
import { Text } from 'ink';
import { memo } from 'react';
import { PanelFrame } from './PanelFrame.js';
import { formatUsd, pad } from './format.js';
import type { CostRow } from './types.js';

export interface CostPanelProps {
  rows: CostRow[];
  processTotalUsd: number;
  sessionTotalUsd: number;
  unknown: boolean;
}

export const CostPanel = memo(function CostPanel({ rows, processTotalUsd, sessionTotalUsd, unknown }: CostPanelProps) {
  const width = Math.max(8, ...rows.map((r) => r.modelId.length)) + 2;
  return (
    <PanelFrame title="Cost">
      <Text bold>{`${pad('model', width)}${pad('this process', 14)}${pad('session', 12)}tokens in→out`}</Text>
      {rows.length === 0 ? <Text dimColor>No runs yet.</Text> : null}
      {rows.map((r) => (
        <Text key={r.modelId}>
          {`${pad(r.modelId, width)}${pad(formatUsd(r.processUsd), 14)}${pad(formatUsd(r.sessionUsd), 12)}${r.inputTokens}→${r.outputTokens}`}
        </Text>
      ))}
      <Text bold>
        {`${pad('total', width)}${pad(formatUsd(processTotalUsd), 14)}${pad(formatUsd(sessionTotalUsd) + (unknown ? '+?' : ''), 12)}`}
      </Text>
      {unknown ? <Text dimColor>? = price unknown: counted as $0</Text> : null}
    </PanelFrame>
  );
});
