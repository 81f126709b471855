// /history: one model's conversation at a time; ←/→ switch model, ↑/↓ and PgUp/PgDn scroll.
import { Text } from 'ink';
import { usePanelKeys } from '../src/editor/use-panel-keys.js';
import { memo, useMemo, useState } from 'react';
import { PanelFrame } from './PanelFrame.js';
import type { HistoryTurn } from './types.js';
import { visibleLine, visibleText } from './format.js';

export interface HistoryPanelProps {
  histories: Record<string, HistoryTurn[]>;
  /** lines of conversation shown at once */
  height?: number;
  isActive: boolean;
}

function turnLines(turns: readonly HistoryTurn[]): { text: string; user: boolean }[] {
  return turns.flatMap((turn) => {
    const lines = turn.content.split('\n');
    return lines.map((line, index) => ({ text: `${index === 0 ? (turn.role === 'user' ? 'you › ' : 'model › ') : '        '}${visibleText(line)}`, user: turn.role === 'user' }));
  });
}

export const HistoryPanel = memo(function HistoryPanel({ histories, height = 12, isActive }: HistoryPanelProps) {
  const models = Object.keys(histories);
  const [modelIndex, setModelIndex] = useState(0);
  // lines scrolled up from the newest
  const [scroll, setScroll] = useState(0);
  const model = models[Math.min(modelIndex, models.length - 1)];
  const lines = useMemo(() => turnLines(model ? histories[model] : []), [histories, model]);
  const maxScroll = Math.max(0, lines.length - height);

  usePanelKeys(
    (_input, key) => {
      if (key.leftArrow || key.rightArrow) {
        const step = key.leftArrow ? -1 : 1;
        setModelIndex((i) => (i + step + models.length) % Math.max(1, models.length));
        setScroll(0);
      } else if (key.upArrow) setScroll((s) => Math.min(maxScroll, s + 1));
      else if (key.downArrow) setScroll((s) => Math.max(0, s - 1));
      else if (key.pageUp) setScroll((s) => Math.min(maxScroll, s + height));
      else if (key.pageDown) setScroll((s) => Math.max(0, s - height));
    },
    { isActive },
  );

  if (!model) {
    return (
      <PanelFrame title="History">
        <Text dimColor>No conversation yet.</Text>
      </PanelFrame>
    );
  }
  const end = lines.length - Math.min(scroll, maxScroll);
  const shown = lines.slice(Math.max(0, end - height), end);
  return (
    <PanelFrame title={`History: ${visibleLine(model)} (${modelIndex + 1}/${models.length}, ${histories[model].length} turns)`} keys="←/→ model · ↑/↓ PgUp/PgDn scroll">
      {end < lines.length || end - height > 0 ? <Text dimColor>{`lines ${Math.max(1, end - height + 1)}-${end} of ${lines.length}`}</Text> : null}
      {shown.map((line, index) => (
        <Text key={index} color={line.user ? 'magenta' : undefined} wrap="truncate">
          {line.text}
        </Text>
      ))}
    </PanelFrame>
  );
});
