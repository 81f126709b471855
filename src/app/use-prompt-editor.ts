// The prompt line's state: held in a ref so each key of a burst sees the edits of the keys before it
// (React state would hand every key the value from before the burst), drawn once per burst.
import { useMemo, useRef } from 'react';
import { editorReducer, initialEditor, type EditAction, type EditorState } from '../editor/editor-reducer.js';
import { useKeyRender } from '../editor/KeypressProvider.js';

export interface PromptEditor {
  /** the state now, including keys not drawn yet */
  current(): EditorState;
  apply(action: EditAction): void;
  /** put a whole text in (history, completion, a rewind); undoable */
  set(text: string): void;
}

export function usePromptEditor(): PromptEditor {
  const state = useRef<EditorState>(initialEditor);
  const render = useKeyRender();
  return useMemo<PromptEditor>(() => {
    const apply = (action: EditAction) => {
      const next = editorReducer(state.current, action);
      if (next === state.current) return;
      const changed = next.text !== state.current.text || next.cursor !== state.current.cursor;
      state.current = next;
      if (changed) render();
    };
    return { current: () => state.current, apply, set: (text) => apply({ type: 'set', text }) };
  }, [render]);
}
