// The rewind stack, newest first: each run's prompt, the model picked, the files a rewind would touch.
import { Box, Text } from 'ink';
import { memo } from 'react';
import { PanelFrame } from './PanelFrame.js';
import { oneLine } from './format.js';
import type { RewindRow } from './types.js';

export interface RewindPanelProps {
  rows: RewindRow[];
}

export const RewindPanel = memo(function RewindPanel({ rows }: RewindPanelProps) {
  return (
    <PanelFrame title={`Rewind stack (${rows.length})`}>
      {rows.length === 0 ? <Text dimColor>Nothing to rewind.</Text> : null}
      {rows.map((row, index) => (
        <Box key={index} flexDirection="column">
          <Text>
            <Text color="cyan">{`${index + 1}. `}</Text>
            {oneLine(row.prompt, 70)}
            <Text dimColor>{row.picked ? `  picked ${row.picked}` : '  nothing picked'}</Text>
          </Text>
          {row.restores.length > 0 ? <Text>{`   restores ${row.restores.join(', ')}`}</Text> : null}
          {row.deletes.length > 0 ? <Text>{`   deletes ${row.deletes.join(', ')}`}</Text> : null}
          {row.restores.length + row.deletes.length === 0 ? <Text dimColor>   no files</Text> : null}
        </Box>
      ))}
      {rows.length > 0 ? <Text dimColor>/rewind undoes the newest (1.)</Text> : null}
    </PanelFrame>
  );
});
