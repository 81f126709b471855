// The app's keys, in order of who gets them: Ctrl-C always; then reverse search, an open panel, the pick
// after a run, and the prompt line. Typing itself belongs to the text field.
import { useInput } from 'ink';
import { useLatest } from './use-latest.js';

export interface AppKeyHandlers {
  /** false when stdin is not a terminal: no raw mode, no keys */
  enabled: boolean;
  input: string;
  searchActive: boolean;
  dialogOpen: boolean;
  picking: boolean;
  onCtrlC(): void;
  onEscape(): void;
  onSearch(): void;
  onMoveChoice(delta: number): void;
  onHistory(direction: 'older' | 'newer'): void;
  onTab(): void;
}

export function useAppKeys(handlers: AppKeyHandlers): void {
  const latest = useLatest(handlers);
  useInput(
    (input, key) => {
      const h = latest.current;
      if (key.ctrl && input === 'c') return h.onCtrlC();
      if (h.searchActive) return; // the search has its own keys
      if (key.escape) return h.onEscape();
      if (h.dialogOpen) return; // the panel has its own keys
      if (key.ctrl && input === 'r') return h.onSearch();
      if (h.picking && (key.upArrow || key.downArrow)) return h.onMoveChoice(key.upArrow ? -1 : 1);
      if (key.upArrow) return h.onHistory('older');
      if (key.downArrow) return h.onHistory('newer');
      if (key.tab && h.input.startsWith('/')) return h.onTab();
    },
    { isActive: handlers.enabled },
  );
}
