// The app's keys, in order of who gets them: Ctrl-C always; then reverse search; with a panel open Esc
// closes it, `/` closes it and starts a command (unless the panel reads `/` itself: the sessions panel's
// filter), and every other key is the panel's; then the pick after a
// run, the `/` suggestions, history on the first/last line, and the prompt line's readline edits.
import { useRef } from 'react';
import { atFirstLine, atLastLine } from '../editor/editor-reducer.js';
import { isChord, type KeyEvent } from '../editor/key-event.js';
import { useKeypress } from '../editor/KeypressProvider.js';
import { editActionFor } from '../editor/keymap.js';
import type { PromptEditor } from './use-prompt-editor.js';
import type { ReverseSearch } from './use-reverse-search.js';
import type { SuggestionCursor } from './use-suggestions.js';

/** The router goes before every panel. */
export const APP_KEY_PRIORITY = 100;

export interface AppKeyHandlers {
  /** false when stdin is not a terminal: no raw mode, no keys */
  enabled: boolean;
  editor: PromptEditor;
  search: ReverseSearch;
  suggestions: SuggestionCursor;
  /** how many `/` suggestions the line has now */
  suggestionCount(text: string): number;
  dialogOpen(): boolean;
  /** the open panel reads `/` itself (the sessions panel filters with it) */
  dialogTakesSlash(): boolean;
  closeDialog(): void;
  picking: boolean;
  historyWalking(): boolean;
  onCtrlC(): void;
  onEscape(): void;
  onRedraw(): void;
  onOpenEditor(): void;
  onSearch(): void;
  onMoveChoice(delta: number): void;
  /** put the older/newer entry in; false when there is none */
  onHistory(direction: 'older' | 'newer'): boolean;
  onTab(): void;
  onSubmit(): void;
  /** a key edited the line */
  onEdited(): void;
}

export function useAppKeys(handlers: AppKeyHandlers): void {
  // Ctrl-X waits for its second key (Ctrl-E opens $EDITOR)
  const ctrlX = useRef(false);
  const route = (key: KeyEvent): boolean => {
    const h = handlers;
    const { editor } = h;
    if (isChord(key, 'c', 'ctrl')) {
      h.onCtrlC();
      return true;
    }
    if (h.search.active()) {
      h.search.handle(key);
      return true;
    }
    if (ctrlX.current) {
      ctrlX.current = false;
      if (isChord(key, 'e', 'ctrl')) {
        h.onOpenEditor();
        return true;
      }
    }
    if (key.name === 'escape') {
      h.onEscape();
      return true;
    }
    if (isChord(key, 'l', 'ctrl')) {
      h.onRedraw();
      return true;
    }
    if (h.dialogOpen()) {
      if (!(key.name === 'text' && key.text === '/' && !key.paste) || h.dialogTakesSlash()) return false; // the panel's key
      h.closeDialog();
    }
    if (isChord(key, 'x', 'ctrl')) {
      ctrlX.current = true;
      return true;
    }
    if (isChord(key, 'r', 'ctrl')) {
      h.onSearch();
      return true;
    }
    const state = editor.current();
    if (key.name === 'return') {
      if (key.meta) {
        editor.apply({ type: 'insert', text: '\n' });
        h.onEdited();
      } else if (state.text.slice(0, state.cursor).endsWith('\\')) {
        editor.apply({ type: 'backspace' });
        editor.apply({ type: 'insert', text: '\n' });
        h.onEdited();
      } else h.onSubmit();
      return true;
    }
    if (key.name === 'tab') {
      if (state.text.startsWith('/')) h.onTab();
      return true;
    }
    if (key.name === 'up' || key.name === 'down') {
      const delta = key.name === 'up' ? -1 : 1;
      if (h.picking) return h.onMoveChoice(delta), true;
      const count = h.suggestionCount(state.text);
      if (count > 0 && !h.historyWalking()) return h.suggestions.move(delta, count), true;
      const edge = key.name === 'up' ? atFirstLine(state) : atLastLine(state);
      if (edge && h.onHistory(key.name === 'up' ? 'older' : 'newer')) return true;
      editor.apply({ type: key.name === 'up' ? 'line-up' : 'line-down' });
      return true;
    }
    const action = editActionFor(key);
    if (action) {
      editor.apply(action);
      h.onEdited();
    }
    return true;
  };
  useKeypress(route, { isActive: handlers.enabled, priority: APP_KEY_PRIORITY });
}
