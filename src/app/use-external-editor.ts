// Hands the terminal to $VISUAL/$EDITOR and takes it back: raw mode and bracketed paste off while the
// editor runs, on again after, then a full redraw (the editor drew over everything).
import { useStdin, useStdout } from 'ink';
import { useCallback } from 'react';
import { editInExternalEditor, type EditorOutcome } from '../editor/external-editor.js';
import { BRACKETED_PASTE_OFF, BRACKETED_PASTE_ON } from '../editor/key-reader.js';

export function useExternalEditor(redraw: () => void): (text: string) => EditorOutcome {
  const { stdin, isRawModeSupported } = useStdin();
  const { stdout } = useStdout();
  return useCallback(
    (text: string) => {
      const raw = isRawModeSupported && typeof stdin.setRawMode === 'function';
      stdout.write(BRACKETED_PASTE_OFF);
      if (raw) stdin.setRawMode(false);
      try {
        return editInExternalEditor(text);
      } finally {
        if (raw) stdin.setRawMode(true);
        stdout.write(BRACKETED_PASTE_ON);
        redraw();
      }
    },
    [stdin, stdout, isRawModeSupported, redraw],
  );
}
