// The `/` suggestions under the input: which one Up/Down highlight (PromptInput scrolls to it).
import { useMemo, useRef } from 'react';
import { useKeyRender } from '../editor/KeypressProvider.js';

export interface SuggestionCursor {
  /** the highlighted suggestion, -1 for none */
  index(): number;
  move(delta: number, count: number): void;
  reset(): void;
}

export function useSuggestionCursor(): SuggestionCursor {
  const index = useRef(-1);
  const render = useKeyRender();
  return useMemo(
    () => ({
      index: () => index.current,
      move: (delta: number, count: number) => {
        if (count === 0) return;
        index.current = index.current === -1 ? (delta > 0 ? 0 : count - 1) : (index.current + delta + count) % count;
        render();
      },
      reset: () => {
        if (index.current === -1) return;
        index.current = -1;
        render();
      },
    }),
    [render],
  );
}
