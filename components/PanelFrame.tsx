// The frame every panel shares: a border, a title and the keys that work in it.
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';

export interface PanelFrameProps {
  title: string;
  keys?: string;
  children: ReactNode;
}

export function PanelFrame({ title, keys, children }: PanelFrameProps) {
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="cyan" paddingX={1}>
      <Box justifyContent="space-between">
        <Text bold color="cyan">
          {title}
        </Text>
        <Text dimColor>{keys ? `${keys} · Esc close` : 'Esc close'}</Text>
      </Box>
      {children}
    </Box>
  );
}
