// The run under way: one panel per model, side by side, stacked when the terminal is too narrow.
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { LiveRun as LiveRunState } from '../src/runs/types.js';
import { ModelPanel } from './ModelPanel.js';
import { oneLine } from './format.js';

/** Narrower than this, a panel cannot show a useful line: stack them instead. */
const MIN_PANEL_WIDTH = 36;

export interface LiveRunProps {
  run: LiveRunState;
  verbose: boolean;
  columns: number;
}

export const LiveRun = memo(function LiveRun({ run, verbose, columns }: LiveRunProps) {
  const count = Math.max(1, run.models.length);
  const sideBySide = Math.floor(columns / count) >= MIN_PANEL_WIDTH;
  const width = sideBySide ? Math.floor(columns / count) : columns;
  return (
    <Box flexDirection="column">
      <Text bold>
        <Text color="magenta">{'> '}</Text>
        {oneLine(run.prompt, columns - 2)}
      </Text>
      <Box flexDirection={sideBySide ? 'row' : 'column'}>
        {run.models.map((model) => (
          <ModelPanel key={model.modelId} model={model} verbose={verbose} width={width} />
        ))}
      </Box>
    </Box>
  );
});
