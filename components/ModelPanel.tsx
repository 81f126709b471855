// One model's live panel: status, elapsed time, tokens and cost, and the latest events as they stream.
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { LiveModel } from '../src/runs/types.js';
import { formatMs, formatTokens, formatUsd, oneLine, visibleLine } from './format.js';
import { writeLabel } from '../src/text/write-label.js';

/** Lines of text and events shown when not verbose: enough to follow, small enough to redraw cheaply. */
const TEXT_LINES = 4;
const EVENT_LINES = 3;
/** A finished model shows more of its answer: the user is about to pick from these. */
const DONE_TEXT_LINES = 10;

const statusColor = { running: 'cyan', done: 'green', failed: 'red', cancelled: 'yellow' } as const;

export interface ModelPanelProps {
  model: LiveModel;
  verbose: boolean;
  width: number;
  /** the clock: a running model's elapsed time counts from its start to now */
  now?: number;
}

function bodyLines(model: LiveModel, verbose: boolean, width: number): string[] {
  const inner = Math.max(10, width - 4);
  if (verbose) return model.events.map((e) => `${e.type}: ${oneLine(e.data, inner - e.type.length - 2)}`);
  // a failure's error is shown once, under the events (it is also the last event)
  const actions = model.events
    .filter((e) => e.type !== 'text' && !(model.error && e.type === 'error'))
    .slice(-EVENT_LINES)
    .map((e) => `${e.type}: ${oneLine(e.data, inner - e.type.length - 2)}`);
  // only the tail is shown: split a bounded piece of it, not the whole answer
  const text = model.text
    .slice(-16_384)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(-(model.status === 'running' ? TEXT_LINES : DONE_TEXT_LINES))
    .map((line) => oneLine(line, inner));
  return [...actions, ...text];
}

export const ModelPanel = memo(function ModelPanel({ model, verbose, width, now }: ModelPanelProps) {
  const elapsedMs = model.status === 'running' && now !== undefined ? Math.max(model.elapsedMs, now - model.startedAt) : model.elapsedMs;
  const lines = bodyLines(model, verbose, width);
  const label = model.resumed ? `${model.status} (kept)` : model.status;
  // `~` until the endpoint's usage replaces the running estimate
  const estimate = model.estimated ? '~' : '';
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={statusColor[model.status]} paddingX={1} width={width}>
      <Text bold wrap="truncate">
        {visibleLine(model.modelId)}
      </Text>
      <Text wrap="truncate">
        <Text color={statusColor[model.status]}>{label}</Text> {formatMs(elapsedMs)} · {estimate}{formatTokens(model.inputTokens, model.outputTokens)} ·{' '}
        {model.costUsd === null ? '' : estimate}{formatUsd(model.costUsd)}
        {model.proposedWrites.length > 0 ? ` · ${model.proposedWrites.length} write(s)` : ''}
      </Text>
      {model.proposedWrites.length > 0 ? <Text wrap="truncate">{oneLine(`changes: ${model.proposedWrites.map(writeLabel).join(', ')}`, width - 4)}</Text> : null}
      {lines.map((line, index) => (
        <Text key={index} wrap="truncate" color={line.startsWith('error:') ? 'red' : undefined}>
          {line}
        </Text>
      ))}
      {model.error ? (
        <Text color="red" wrap="truncate">
          {oneLine(model.error, width - 4)}
        </Text>
      ) : null}
    </Box>
  );
});
