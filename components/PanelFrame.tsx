// The frame every panel shares: a border, a title and the keys that work in it. Inside a PanelScroll (the
// panels whose ↑/↓ are free), a body taller than the screen scrolls.
import { Box, Text } from 'ink';
import { createContext, useContext, type ReactNode } from 'react';
import { ScrollBody } from './ScrollBody.js';
import { visibleLine } from './format.js';

export interface PanelFrameProps {
  title: string;
  keys?: string;
  children: ReactNode;
}

/** Rows a panel's body may take, and whether the panel has the keys. */
export const PanelScroll = createContext<{ height: number; isActive: boolean } | null>(null);

export function PanelFrame({ title, keys, children }: PanelFrameProps) {
  const scroll = useContext(PanelScroll);
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="cyan" paddingX={1}>
      <Box justifyContent="space-between">
        <Text bold color="cyan">
          {visibleLine(title)}
        </Text>
        <Text dimColor>{keys ? `${keys} · Esc close` : 'Esc close'}</Text>
      </Box>
      {scroll ? (
        <ScrollBody height={scroll.height} isActive={scroll.isActive}>
          {children}
        </ScrollBody>
      ) : (
        children
      )}
    </Box>
  );
}
