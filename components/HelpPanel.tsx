// /help: every slash command (from the command list) and the keys.
import { Box, Text } from 'ink';
import { memo } from 'react';
import { PanelFrame } from './PanelFrame.js';
import { pad } from './format.js';
import type { CommandHint } from './types.js';

export const KEYS: [string, string][] = [
  ['Enter', 'send the prompt (or keep the numbered response after a run)'],
  ['↑ / ↓', 'walk the prompt history (or move the choice after a run)'],
  ['Ctrl-R', 'search the prompt history; Ctrl-R again for older, Enter takes it'],
  ['Tab', 'complete a slash command or its argument'],
  ['Esc', 'close a panel, cancel the running run'],
  ['Ctrl-C twice', 'quit'],
];

export interface HelpPanelProps {
  commands: CommandHint[];
}

export const HelpPanel = memo(function HelpPanel({ commands }: HelpPanelProps) {
  const width = Math.max(...commands.map((c) => c.name.length + (c.args ? c.args.length + 1 : 0))) + 2;
  return (
    <PanelFrame title="Help">
      <Text bold>Slash commands</Text>
      {commands.map((c) => (
        <Text key={c.name}>
          <Text color="cyan">{pad(`${c.name}${c.args ? ` ${c.args}` : ''}`, width)}</Text>
          {c.description}
        </Text>
      ))}
      <Box marginTop={1} flexDirection="column">
        <Text bold>Keys</Text>
        {KEYS.map(([key, what]) => (
          <Text key={key}>
            <Text color="cyan">{pad(key, 14)}</Text>
            {what}
          </Text>
        ))}
      </Box>
    </PanelFrame>
  );
});
