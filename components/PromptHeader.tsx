// A run's prompt above its panels or in the scrollback: `> ` then the first line, later lines (and the
// wrapped part of a long one) indented under it.
import { Box, Text } from 'ink';
import { promptLines } from './format.js';

/** Lines shown of a long prompt (the rest is `…`). */
const DEFAULT_LINES = 6;

export function PromptHeader({ prompt, maxLines = DEFAULT_LINES }: { prompt: string; maxLines?: number }) {
  const lines = promptLines(prompt, maxLines);
  return (
    <Box flexDirection="column">
      {lines.map((line, index) => (
        <Box key={index}>
          <Box width={2} flexShrink={0}>
            <Text bold color="magenta">
              {index === 0 ? '>' : ' '}
            </Text>
          </Box>
          <Text bold>{line}</Text>
        </Box>
      ))}
    </Box>
  );
}
