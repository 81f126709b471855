// /sessions: the data directory's sessions, newest first; ↑/↓ to move, Enter to switch.
import { Text } from 'ink';
import { usePanelKeys } from '../src/editor/use-panel-keys.js';
import { memo, useRef, useState } from 'react';
import { PanelFrame } from './PanelFrame.js';
import { oneLine, pad, visibleLine } from './format.js';
import type { SessionRow } from './types.js';

const VISIBLE = 10;

export interface SessionsPanelProps {
  sessions: SessionRow[];
  skipped: string[];
  isActive: boolean;
  onSelect(sessionId: string): void;
}

export const SessionsPanel = memo(function SessionsPanel({ sessions, skipped, isActive, onSelect }: SessionsPanelProps) {
  const [highlighted, setHighlighted] = useState(0);
  // a key can arrive before the handler sees the last move's render: read the newest value
  const current = useRef(0);
  current.current = highlighted;
  usePanelKeys(
    (_input, key) => {
      if (key.upArrow) setHighlighted((i) => (current.current = Math.max(0, i - 1)));
      else if (key.downArrow) setHighlighted((i) => (current.current = Math.min(sessions.length - 1, i + 1)));
      else if (key.return && sessions[current.current]) onSelect(sessions[current.current].id);
    },
    { isActive },
  );
  const first = Math.max(0, Math.min(highlighted - VISIBLE + 1, sessions.length - VISIBLE));
  return (
    <PanelFrame title={`Sessions (${sessions.length})`} keys="↑/↓ move · Enter switch">
      {sessions.slice(first, first + VISIBLE).map((s, offset) => {
        const active = first + offset === highlighted;
        return (
          <Text key={s.id} color={active ? 'cyan' : undefined} wrap="truncate">
            {active ? '❯ ' : '  '}
            {visibleLine(s.id.slice(0, 17))} {pad(s.lastActiveAt.slice(0, 16).replace('T', ' '), 17)} {pad(`${s.promptCount} prompts`, 11)}
            {oneLine(s.firstPrompt, 40)}
            {s.current ? <Text color="green"> (current)</Text> : null}
          </Text>
        );
      })}
      {sessions.length > VISIBLE ? (
        <Text dimColor>{[first > 0 ? `↑ ${first} more` : null, sessions.length - first - VISIBLE > 0 ? `↓ ${sessions.length - first - VISIBLE} more` : 'end'].filter(Boolean).join(' · ')}</Text>
      ) : null}
      {skipped.map((line) => (
        <Text key={line} color="yellow">{`skipped ${visibleLine(line)}`}</Text>
      ))}
    </PanelFrame>
  );
});
