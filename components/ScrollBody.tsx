// A panel's body taller than the screen: `height` rows in view, ↑/↓ PgUp/PgDn Home/End scroll it, and a
// line says what is above and below. The content is measured after layout, so any children work.
import { Box, measureElement, Text, type DOMElement } from 'ink';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { usePanelKeys } from '../src/editor/use-panel-keys.js';

export interface ScrollBodyProps {
  height: number;
  isActive: boolean;
  children: ReactNode;
}

export function ScrollBody({ height, isActive, children }: ScrollBodyProps) {
  const content = useRef<DOMElement>(null);
  // null until measured: the first frame is cut at `height` too, so it is never taller than the screen
  const [contentHeight, setContentHeight] = useState<number | null>(null);
  const [top, setTop] = useState(0);
  useEffect(() => {
    if (!content.current) return;
    const measured = measureElement(content.current).height;
    if (measured !== contentHeight) setContentHeight(measured);
  });
  const measured = contentHeight !== null;
  const overflows = contentHeight === null || contentHeight > height;
  // one row goes to the line that says there is more
  const rows = overflows && measured ? Math.max(1, height - 1) : height;
  const maxTop = Math.max(0, (contentHeight ?? 0) - rows);
  const shownTop = Math.min(top, maxTop);
  usePanelKeys(
    (_input, key) => {
      const page = Math.max(1, rows - 1);
      if (key.upArrow) setTop((t) => Math.max(0, Math.min(t, maxTop) - 1));
      else if (key.downArrow) setTop((t) => Math.min(maxTop, t + 1));
      else if (key.pageUp) setTop((t) => Math.max(0, Math.min(t, maxTop) - page));
      else if (key.pageDown) setTop((t) => Math.min(maxTop, t + page));
      else if (key.home) setTop(0);
      else if (key.end) setTop(maxTop);
    },
    { isActive: isActive && overflows && measured },
  );
  const below = (contentHeight ?? 0) - shownTop - rows;
  return (
    <Box flexDirection="column">
      <Box height={overflows ? rows : undefined} overflowY="hidden" flexDirection="column">
        <Box ref={content} flexDirection="column" flexShrink={0} marginTop={-shownTop}>
          {children}
        </Box>
      </Box>
      {overflows && measured ? (
        <Text dimColor>{[shownTop > 0 ? `↑ ${shownTop} more` : null, below > 0 ? `↓ ${below} more` : 'end', '↑/↓ PgUp/PgDn scroll'].filter(Boolean).join(' · ')}</Text>
      ) : null}
    </Box>
  );
}
