// One line at the bottom: session and its title, recipe, models, cost, rewind depth, checkpoint, the sandbox, and a hint.
import { Box, Text } from 'ink';
import { memo } from 'react';
import { formatUsd, oneLine, visibleLine } from './format.js';
import { shortHash } from './short-hash.js';
import type { StatusInfo } from './types.js';

export interface StatusBarProps {
  status: StatusInfo;
  hint?: string;
}

/** Columns of the title the bar shows (titles may be 80 characters, each two columns wide). */
const TITLE_COLUMNS = 24;

/** `ses_` and the UUID's timestamp part: enough to tell sessions apart and a valid --resume prefix. */
export function shortSessionId(id: string): string {
  return id.slice(0, 17);
}

export const StatusBar = memo(function StatusBar({ status, hint }: StatusBarProps) {
  const recipe = visibleLine(`${status.recipeName || 'default'}${status.recipeHash ? ` ${shortHash(status.recipeHash)}` : ''}`);
  return (
    <Box flexDirection="column">
      {/* a long title is cut to its first columns: it must not push the bar onto more lines */}
      <Text>
        <Text color="blue">{visibleLine(shortSessionId(status.sessionId))}</Text>
        {status.title ? <Text bold>{` ${oneLine(status.title, TITLE_COLUMNS)}`}</Text> : null}
        <Text dimColor> │ </Text>
        {recipe}
        <Text dimColor> │ </Text>
        {status.blind ? `blind · ${status.models.length} model${status.models.length === 1 ? '' : 's'}` : status.models.map(visibleLine).join(', ') || 'no models'}
        <Text dimColor> │ </Text>
        {/* the bar is one line: a session that has spent nothing says `$0`, short */}
        {status.sessionCostUsd === 0 ? '$0' : formatUsd(status.sessionCostUsd)}
        {status.costUnknown ? '+?' : ''}
        <Text dimColor> │ </Text>
        rewind {status.rewindDepth}
        {status.redoDepth > 0 ? ` · redo ${status.redoDepth}` : ''}
        {status.checkpoint ? (
          <>
            <Text dimColor> │ </Text>
            <Text color="yellow">checkpoint</Text>
          </>
        ) : null}
        {status.sandbox ? (
          <>
            <Text dimColor> │ </Text>
            <Text color={status.sandbox.includes('no bwrap') ? 'yellow' : undefined}>{status.sandbox}</Text>
          </>
        ) : null}
        {status.verbose ? <Text dimColor> │ verbose</Text> : null}
      </Text>
      {hint ? <Text color="yellow">{visibleLine(hint)}</Text> : null}
    </Box>
  );
});
