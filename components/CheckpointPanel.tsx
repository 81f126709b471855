// /checkpoint: the interrupted run, model by model, as /resume would find it.
import { Box, Text } from 'ink';
import { memo } from 'react';
import { PanelFrame } from './PanelFrame.js';
import { formatTokens, formatUsd, oneLine, pad, visibleLine } from './format.js';
import type { CheckpointView } from './types.js';
import { formatLocalTime } from '../src/text/local-time.js';

const stateColor = { completed: 'green', interrupted: 'yellow', failed: 'red', 'not started': 'gray' } as const;

export interface CheckpointPanelProps {
  checkpoint: CheckpointView | null;
}

export const CheckpointPanel = memo(function CheckpointPanel({ checkpoint }: CheckpointPanelProps) {
  if (!checkpoint) {
    return (
      <PanelFrame title="Checkpoint">
        <Text dimColor>No interrupted run.</Text>
      </PanelFrame>
    );
  }
  const width = Math.max(8, ...checkpoint.models.map((m) => m.modelId.length)) + 2;
  return (
    <PanelFrame title="Checkpoint">
      <Text>
        <Text bold>{oneLine(checkpoint.prompt, 80)}</Text>
        <Text dimColor>{`  ${visibleLine(formatLocalTime(checkpoint.timestamp))}`}</Text>
      </Text>
      {checkpoint.models.map((m) => (
        <Box key={m.modelId} flexDirection="column">
          <Text>
            {pad(m.modelId, width)}
            <Text color={stateColor[m.state]}>{pad(m.state, 13)}</Text>
            {`${pad(formatTokens(m.inputTokens, m.outputTokens), 16)}${formatUsd(m.costUsd)}`}
          </Text>
          {m.textPreview ? <Text dimColor>{`  ${oneLine(m.textPreview, 76)}`}</Text> : null}
          {m.writes.length > 0 ? <Text>{`  writes: ${m.writes.map(visibleLine).join(', ')}`}</Text> : null}
          {m.error ? <Text color="red">{`  ${oneLine(m.error, 76)}`}</Text> : null}
        </Box>
      ))}
      <Text dimColor>/resume re-runs the models that did not complete</Text>
    </PanelFrame>
  );
});
