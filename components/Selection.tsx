// After a run: the OK responses, fastest first and numbered, and how to keep one.
import { Box, Text } from 'ink';
import { memo } from 'react';
import { formatMs, formatUsd, pad, visibleLine, visibleText } from './format.js';
import type { SelectionOption } from './types.js';

export interface SelectionProps {
  options: SelectionOption[];
  highlighted: number;
  rateable: boolean;
  /** some model failed or timed out: `r` Enter runs it again */
  retryable?: boolean;
  error?: string;
  /** blind mode: what each option is called instead of its model id, and a mask for names in the rest */
  disguise?: { labelOf: ReadonlyMap<string, string>; mask(text: string): string } | null;
}

export const Selection = memo(function Selection({ options, highlighted, rateable, retryable = false, error, disguise }: SelectionProps) {
  const nameOf = (modelId: string) => visibleLine(disguise ? (disguise.labelOf.get(modelId) ?? disguise.mask(modelId)) : modelId);
  const width = Math.max(8, ...options.map((o) => nameOf(o.modelId).length));
  const rate = (rateable ? ', y/g or n/b Enter to rate it good/bad' : '') + (retryable ? ', r Enter to retry the failed' : '');
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text bold>{options.length > 0 ? 'Pick a response (fastest first):' : 'No response to pick.'}</Text>
      {options.map((option, index) => {
        const active = index === highlighted;
        return (
          <Text key={option.modelId} color={active ? 'cyan' : undefined}>
            {active ? '❯ ' : '  '}
            {option.number}. {pad(nameOf(option.modelId), width)} {pad(formatMs(option.latencyMs), 7)} {pad(`${option.outputTokens} tok`, 10)}{' '}
            {pad(formatUsd(option.costUsd), 9)}
            {option.writes.length > 0 ? `writes: ${option.writes.map(visibleLine).join(', ')}` : 'no writes'}
          </Text>
        );
      })}
      <Text dimColor>
        {options.length > 0
          ? `Type a number and Enter (or ↑/↓ and Enter) to keep it, s Enter to skip${rate}.`
          : `Every model failed: ${retryable ? 'r Enter to run them again, ' : ''}s Enter to skip.`}
      </Text>
      {error ? <Text color="red">{visibleText(disguise ? disguise.mask(error) : error)}</Text> : null}
    </Box>
  );
});
