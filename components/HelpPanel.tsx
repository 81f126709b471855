// /help: every slash command (from the command list) and the keys.
import { Box, Text } from 'ink';
import { memo } from 'react';
import { PanelFrame } from './PanelFrame.js';
import type { CommandHint } from './types.js';

export const KEYS: [string, string][] = [
  ['Enter', 'send the prompt (or keep the numbered response after a run)'],
  ['\\ Enter, Ctrl-J', 'a new line in the prompt (also Alt-Enter)'],
  ['↑ / ↓', 'move between lines; on the first/last line walk the prompt history (or move the choice after a run, or the / suggestions)'],
  ['Ctrl-A / Ctrl-E', 'start / end of the line (also Home / End)'],
  ['Ctrl-B / Ctrl-F', 'back / forward a character (also ← / →)'],
  ['Alt-B / Alt-F', 'back / forward a word (also Ctrl-← / Ctrl-→)'],
  ['Backspace', 'delete back (also Ctrl-H)'],
  ['Delete', 'delete forward (also Ctrl-D; nothing on an empty line)'],
  ['Ctrl-W', 'delete back to the previous space'],
  ['Alt-Backspace', 'delete back a word'],
  ['Alt-D', 'delete forward a word'],
  ['Ctrl-U / Ctrl-K', 'delete to the start / end of the line'],
  ['Ctrl-Y', 'put back the last deleted text'],
  ['Ctrl-_', 'undo'],
  ['Ctrl-X Ctrl-E', 'write the prompt in $VISUAL / $EDITOR'],
  ['Ctrl-L', 'redraw the screen'],
  ['Ctrl-R', 'search the prompt history; Ctrl-R again for older, Enter takes it'],
  ['Tab', 'complete a slash command or its argument'],
  ['PgUp / PgDn', 'scroll a panel taller than the screen (also ↑ / ↓)'],
  ['Esc', 'close a panel, cancel the running run'],
  ['/', 'with a panel open: close it and start a command'],
  ['Ctrl-C twice', 'quit'],
];

/** A term and its text; a text too long for the line wraps under itself, not under the term. */
function HelpRow({ term, width, text }: { term: string; width: number; text: string }) {
  return (
    <Box>
      <Box width={width} flexShrink={0}>
        <Text color="cyan">{term}</Text>
      </Box>
      <Text>{text}</Text>
    </Box>
  );
}

export interface HelpPanelProps {
  commands: CommandHint[];
}

export const HelpPanel = memo(function HelpPanel({ commands }: HelpPanelProps) {
  const width = Math.max(...commands.map((c) => c.name.length + (c.args ? c.args.length + 1 : 0))) + 2;
  return (
    <PanelFrame title="Help">
      <Text bold>Slash commands</Text>
      {commands.map((c) => (
        <HelpRow key={c.name} term={`${c.name}${c.args ? ` ${c.args}` : ''}`} width={width} text={c.description} />
      ))}
      <Box marginTop={1} flexDirection="column">
        <Text bold>Keys</Text>
        {KEYS.map(([key, what]) => (
          <HelpRow key={key} term={key} width={17} text={what} />
        ))}
      </Box>
    </PanelFrame>
  );
});
