// The scrollback: finished runs and messages, each printed once through <Static>.
import { Box, Static, Text } from 'ink';
import { memo } from 'react';
import { formatMs, formatTokens, formatUsd, pad, visibleLine, visibleText } from './format.js';
import type { FeedItem, FeedModelLine, FeedRunItem } from './types.js';
import { PromptHeader } from './PromptHeader.js';

const PROMPT_LINES = 6;

const mark = { ok: '✓', failed: '✗', cancelled: '⊘' } as const;
const markColor = { ok: 'green', failed: 'red', cancelled: 'yellow' } as const;

function ModelLine({ line, width }: { line: FeedModelLine; width: number }) {
  return (
    <Text>
      {'  '}
      <Text color={markColor[line.outcome]}>{mark[line.outcome]}</Text> {pad(line.modelId, width)} {line.selected ? <Text color="yellow">★</Text> : ' '}{' '}
      {pad(formatMs(line.latencyMs), 7)} {pad(formatTokens(line.inputTokens, line.outputTokens), 16)} {formatUsd(line.costUsd)}
      {line.error ? <Text color="red">{`  ${visibleLine(line.error)}`}</Text> : null}
    </Text>
  );
}

export function RunEntry({ item }: { item: FeedRunItem }) {
  const width = Math.max(...item.models.map((m) => m.modelId.length), 8);
  return (
    <Box flexDirection="column" marginBottom={1}>
      <PromptHeader prompt={item.prompt} maxLines={PROMPT_LINES} />
      {item.models.map((line) => (
        <ModelLine key={line.modelId} line={line} width={width} />
      ))}
      {item.note ? <Text color={item.note.startsWith('[rewound]') ? 'yellow' : 'cyan'}>{`  ${visibleLine(item.note)}`}</Text> : null}
    </Box>
  );
}

export function FeedEntry({ item }: { item: FeedItem }) {
  if (item.kind === 'run') return <RunEntry item={item} />;
  const color = item.level === 'error' ? 'red' : item.level === 'warning' ? 'yellow' : 'gray';
  return (
    <Box marginBottom={1}>
      <Text color={color}>{visibleText(item.text)}</Text>
    </Box>
  );
}

export interface FeedProps {
  items: FeedItem[];
}

/** Remount with a new `key` (after clearing the terminal) to print the items again, e.g. after /clear or a rewind. */
export const Feed = memo(function Feed({ items }: FeedProps) {
  return <Static items={items}>{(item) => <FeedEntry key={item.key} item={item} />}</Static>;
});
